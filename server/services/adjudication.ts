import { and, eq } from 'drizzle-orm';
import { checkSubmittable } from '../../shared/schemas/annotation';
import type { AdjudicationDto, AdjudicationPut } from '../../shared/schemas/api';
import type { Database, Orm } from '../db/connection';
import { AppError } from '../errors';
import { judgmentColumns, judgmentOf } from '../presenters/annotation';
import { hasRole, requireRole } from './access';
import { currentAdjudication, presentAdjudication, type AdjudicationRow } from './adjudication-view';
import { recordAudit } from './audit';
import type { ProjectRow } from './projects';
import type { Principal } from './sessions';
import { loadSolutionForCaller, type SolutionRow } from './solutions';

/**
 * Leads adjudicate the projects they belong to; admins any project. Annotators and researchers
 * never (403), nor a lead of another project (403).
 */
export async function requireProjectLead(db: Database, principal: Principal, projectId: number): Promise<void> {
  requireRole(principal, 'lead');
  if (hasRole(principal, 'admin')) return;
  const { projectMembers: m } = db.t;
  const [member] = await db.orm.select({ userId: m.userId }).from(m)
    .where(and(eq(m.projectId, projectId), eq(m.userId, principal.userId))).limit(1);
  if (!member) throw new AppError('FORBIDDEN', 'only a lead who is a member of this project (or an admin) may adjudicate it');
}

async function loadForLead(db: Database, principal: Principal, solutionId: number): Promise<{ project: ProjectRow; solution: SolutionRow }> {
  requireRole(principal, 'lead');
  const loaded = await loadSolutionForCaller(db, principal, solutionId);
  await requireProjectLead(db, principal, loaded.project.id);
  return loaded;
}

function snapshotOf(row: AdjudicationRow): Record<string, unknown> {
  return { ...judgmentOf(row), reason: row.reason, qc: row.qc };
}

async function conflict(db: Database, tx: Orm, solutionId: number, sent: number): Promise<never> {
  const current = await currentAdjudication(db, solutionId, tx);
  throw new AppError('VERSION_CONFLICT', `the adjudication changed since you read it (version ${current?.version ?? 0}, you sent ${sent})`,
    undefined, { current });
}

/**
 * `PUT /api/solutions/:id/adjudication` (lead+, member of the project, or admin): stores the gold
 * judgment of a solution (SPEC §2, §4: gold wins the merge).
 * - The judgment must be complete, as a submitted annotation must (`checkSubmittable` against the
 *   solution's steps and the project's taxonomy), and carry a non-empty reason.
 * - Optimistic concurrency: `body.version` is the version read (0 = none yet), else
 *   VERSION_CONFLICT with `current`; every save adds an adjudication revision and an audit entry.
 * - `qc` absent keeps the stored flag (false for a new adjudication).
 */
export async function saveAdjudication(
  db: Database,
  principal: Principal,
  solutionId: number,
  body: AdjudicationPut,
  now = new Date(),
): Promise<AdjudicationDto> {
  const { project, solution } = await loadForLead(db, principal, solutionId);
  const reason = body.reason.trim();
  if (reason === '') throw new AppError('VALIDATION_FAILED', 'reason: a reason is required', { issues: [{ where: 'reason', message: 'a reason is required' }] });
  const problems = checkSubmittable(body, { stepCount: solution.steps.length, taxonomy: project.taxonomy });
  if (problems.length > 0) {
    throw new AppError('ANNOTATION_INVALID', `the adjudication is incomplete: ${problems.join('; ')}`, { problems });
  }
  const { adjudications, adjudicationRevisions } = db.t;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(adjudications).where(eq(adjudications.solutionId, solutionId)).limit(1);
    if ((current?.version ?? 0) !== body.version) await conflict(db, tx, solutionId, body.version);
    const values = {
      ...judgmentColumns(body),
      reason,
      qc: body.qc ?? current?.qc ?? false,
      adjudicatorId: principal.userId,
      version: body.version + 1,
      updatedAt: now,
    };
    // The write re-checks the version, so two leads saving at once cannot both win.
    const [row] = current
      ? await tx.update(adjudications).set(values).where(and(eq(adjudications.id, current.id), eq(adjudications.version, body.version))).returning()
      : await tx.insert(adjudications).values({ ...values, solutionId, createdAt: now })
        .onConflictDoNothing({ target: adjudications.solutionId }).returning();
    if (!row) return conflict(db, tx, solutionId, body.version);
    await tx.insert(adjudicationRevisions).values({
      adjudicationId: row.id, version: row.version, snapshot: snapshotOf(row), actorId: principal.userId, createdAt: now,
    });
    await recordAudit(db, tx, {
      actorId: principal.userId, action: 'adjudication.save', projectId: project.id, targetType: 'solution', targetId: solutionId, at: now,
      details: { version: row.version, verdict: row.verdict, firstErrorStep: row.firstErrorStep, errorType: row.errorType, qc: row.qc },
    });
    return presentAdjudication(row, principal.name);
  });
}

/**
 * `POST /api/solutions/:id/adjudication/qc` `{qc}`: marks or unmarks the gold as a quality-control
 * item (served blind to annotators at the project's `qcRate`). Only once a gold exists (404
 * otherwise). A change is a new version (revision and audit entry); the same value changes nothing.
 */
export async function setAdjudicationQc(
  db: Database,
  principal: Principal,
  solutionId: number,
  qc: boolean,
  now = new Date(),
): Promise<AdjudicationDto> {
  const { project } = await loadForLead(db, principal, solutionId);
  const { adjudications, adjudicationRevisions } = db.t;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(adjudications).where(eq(adjudications.solutionId, solutionId)).limit(1);
    if (!current) throw new AppError('NOT_FOUND', `solution ${solutionId} has no adjudication yet; save one before marking it as QC`);
    if (current.qc === qc) {
      const unchanged = await currentAdjudication(db, solutionId, tx);
      if (!unchanged) throw new AppError('NOT_FOUND', `solution ${solutionId} has no adjudication`);
      return unchanged;
    }
    const [row] = await tx.update(adjudications).set({ qc, version: current.version + 1, updatedAt: now })
      .where(and(eq(adjudications.id, current.id), eq(adjudications.version, current.version))).returning();
    if (!row) return conflict(db, tx, solutionId, current.version);
    await tx.insert(adjudicationRevisions).values({
      adjudicationId: row.id, version: row.version, snapshot: snapshotOf(row), actorId: principal.userId, createdAt: now,
    });
    await recordAudit(db, tx, {
      actorId: principal.userId, action: qc ? 'adjudication.qc.mark' : 'adjudication.qc.unmark', projectId: project.id,
      targetType: 'solution', targetId: solutionId, at: now, details: { version: row.version },
    });
    const view = await currentAdjudication(db, solutionId, tx);
    if (!view) throw new Error('adjudication vanished');
    return view;
  });
}
