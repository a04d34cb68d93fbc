import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Orm } from '../../db/connection';
import {
  annotationDigest, ormDigest, pairKey, problemDigest, solutionDigest, type KnownState,
} from '../../domain/import/plan-line';
import type { PreparedLine } from './prepare-batch';

/** Row ids the writer needs to attach new rows to stored ones. */
export interface StoredIds {
  problems: Map<string, number>;
  solutions: Map<string, number>;
  users: Map<string, number>;
}

/** Keeps IN lists well under both dialects' parameter limits. */
const IN_CHUNK = 500;

/**
 * Reads what the database already holds for the ids of a batch, as digests into `known` (never
 * replacing an entry already there: that came from an earlier line of this import) and ids.
 * A handful of queries per batch, not per line.
 */
export async function loadKnown(
  db: Database,
  tx: Orm,
  projectId: number,
  lines: readonly PreparedLine[],
  known: KnownState,
): Promise<StoredIds> {
  const t = db.t;
  const ids: StoredIds = { problems: new Map(), solutions: new Map(), users: new Map() };
  const problemExternal = unique(lines.map((l) => l.record.problem.externalId));
  const solutionExternal = unique(lines.map((l) => l.record.solution.externalId));
  const annotators = unique(lines.flatMap((l) => l.record.annotations.map((a) => a.annotator)));

  const problems = await inChunks(problemExternal, (chunk) =>
    tx.select({ id: t.problems.id, externalId: t.problems.externalId, question: t.problems.question, answer: t.problems.answer, subject: t.problems.subject, source: t.problems.source })
      .from(t.problems).where(and(eq(t.problems.projectId, projectId), inArray(t.problems.externalId, chunk))));
  const imageRows = await inChunks(problems.map((p) => p.id), (chunk) =>
    tx.select({ problemId: t.problemImages.problemId, sha: t.problemImages.imageSha256 })
      .from(t.problemImages).where(inArray(t.problemImages.problemId, chunk))
      .orderBy(asc(t.problemImages.problemId), asc(t.problemImages.position)));
  const shasByProblem = groupBy(imageRows, (r) => r.problemId, (r) => r.sha);
  for (const p of problems) {
    ids.problems.set(p.externalId, p.id);
    setIfAbsent(known.problems, p.externalId, problemDigest(p, shasByProblem.get(p.id) ?? []));
  }

  const solutions = await inChunks(solutionExternal, (chunk) =>
    tx.select({
      id: t.solutions.id, externalId: t.solutions.externalId, steps: t.solutions.steps, model: t.solutions.model,
      round: t.solutions.round, finalAnswer: t.solutions.finalAnswer, problemExternalId: t.problems.externalId,
    })
      .from(t.solutions).innerJoin(t.problems, eq(t.problems.id, t.solutions.problemId))
      .where(and(eq(t.solutions.projectId, projectId), inArray(t.solutions.externalId, chunk))));
  const solutionExternalById = new Map<number, string>();
  for (const s of solutions) {
    ids.solutions.set(s.externalId, s.id);
    solutionExternalById.set(s.id, s.externalId);
    setIfAbsent(known.solutions, s.externalId, solutionDigest(s, s.problemExternalId));
  }
  const solutionIds = [...solutionExternalById.keys()];

  const judgments = await inChunks(solutionIds, (chunk) =>
    tx.select({
      solutionId: t.ormJudgments.solutionId, model: t.ormJudgments.model, status: t.ormJudgments.status,
      errorStep: t.ormJudgments.errorStep, errorAnalysis: t.ormJudgments.errorAnalysis,
      improvementSuggestion: t.ormJudgments.improvementSuggestion, score: t.ormJudgments.score,
    }).from(t.ormJudgments).where(inArray(t.ormJudgments.solutionId, chunk)));
  for (const j of judgments) {
    setIfAbsent(known.orm, pairKey(solutionExternalById.get(j.solutionId) ?? '', j.model), ormDigest(j));
  }

  const annotations = await inChunks(solutionIds, (chunk) =>
    tx.select({ solutionId: t.annotations.solutionId, annotator: t.users.name, a: t.annotations })
      .from(t.annotations).innerJoin(t.users, eq(t.users.id, t.annotations.annotatorId))
      .where(inArray(t.annotations.solutionId, chunk)));
  for (const { solutionId, annotator, a } of annotations) {
    setIfAbsent(known.annotations, pairKey(solutionExternalById.get(solutionId) ?? '', annotator), annotationDigest(a));
  }

  const users = await inChunks(annotators, (chunk) =>
    tx.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.name, chunk)));
  for (const u of users) ids.users.set(u.name, u.id);
  return ids;
}

async function inChunks<K, R>(keys: readonly K[], query: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < keys.length; i += IN_CHUNK) rows.push(...(await query(keys.slice(i, i + IN_CHUNK))));
  return rows;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function groupBy<R, V>(rows: readonly R[], key: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(value(row));
    else out.set(key(row), [value(row)]);
  }
  return out;
}

function setIfAbsent(map: Map<string, string>, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}
