import { inArray } from 'drizzle-orm';
import type { Database, Orm } from '../../db/connection';
import type { LinePlan } from '../../domain/import/plan-line';
import type { AnnotationRecord } from '../../domain/import/native-line';
import { judgmentOf } from '../../presenters/annotation';
import { insertRows } from './insert-rows';
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

/** PostgreSQL rows per INSERT: keeps rows × columns well under the 65,535 bound parameters. */
const ROWS_PER_INSERT = 1000;
const ANNOTATIONS_PER_INSERT = 500;
const IMAGES_PER_INSERT = 16;

/**
 * Writes the accepted lines of one batch inside the caller's transaction, table by table in
 * dependency order (insert-rows.ts: one prepared statement per table on SQLite, multi-row
 * INSERTs on PostgreSQL). Everything here was decided by planLine; this only stores it.
 * Fills `ids` with the new rows' ids. Imported annotations are version 1 with their first
 * revision, submitted unless the record says draft, by the annotator named in the file (created
 * as an imported user when new).
 */
export async function writeBatch(
  db: Database,
  tx: Orm,
  ctx: { projectId: number; actorId: number | null },
  lines: readonly AcceptedLine[],
  ids: StoredIds,
): Promise<WriteCounts> {
  const t = db.t;
  const now = new Date();
  const newProblems = lines.filter((l) => l.plan.newProblem);

  // Images of new problems. Without bytes an image is already stored (see ImageLoader).
  const images = new Map(newProblems.flatMap((l) => l.images).filter((i) => i.data !== undefined).map((i) => [i.sha256, i]));
  const imageRows = [...images.values()].map(({ sha256, mime, width, height, bytes, data }) => ({
    sha256, mime, width, height, bytes, data: data ?? Buffer.alloc(0), createdAt: now,
  }));
  const storedImages = await insertRows(db, tx, t.images, imageRows, { rowsPerStatement: IMAGES_PER_INSERT, ignoreConflicts: true });

  await createAnnotators(db, tx, lines, ids);

  const problemRows = newProblems.map(({ record: { problem: p } }) => ({
    projectId: ctx.projectId, externalId: p.externalId, question: p.question, answer: p.answer,
    subject: p.subject, source: p.source, metadata: p.metadata, createdAt: now,
  }));
  const problemIds = await insertRows(db, tx, t.problems, problemRows, { rowsPerStatement: ROWS_PER_INSERT, idBy: ['externalId'] });
  problemRows.forEach((row, i) => ids.problems.set(row.externalId, problemIds.ids[i] as number));

  const problemImages = newProblems.flatMap((l) =>
    l.images.map((image, position) => ({ problemId: idOf(ids.problems, l.record.problem.externalId), position, imageSha256: image.sha256 })));
  await insertRows(db, tx, t.problemImages, problemImages, { rowsPerStatement: ROWS_PER_INSERT });

  const solutionRows = lines.filter((l) => l.plan.newSolution).map(({ record: { problem, solution: s } }) => ({
    projectId: ctx.projectId, problemId: idOf(ids.problems, problem.externalId), externalId: s.externalId,
    model: s.model, round: s.round, steps: s.steps, finalAnswer: s.finalAnswer, rawText: s.rawText, metadata: s.metadata,
    createdAt: now,
  }));
  const solutionIds = await insertRows(db, tx, t.solutions, solutionRows, { rowsPerStatement: ROWS_PER_INSERT, idBy: ['externalId'] });
  solutionRows.forEach((row, i) => ids.solutions.set(row.externalId, solutionIds.ids[i] as number));

  const judgments = lines.flatMap((l) => l.plan.newOrm.map((o) => ({
    solutionId: idOf(ids.solutions, l.record.solution.externalId), model: o.model, status: o.status, errorStep: o.errorStep,
    errorStepIndex: o.errorStepIndex, stepUnclear: o.stepUnclear, errorAnalysis: o.errorAnalysis,
    improvementSuggestion: o.improvementSuggestion, score: o.score, createdAt: now,
  })));
  await insertRows(db, tx, t.ormJudgments, judgments, { rowsPerStatement: ROWS_PER_INSERT });

  return {
    problems: problemRows.length,
    solutions: solutionRows.length,
    ormJudgments: judgments.length,
    annotations: await insertAnnotations(db, tx, ctx.actorId, lines, ids, now),
    images: storedImages.count,
  };
}

async function createAnnotators(db: Database, tx: Orm, lines: readonly AcceptedLine[], ids: StoredIds): Promise<void> {
  const t = db.t;
  const missing = [...new Set(lines.flatMap((l) => l.plan.newAnnotations.map((a) => a.annotator)))].filter((n) => !ids.users.has(n));
  if (missing.length === 0) return;
  const rows = missing.map((name) => ({ name, role: 'annotator' as const, passwordHash: null, imported: true, createdAt: new Date() }));
  await insertRows(db, tx, t.users, rows, { rowsPerStatement: ROWS_PER_INSERT, ignoreConflicts: true });
  // Read back rather than trust the inserts: a concurrent import may have created some of them.
  for (const chunk of chunks(missing, ROWS_PER_INSERT)) {
    for (const u of await tx.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.name, chunk))) {
      ids.users.set(u.name, u.id);
    }
  }
}

async function insertAnnotations(
  db: Database, tx: Orm, actorId: number | null, lines: readonly AcceptedLine[], ids: StoredIds, now: Date,
): Promise<number> {
  const t = db.t;
  const items = lines.flatMap((l) => l.plan.newAnnotations.map((a) => ({
    solutionId: idOf(ids.solutions, l.record.solution.externalId), annotatorId: idOf(ids.users, a.annotator), a,
  })));
  const rows = items.map(({ solutionId, annotatorId, a }) => {
    const status = a.status ?? 'submitted';
    return {
      solutionId, annotatorId, status, version: 1, verdict: a.verdict, firstErrorStep: a.firstErrorStep,
      stepRatings: a.stepRatings, errorType: a.errorType, errorAnalysis: a.errorAnalysis, improvementSuggestion: a.improvementSuggestion,
      correctedSolution: a.correctedSolution, regions: a.regions, badProblem: a.badProblem, unsure: a.unsure,
      timeSpentMs: a.timeSpentMs, imported: true, createdAt: now, updatedAt: now, submittedAt: status === 'submitted' ? now : null,
    };
  });
  const inserted = await insertRows(db, tx, t.annotations, rows, { rowsPerStatement: ANNOTATIONS_PER_INSERT, idBy: ['solutionId', 'annotatorId'] });
  const revisions = items.map(({ a }, i) => ({
    annotationId: inserted.ids[i] as number, version: 1, status: rows[i]?.status ?? 'submitted', actorId, createdAt: now,
    snapshot: revisionSnapshot(a),
  }));
  await insertRows(db, tx, t.annotationRevisions, revisions, { rowsPerStatement: ROWS_PER_INSERT });
  return items.length;
}

/** The same snapshot shape as an annotator's save (services/annotations.ts), frozen as version 1. */
function revisionSnapshot(a: AnnotationRecord): Record<string, unknown> {
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
