import type { Region } from '../../../shared/schemas/annotation';
import type { Kit } from './kit';

type StepRating = -1 | 0 | 1 | null;
const now = () => new Date();

/**
 * Every table of SPEC §2, described once for both dialects. Contracts: step indices are
 * 0-based; region points are normalised to 0..1 of the image's natural size; times are UTC.
 */
export function defineSchema(k: Kit) {
  const createdAt = () => k.time().notNull().$defaultFn(now);

  const users = k.table('users', {
    id: k.id(),
    name: k.text().notNull(),
    role: k.text().notNull().$type<'annotator' | 'lead' | 'researcher' | 'admin'>(),
    /** scrypt: `scrypt$N$r$p$salt$hash` (base64url); null for imported labellers who cannot sign in. */
    passwordHash: k.text(),
    /** Created by an import (e.g. the `processbench` labeller), not by a person. */
    imported: k.bool().notNull().default(false),
    createdAt: createdAt(),
    disabledAt: k.time(),
  }, (t) => [k.uniqueIndex('users_name_uq').on(t.name)]);

  const sessions = k.table('sessions', {
    /** sha256 of the cookie's token: a stolen database does not yield live sessions. */
    id: k.text().primaryKey(),
    userId: k.int().notNull().references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: k.text().notNull(),
    createdAt: createdAt(),
    lastSeenAt: k.time().notNull().$defaultFn(now),
    expiresAt: k.time().notNull(),
  }, (t) => [k.index('sessions_user_idx').on(t.userId)]);

  const apiTokens = k.table('api_tokens', {
    id: k.id(),
    userId: k.int().notNull().references(() => users.id, { onDelete: 'cascade' }),
    label: k.text().notNull().default(''),
    tokenHash: k.text().notNull(),
    createdAt: createdAt(),
    lastUsedAt: k.time(),
    revokedAt: k.time(),
  }, (t) => [k.uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)]);

  const projects = k.table('projects', {
    id: k.id(),
    name: k.text().notNull(),
    guidelines: k.text().notNull().default(''),
    overlap: k.int().notNull().default(1),
    mode: k.text().notNull().default('first-error').$type<'first-error' | 'every-step'>(),
    assignment: k.text().notNull().default('ordered')
      .$type<'ordered' | 'random' | 'orm-uncertain-first' | 'disagreement-first'>(),
    taxonomy: k.json<string[]>().notNull(),
    leaseMinutes: k.int().notNull().default(30),
    settings: k.json<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  }, (t) => [k.uniqueIndex('projects_name_uq').on(t.name)]);

  const projectMembers = k.table('project_members', {
    projectId: k.int().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    userId: k.int().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  }, (t) => [k.primaryKey({ columns: [t.projectId, t.userId] }), k.index('project_members_user_idx').on(t.userId)]);

  /** Content-addressed, deduplicated across problems and projects; bytes live in the database so
   * every server instance sees them. */
  const images = k.table('images', {
    sha256: k.text().primaryKey(),
    mime: k.text().notNull(),
    width: k.int().notNull(),
    height: k.int().notNull(),
    bytes: k.int().notNull(),
    data: k.bytes().notNull(),
    createdAt: createdAt(),
  });

  const problems = k.table('problems', {
    id: k.id(),
    projectId: k.int().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    externalId: k.text().notNull(),
    question: k.text().notNull(),
    answer: k.text(),
    subject: k.text(),
    source: k.text(),
    metadata: k.json<Record<string, unknown>>(),
    createdAt: createdAt(),
  }, (t) => [k.uniqueIndex('problems_project_external_uq').on(t.projectId, t.externalId)]);

  const problemImages = k.table('problem_images', {
    problemId: k.int().notNull().references(() => problems.id, { onDelete: 'cascade' }),
    position: k.int().notNull(),
    imageSha256: k.text().notNull().references(() => images.sha256),
  }, (t) => [k.primaryKey({ columns: [t.problemId, t.position] }), k.index('problem_images_image_idx').on(t.imageSha256)]);

  const solutions = k.table('solutions', {
    id: k.id(),
    projectId: k.int().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    problemId: k.int().notNull().references(() => problems.id, { onDelete: 'cascade' }),
    externalId: k.text().notNull(),
    model: k.text().notNull(),
    round: k.int().notNull().default(0),
    steps: k.json<string[]>().notNull(),
    finalAnswer: k.text(),
    /** The text as it came when the solution arrived unsplit. */
    rawText: k.text(),
    metadata: k.json<Record<string, unknown>>(),
    createdAt: createdAt(),
  }, (t) => [
    k.uniqueIndex('solutions_project_external_uq').on(t.projectId, t.externalId),
    k.index('solutions_project_round_idx').on(t.projectId, t.round),
    // Keyset paging (exports, the ordered queue) reads a project's solutions in id order.
    k.index('solutions_project_id_idx').on(t.projectId, t.id),
    k.index('solutions_problem_idx').on(t.problemId),
  ]);

  const ormJudgments = k.table('orm_judgments', {
    id: k.id(),
    solutionId: k.int().notNull().references(() => solutions.id, { onDelete: 'cascade' }),
    model: k.text().notNull(),
    status: k.text().notNull().$type<'CORRECT' | 'WRONG'>(),
    /** As the ORM wrote it ("Step 3", "(3) …"). */
    errorStep: k.text(),
    /** 0-based, parsed from errorStep; null when it names no step of this solution. */
    errorStepIndex: k.int(),
    /** The ORM named a step we could not resolve: flagged for humans. */
    stepUnclear: k.bool().notNull().default(false),
    errorAnalysis: k.text(),
    improvementSuggestion: k.text(),
    /** 0..1, higher = more confident the solution is correct. */
    score: k.real(),
    createdAt: createdAt(),
  }, (t) => [k.uniqueIndex('orm_judgments_solution_model_uq').on(t.solutionId, t.model)]);

  /** The judgment of SPEC §2, shared by annotations and adjudications. */
  const judgment = () => ({
    verdict: k.text().$type<'correct' | 'incorrect'>(),
    firstErrorStep: k.int(),
    stepRatings: k.json<StepRating[]>(),
    errorType: k.text(),
    errorAnalysis: k.text().notNull().default(''),
    improvementSuggestion: k.text().notNull().default(''),
    correctedSolution: k.json<string[]>(),
    regions: k.json<Region[]>().notNull(),
    badProblem: k.bool().notNull().default(false),
    unsure: k.bool().notNull().default(false),
  });

  const annotations = k.table('annotations', {
    id: k.id(),
    solutionId: k.int().notNull().references(() => solutions.id, { onDelete: 'cascade' }),
    annotatorId: k.int().notNull().references(() => users.id),
    status: k.text().notNull().$type<'draft' | 'submitted'>(),
    /** Optimistic concurrency: a write must name the version it read. */
    version: k.int().notNull(),
    ...judgment(),
    timeSpentMs: k.int().notNull().default(0),
    imported: k.bool().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: k.time().notNull().$defaultFn(now),
    submittedAt: k.time(),
  }, (t) => [
    k.uniqueIndex('annotations_solution_annotator_uq').on(t.solutionId, t.annotatorId),
    k.index('annotations_annotator_status_idx').on(t.annotatorId, t.status),
    k.index('annotations_solution_status_idx').on(t.solutionId, t.status),
  ]);

  /** Every saved version of an annotation: nothing is overwritten. */
  const annotationRevisions = k.table('annotation_revisions', {
    id: k.id(),
    annotationId: k.int().notNull().references(() => annotations.id, { onDelete: 'cascade' }),
    version: k.int().notNull(),
    status: k.text().notNull(),
    snapshot: k.json<Record<string, unknown>>().notNull(),
    actorId: k.int().references(() => users.id),
    createdAt: createdAt(),
  }, (t) => [k.uniqueIndex('annotation_revisions_version_uq').on(t.annotationId, t.version)]);

  const adjudications = k.table('adjudications', {
    id: k.id(),
    solutionId: k.int().notNull().references(() => solutions.id, { onDelete: 'cascade' }),
    adjudicatorId: k.int().notNull().references(() => users.id),
    version: k.int().notNull(),
    ...judgment(),
    reason: k.text().notNull().default(''),
    /** A quality-control item: served blind to annotators at the project's QC rate, scored against this gold. */
    qc: k.bool().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: k.time().notNull().$defaultFn(now),
  }, (t) => [k.uniqueIndex('adjudications_solution_uq').on(t.solutionId), k.index('adjudications_qc_idx').on(t.qc, t.solutionId)]);

  const adjudicationRevisions = k.table('adjudication_revisions', {
    id: k.id(),
    adjudicationId: k.int().notNull().references(() => adjudications.id, { onDelete: 'cascade' }),
    version: k.int().notNull(),
    snapshot: k.json<Record<string, unknown>>().notNull(),
    actorId: k.int().references(() => users.id),
    createdAt: createdAt(),
  }, (t) => [k.uniqueIndex('adjudication_revisions_version_uq').on(t.adjudicationId, t.version)]);

  /** Who holds which solution until when; at most one row per (solution, user). */
  const leases = k.table('leases', {
    id: k.id(),
    projectId: k.int().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    solutionId: k.int().notNull().references(() => solutions.id, { onDelete: 'cascade' }),
    userId: k.int().notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: k.time().notNull(),
    createdAt: createdAt(),
  }, (t) => [
    k.uniqueIndex('leases_solution_user_uq').on(t.solutionId, t.userId),
    k.index('leases_user_idx').on(t.userId, t.expiresAt),
  ]);

  /** A skip hands the solution back to others, never again to the one who skipped. */
  const queueSkips = k.table('queue_skips', {
    solutionId: k.int().notNull().references(() => solutions.id, { onDelete: 'cascade' }),
    userId: k.int().notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  }, (t) => [k.primaryKey({ columns: [t.solutionId, t.userId] })]);

  /** Append-only: rows are inserted, never updated or deleted. */
  const auditLog = k.table('audit_log', {
    id: k.id(),
    at: k.time().notNull().$defaultFn(now),
    actorId: k.int().references(() => users.id),
    action: k.text().notNull(),
    projectId: k.int().references(() => projects.id, { onDelete: 'set null' }),
    targetType: k.text(),
    targetId: k.text(),
    details: k.json<Record<string, unknown>>(),
  }, (t) => [k.index('audit_log_at_idx').on(t.at), k.index('audit_log_project_idx').on(t.projectId)]);

  /**
   * Every sign-in attempt, for rate limiting that all instances see (SPEC §9: no state in
   * process memory). `userName` is the name as typed, whether or not such a user exists.
   */
  const loginAttempts = k.table('login_attempts', {
    id: k.id(),
    at: k.time().notNull(),
    userName: k.text().notNull(),
    ip: k.text().notNull(),
    ok: k.bool().notNull(),
  }, (t) => [k.index('login_attempts_user_at_idx').on(t.userName, t.at), k.index('login_attempts_ip_at_idx').on(t.ip, t.at)]);

  /** Long work (imports, exports, ORM runs) lives here, so any instance can report progress. */
  const jobs = k.table('jobs', {
    id: k.id(),
    kind: k.text().notNull(),
    projectId: k.int().references(() => projects.id, { onDelete: 'cascade' }),
    userId: k.int().references(() => users.id),
    status: k.text().notNull().$type<'running' | 'done' | 'failed'>(),
    progress: k.json<Record<string, unknown>>().notNull(),
    result: k.json<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: k.time().notNull().$defaultFn(now),
  }, (t) => [k.index('jobs_project_idx').on(t.projectId)]);

  return {
    users, sessions, apiTokens, projects, projectMembers, images, problems, problemImages, solutions,
    ormJudgments, annotations, annotationRevisions, adjudications, adjudicationRevisions, leases,
    queueSkips, auditLog, jobs, loginAttempts,
  };
}

export type Tables = ReturnType<typeof defineSchema>;
