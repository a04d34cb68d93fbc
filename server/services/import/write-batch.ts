import { inArray } from 'drizzle-orm';
import type { Database, Orm } from '../../db/connection';
import type { LinePlan } from '../../domain/import/plan-line';
import type { AnnotationRecord } from '../../domain/import/native-line';
import { judgmentOf } from '../../presenters/annotation';
import type { StoredIds } from './load-known';
import type { PreparedLine } from './prepare-batch';

export type AcceptedLine = PreparedLine & { plan: Extract<LinePlan, { ok: true }> };

export interface WriteCounts {
  problems: number;
  solutions: number;
  ormJudgments: number;
  annotations: number;
  images: number;
}

/** Rows per INSERT: keeps rows × columns under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 1000;
const ANNOTATIONS_PER_INSERT = 500;
const IMAGES_PER_INSERT = 16;

/**
 * Writes the accepted lines of one batch inside the caller's transaction, a few INSERTs per
 * table in dependency order. Everything here was decided by planLine; this only stores it.
 * Fills `ids` with the new rows' ids. Imported annotations are submitted, version 1, with their
 * first revision, by the annotator named in the file (created as an imported user when new).
 */
export async function writeBatch(
  db: Database,
  tx: Orm,
  ctx: { projectId: number; actorId: number | null },
  lines: readonly AcceptedLine[],
  ids: StoredIds,
): Promise<WriteCounts> {
  const t = db.t;
  const counts: WriteCounts = { problems: 0, solutions: 0, ormJudgments: 0, annotations: 0, images: 0 };
  const newProblems = lines.filter((l) => l.plan.newProblem);

  // Images of new problems. Without bytes an image is already stored (see ImageLoader).
  const images = new Map(newProblems.flatMap((l) => l.images).filter((i) => i.data !== undefined).map((i) => [i.sha256, i]));
  for (const chunk of chunks([...images.values()], IMAGES_PER_INSERT)) {
    const rows = chunk.map(({ sha256, mime, width, height, bytes, data }) => ({ sha256, mime, width, height, bytes, data: data ?? Buffer.alloc(0) }));
    counts.images += (await tx.insert(t.images).values(rows).onConflictDoNothing().returning({ sha256: t.images.sha256 })).length;
  }

  await createAnnotators(db, tx, lines, ids);

  for (const chunk of chunks(newProblems, ROWS_PER_INSERT)) {
    const rows = chunk.map(({ record: { problem: p } }) => ({
      projectId: ctx.projectId, externalId: p.externalId, question: p.question, answer: p.answer,
      subject: p.subject, source: p.source, metadata: p.metadata,
    }));
    for (const row of await tx.insert(t.problems).values(rows).returning({ id: t.problems.id, externalId: t.problems.externalId })) {
      ids.problems.set(row.externalId, row.id);
    }
    counts.problems += rows.length;
  }
  const problemImages = newProblems.flatMap((l) =>
    l.images.map((image, position) => ({ problemId: idOf(ids.problems, l.record.problem.externalId), position, imageSha256: image.sha256 })));
  for (const chunk of chunks(problemImages, ROWS_PER_INSERT)) await tx.insert(t.problemImages).values(chunk);

  for (const chunk of chunks(lines.filter((l) => l.plan.newSolution), ROWS_PER_INSERT)) {
    const rows = chunk.map(({ record: { problem, solution: s } }) => ({
      projectId: ctx.projectId, problemId: idOf(ids.problems, problem.externalId), externalId: s.externalId,
      model: s.model, round: s.round, steps: s.steps, finalAnswer: s.finalAnswer, rawText: s.rawText, metadata: s.metadata,
    }));
    for (const row of await tx.insert(t.solutions).values(rows).returning({ id: t.solutions.id, externalId: t.solutions.externalId })) {
      ids.solutions.set(row.externalId, row.id);
    }
    counts.solutions += rows.length;
  }

  const judgments = lines.flatMap((l) => l.plan.newOrm.map((o) => ({ ...o, solutionId: idOf(ids.solutions, l.record.solution.externalId) })));
  for (const chunk of chunks(judgments, ROWS_PER_INSERT)) await tx.insert(t.ormJudgments).values(chunk);
  counts.ormJudgments = judgments.length;

  counts.annotations = await insertAnnotations(db, tx, ctx.actorId, lines, ids);
  return counts;
}

async function createAnnotators(db: Database, tx: Orm, lines: readonly AcceptedLine[], ids: StoredIds): Promise<void> {
  const t = db.t;
  const missing = [...new Set(lines.flatMap((l) => l.plan.newAnnotations.map((a) => a.annotator)))].filter((n) => !ids.users.has(n));
  for (const chunk of chunks(missing, ROWS_PER_INSERT)) {
    const rows = chunk.map((name) => ({ name, role: 'annotator' as const, passwordHash: null, imported: true }));
    await tx.insert(t.users).values(rows).onConflictDoNothing();
    // Read back rather than trust RETURNING: a concurrent import may have created some of them.
    for (const u of await tx.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.name, chunk))) {
      ids.users.set(u.name, u.id);
    }
  }
}

async function insertAnnotations(db: Database, tx: Orm, actorId: number | null, lines: readonly AcceptedLine[], ids: StoredIds): Promise<number> {
  const t = db.t;
  const now = new Date();
  const items = lines.flatMap((l) => l.plan.newAnnotations.map((a) => ({
    solutionId: idOf(ids.solutions, l.record.solution.externalId), annotatorId: idOf(ids.users, a.annotator), a,
  })));
  for (const chunk of chunks(items, ANNOTATIONS_PER_INSERT)) {
    const rows = chunk.map(({ solutionId, annotatorId, a }) => ({
      solutionId, annotatorId, status: 'submitted' as const, version: 1, verdict: a.verdict, firstErrorStep: a.firstErrorStep,
      stepRatings: a.stepRatings, errorType: a.errorType, errorAnalysis: a.errorAnalysis, improvementSuggestion: a.improvementSuggestion,
      correctedSolution: a.correctedSolution, regions: a.regions, badProblem: a.badProblem, unsure: a.unsure,
      timeSpentMs: a.timeSpentMs, imported: true, createdAt: now, updatedAt: now, submittedAt: now,
    }));
    const inserted = await tx.insert(t.annotations).values(rows)
      .returning({ id: t.annotations.id, solutionId: t.annotations.solutionId, annotatorId: t.annotations.annotatorId });
    const bySlot = new Map(chunk.map((item) => [`${item.solutionId}:${item.annotatorId}`, item.a]));
    const revisions = inserted.map((row) => ({
      annotationId: row.id, version: 1, status: 'submitted', actorId, createdAt: now,
      snapshot: revisionSnapshot(bySlot.get(`${row.solutionId}:${row.annotatorId}`)),
    }));
    await tx.insert(t.annotationRevisions).values(revisions);
  }
  return items.length;
}

/** The same snapshot shape as an annotator's save (services/annotations.ts), frozen as version 1. */
function revisionSnapshot(a: AnnotationRecord | undefined): Record<string, unknown> {
  if (!a) throw new Error('an inserted annotation has no matching import record');
  return { ...judgmentOf(a), timeSpentMs: a.timeSpentMs };
}

function idOf(map: ReadonlyMap<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`no stored id for "${key}" while writing an import batch`);
  return id;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
