import { and, asc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Database, Orm } from '../../db/connection';
import {
  annotationDigest, ormDigest, pairKey, problemDigest, solutionDigest, type DigestMap, type KnownState,
} from '../../domain/import/plan-line';
import type { PreparedLine } from './prepare-batch';

/** Row ids the writer needs to attach new rows to stored ones. */
export interface StoredIds {
  problems: Map<string, number>;
  solutions: Map<string, number>;
  users: Map<string, number>;
}

/**
 * Reads what the database already holds for the ids of a batch, as digests into `known` (never
 * replacing an entry already there: that came from an earlier line of this import) and ids.
 * A handful of queries per batch, not per line, each with the batch's keys as one parameter
 * (see `isAnyOf`).
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

  const problems = await when(problemExternal, (keys) =>
    tx.select({ id: t.problems.id, externalId: t.problems.externalId, question: t.problems.question, answer: t.problems.answer, subject: t.problems.subject, source: t.problems.source })
      .from(t.problems).where(and(eq(t.problems.projectId, projectId), isAnyOf(db, t.problems.externalId, keys))));
  const imageRows = await when(problems.map((p) => p.id), (keys) =>
    tx.select({ problemId: t.problemImages.problemId, sha: t.problemImages.imageSha256 })
      .from(t.problemImages).where(isAnyOf(db, t.problemImages.problemId, keys))
      .orderBy(asc(t.problemImages.problemId), asc(t.problemImages.position)));
  const shasByProblem = groupBy(imageRows, (r) => r.problemId, (r) => r.sha);
  for (const p of problems) {
    ids.problems.set(p.externalId, p.id);
    setIfAbsent(known.problems, p.externalId, problemDigest(p, shasByProblem.get(p.id) ?? []));
  }

  const solutions = await when(solutionExternal, (keys) =>
    tx.select({
      id: t.solutions.id, externalId: t.solutions.externalId, steps: t.solutions.steps, model: t.solutions.model,
      round: t.solutions.round, finalAnswer: t.solutions.finalAnswer, problemExternalId: t.problems.externalId,
    })
      .from(t.solutions).innerJoin(t.problems, eq(t.problems.id, t.solutions.problemId))
      .where(and(eq(t.solutions.projectId, projectId), isAnyOf(db, t.solutions.externalId, keys))));
  const solutionExternalById = new Map<number, string>();
  for (const s of solutions) {
    ids.solutions.set(s.externalId, s.id);
    solutionExternalById.set(s.id, s.externalId);
    setIfAbsent(known.solutions, s.externalId, solutionDigest(s, s.problemExternalId));
  }
  const solutionIds = [...solutionExternalById.keys()];

  const judgments = await when(solutionIds, (keys) =>
    tx.select({
      solutionId: t.ormJudgments.solutionId, model: t.ormJudgments.model, status: t.ormJudgments.status,
      errorStep: t.ormJudgments.errorStep, errorAnalysis: t.ormJudgments.errorAnalysis,
      improvementSuggestion: t.ormJudgments.improvementSuggestion, score: t.ormJudgments.score,
    }).from(t.ormJudgments).where(isAnyOf(db, t.ormJudgments.solutionId, keys)));
  for (const j of judgments) {
    setIfAbsent(known.orm, pairKey(solutionExternalById.get(j.solutionId) ?? '', j.model), ormDigest(j));
  }

  const annotations = await when(solutionIds, (keys) =>
    tx.select({ solutionId: t.annotations.solutionId, annotator: t.users.name, a: t.annotations })
      .from(t.annotations).innerJoin(t.users, eq(t.users.id, t.annotations.annotatorId))
      .where(isAnyOf(db, t.annotations.solutionId, keys)));
  for (const { solutionId, annotator, a } of annotations) {
    setIfAbsent(known.annotations, pairKey(solutionExternalById.get(solutionId) ?? '', annotator), annotationDigest(a));
  }

  const users = await when(annotators, (keys) =>
    tx.select({ id: t.users.id, name: t.users.name }).from(t.users).where(isAnyOf(db, t.users.name, keys)));
  for (const u of users) ids.users.set(u.name, u.id);
  return ids;
}

/** Runs `query` unless there is nothing to look up. */
async function when<K, R>(keys: readonly K[], query: (keys: readonly K[]) => Promise<R[]>): Promise<R[]> {
  return keys.length === 0 ? [] : query(keys);
}

/**
 * `column IN keys` with the whole list bound as one parameter: a JSON array read by json_each on
 * SQLite, an array on PostgreSQL. Unlike `inArray` the statement does not grow with the batch,
 * so building it costs the same for 1 key or 1,000 and no parameter limit applies.
 */
export function isAnyOf(db: Database, column: Column, keys: readonly (string | number)[]): SQL {
  return db.dialect === 'sqlite'
    ? sql`${column} in (select value from json_each(${JSON.stringify(keys)}))`
    : sql`${column} = any(${sql.param(keys)})`;
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

function setIfAbsent(map: DigestMap, key: string, value: string): void {
  if (!map.has(key)) map.set(key, value);
}
