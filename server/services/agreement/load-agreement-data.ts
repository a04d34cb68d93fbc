import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/connection';
import { allocateAgreementData, NO_RATING, type AgreementData } from '../../domain/agreement/report-data';
import { ANNOTATION_COLUMNS, AnnotationPartBuilder, chunkRows, NameIndex, NO_RATING as PART_NO_RATING, type AnnotationPart } from './annotation-part.mjs';
import { asBool, asMs, eachRow, eachRowInWindows } from './raw-query';

if (PART_NO_RATING !== NO_RATING) throw new Error('annotation-part.mjs and report-data.ts disagree on NO_RATING');

/** What annotation-worker.mjs is given: a SQLite file, a SELECT of ANNOTATION_COLUMNS ending in `s.id BETWEEN ? AND ?`, and the ids to read. */
export interface AnnotationWorkerInput {
  file: string;
  sql: string;
  params: unknown[];
  from: number;
  to: number;
}
/** What it sends back. */
type AnnotationWorkerOutput = { part: AnnotationPart } | { error: string };

/** Which solutions the report reads; each present filter must match. */
export interface AgreementScope {
  projectId: number;
  round: number | null;
  subject: string | null;
  /** Only solutions this user submitted an annotation for. */
  annotatorId: number | null;
  /** Compare this ORM model's judgments; null = the latest judgment per solution. */
  ormModel: string | null;
}

/** The WHERE clause over `solutions s` for a scope, and its parameters. */
function solutionFilter(scope: AgreementScope): { where: string; params: unknown[] } {
  const clauses = ['s.project_id = ?'];
  const params: unknown[] = [scope.projectId];
  if (scope.round !== null) {
    clauses.push('s.round = ?');
    params.push(scope.round);
  }
  if (scope.subject !== null) {
    clauses.push('s.problem_id IN (SELECT p.id FROM problems p WHERE p.project_id = ? AND p.subject = ?)');
    params.push(scope.projectId, scope.subject);
  }
  if (scope.annotatorId !== null) {
    clauses.push("s.id IN (SELECT x.solution_id FROM annotations x WHERE x.annotator_id = ? AND x.status = 'submitted')");
    params.push(scope.annotatorId);
  }
  return { where: clauses.join(' AND '), params };
}

export interface LoadOptions {
  /**
   * Read the annotations in two parts at once, the later solutions in a worker thread: on by
   * default for a SQLite file when the scope has at least PARALLEL_MIN_SOLUTIONS solutions; false
   * reads everything on this thread; true forces the split at any size (tests). PostgreSQL and an
   * in-memory SQLite database always read on this thread.
   */
  parallel?: boolean;
}

/** Below this many solutions a worker thread costs more to start than it saves. */
export const PARALLEL_MIN_SOLUTIONS = 20_000;
/**
 * The share of the scope's solutions whose annotations this thread reads; the worker reads the
 * rest. This thread also reads the solutions, adjudications and ORM judgments, so it takes less
 * (balanced on the 1M-annotation bench).
 */
const NEAR_SHARE = 0.35;

/**
 * Loads the report's data: the scope's solutions (ascending id), their SUBMITTED annotations
 * (drafts never count; imported ones do), adjudications and ORM judgments. Four queries read only
 * the columns the report needs, straight into typed arrays (report-data.ts); annotation rows
 * come in table order and are bucketed by solution with a counting sort. On a large SQLite scope
 * the later solutions' annotations are read at the same time by a worker thread on its own
 * read-only connection (each of the four queries is its own read, as before: the report is not
 * one snapshot).
 */
export async function loadAgreementData(db: Database, scope: AgreementScope, options: LoadOptions = {}): Promise<AgreementData> {
  const { where, params } = solutionFilter(scope);
  const annotationSql = `SELECT ${ANNOTATION_COLUMNS}
       FROM annotations a JOIN solutions s ON s.id = a.solution_id
      WHERE a.status = 'submitted' AND ${where}`;
  const range = await idRange(db, where, params);
  if (range === null) return allocateAgreementData(0, 0);
  const split = await planSplit(db, where, params, options.parallel, range);
  const far = split === null ? null : readInWorker({ file: split.file, sql: `${annotationSql} AND s.id BETWEEN ? AND ?`, params: [...params], from: split.pivot + 1, to: range.max });
  try {
    const ids: number[] = [];
    const problems: number[] = [];
    const rounds: number[] = [];
    await eachRowInWindows(db, `SELECT s.id, s.problem_id, s.round FROM solutions s WHERE ${where} AND s.id BETWEEN ? AND ? ORDER BY s.id`, params, range.min, range.max, (row) => {
      ids.push(Number(row[0]));
      problems.push(Number(row[1]));
      rounds.push(Number(row[2]));
    });
    const solutions = solutionIndex(ids);

    const near = new AnnotationPartBuilder();
    await eachRowInWindows(db, `${annotationSql} AND s.id BETWEEN ? AND ?`, params, range.min, split === null ? range.max : split.pivot, (row) => near.add(row));
    const gold = await readGold(db, where, params);
    const orm = await readOrm(db, scope, where, params, solutions, ids.length);
    const parts = far === null ? [near.finish()] : [near.finish(), await far.part];

    const errorTypes = new NameIndex();
    const data = await mergeParts(db, parts, solutions, ids.length, errorTypes);
    data.solutions.id.set(ids);
    data.solutions.problemId.set(problems);
    data.solutions.round.set(rounds);
    data.orm = orm;
    for (const row of gold) {
      const s = solutions.indexOf(Number(row[0]));
      if (s < 0) continue;
      const g = data.gold;
      g.present[s] = 1;
      g.verdict[s] = verdictCode(row[1]);
      g.firstErrorStep[s] = row[2] === null ? -1 : Number(row[2]);
      g.errorType[s] = typeof row[3] === 'string' ? errorTypes.index(row[3]) : -1;
      g.badProblem[s] = asBool(row[4]) ? 1 : 0;
      g.qc[s] = asBool(row[5]) ? 1 : 0;
    }
    data.errorTypeNames = errorTypes.names;
    return data;
  } finally {
    far?.stop();
  }
}

/** The scope's solution ids: how many, the lowest and the highest; null when there are none. */
export async function idRange(db: Database, where: string, params: readonly unknown[]): Promise<{ count: number; min: number; max: number } | null> {
  let range: { count: number; min: number; max: number } | null = null;
  await eachRow(db, `SELECT count(*), min(s.id), max(s.id) FROM solutions s WHERE ${where}`, params, (row) => {
    if (Number(row[0]) > 0) range = { count: Number(row[0]), min: Number(row[1]), max: Number(row[2]) };
  });
  return range;
}

/** Where the two parts meet (the near part is ids ≤ pivot), or null to read in one part. */
export async function planSplit(
  db: Database, where: string, params: readonly unknown[], parallel: boolean | undefined, range: { count: number; max: number },
): Promise<{ file: string; pivot: number } | null> {
  if (parallel === false || db.driver.kind !== 'sqlite' || db.driver.sqlite.memory) return null;
  if (range.count < 2 || (parallel === undefined && range.count < PARALLEL_MIN_SOLUTIONS)) return null;
  const sqlite = db.driver.sqlite;
  const offset = Math.max(0, Math.floor(range.count * NEAR_SHARE) - 1);
  const pivot = Number(sqlite.prepare(`SELECT s.id FROM solutions s WHERE ${where} ORDER BY s.id LIMIT 1 OFFSET ?`).pluck().get(...params, offset));
  return pivot < range.max ? { file: sqlite.name, pivot } : null;
}

/** Runs annotation-worker.ts on `input`; `stop` ends the thread whether or not it has answered. */
export function readInWorker(input: AnnotationWorkerInput): { part: Promise<AnnotationPart>; stop(): void } {
  const worker = new Worker(new URL('./annotation-worker.mjs', import.meta.url), { workerData: input, execArgv: [] });
  const part = new Promise<AnnotationPart>((resolve, reject) => {
    worker.once('message', (message: AnnotationWorkerOutput) => {
      if ('part' in message) resolve(message.part);
      else reject(new Error(`reading annotations in a worker thread failed: ${message.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread reading annotations ended (exit code ${code}) without sending them`)));
  });
  // Awaited only once this thread's reads are done; a failure before then must not go unhandled.
  part.catch(() => undefined);
  return { part, stop: () => void worker.terminate() };
}

async function readGold(db: Database, where: string, params: readonly unknown[]): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  await eachRow(
    db,
    `SELECT g.solution_id, g.verdict, g.first_error_step, g.error_type, g.bad_problem, g.qc
       FROM adjudications g JOIN solutions s ON s.id = g.solution_id WHERE ${where}`,
    params,
    (row) => rows.push(row),
  );
  return rows;
}

/** The latest judgment per solution (by creation time, then id), or the named model's. */
async function readOrm(
  db: Database, scope: AgreementScope, where: string, params: readonly unknown[], solutions: SolutionIndex, count: number,
): Promise<AgreementData['orm']> {
  const orm = { verdict: new Int8Array(count).fill(-1), firstErrorStep: new Int32Array(count).fill(-1) };
  const latest = new Float64Array(count).fill(-Infinity);
  const latestId = new Float64Array(count);
  const modelClause = scope.ormModel === null ? '' : ' AND o.model = ?';
  await eachRow(
    db,
    `SELECT o.solution_id, CASE o.status WHEN 'WRONG' THEN 1 ELSE 0 END, o.error_step_index, o.created_at, o.id
       FROM orm_judgments o JOIN solutions s ON s.id = o.solution_id WHERE ${where}${modelClause}`,
    scope.ormModel === null ? params : [...params, scope.ormModel],
    (row) => {
      const s = solutions.indexOf(Number(row[0]));
      if (s < 0) return;
      const at = asMs(row[3]);
      const id = Number(row[4]);
      if (at < (latest[s] as number) || (at === latest[s] && id < (latestId[s] as number))) return;
      latest[s] = at;
      latestId[s] = id;
      const wrong = Number(row[1]) === 1;
      orm.verdict[s] = wrong ? 1 : 0;
      orm.firstErrorStep[s] = wrong && row[2] !== null ? Number(row[2]) : -1;
    },
  );
  return orm;
}

/** Solution id → its index in the report (−1 = not in scope). */
interface SolutionIndex {
  indexOf(id: number): number;
}

/**
 * A direct table over the id range when the ids are dense enough (a project's solutions mostly
 * are: ids ascending, a few gaps), else a Map — a million lookups in a typed array cost
 * almost nothing.
 */
function solutionIndex(ids: readonly number[]): SolutionIndex {
  if (ids.length === 0) return { indexOf: () => -1 };
  const low = ids[0] as number;
  const span = (ids[ids.length - 1] as number) - low + 1;
  if (span <= 4 * ids.length + 1024) {
    const table = new Int32Array(span).fill(-1);
    ids.forEach((id, s) => (table[id - low] = s));
    return {
      indexOf(id) {
        const k = id - low;
        return k >= 0 && k < span ? (table[k] as number) : -1;
      },
    };
  }
  const map = new Map<number, number>();
  ids.forEach((id, s) => map.set(id, s));
  return { indexOf: (id) => map.get(id) ?? -1 };
}

const verdictCode = (v: unknown): number => (v === 'correct' ? 0 : v === 'incorrect' ? 1 : -1);

/**
 * The parts' rows bucketed by solution into a new AgreementData (a counting sort: count per
 * solution, prefix sums, place), raters numbered in name order (so the report reads the same
 * whatever order the rows came in) and error types numbered in `errorTypes`. Each chunk's
 * solution ids are replaced by their indices in place (the parts are this function's to use up).
 */
async function mergeParts(
  db: Database, parts: AnnotationPart[], solutions: SolutionIndex, solutionCount: number, errorTypes: NameIndex,
): Promise<AgreementData> {
  const raters = await ratersByName(db, parts);
  const typeRemap = parts.map((p) => Int32Array.from(p.errorTypes, (name) => errorTypes.index(name)));

  const start = new Uint32Array(solutionCount + 1);
  let total = 0;
  for (const part of parts) {
    part.chunks.forEach((c, index) => {
      const n = chunkRows(part, index);
      const ids = c.solutionId;
      for (let k = 0; k < n; k++) {
        const s = solutions.indexOf(ids[k] as number);
        ids[k] = s;
        if (s < 0) continue;
        start[s + 1] = (start[s + 1] as number) + 1;
        total += 1;
      }
    });
  }
  const data = allocateAgreementData(solutionCount, total);
  data.raters = raters.names;
  for (let s = 0; s < solutionCount; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  data.start.set(start);

  const cursor = start.slice(0, solutionCount);
  const a = data.annotations;
  const ratingCount = new Uint32Array(total + 1);
  const destinations = parts.map((part, p) => {
    const destination = new Int32Array(part.count);
    const rater = raters.remap[p] as Int32Array;
    const type = typeRemap[p] as Int32Array;
    let previousEnd = 0;
    let i = 0;
    part.chunks.forEach((c, index) => {
      const n = chunkRows(part, index);
      for (let k = 0; k < n; k++, i++) {
        const s = c.solutionId[k] as number;
        const end = c.ratingEnd[k] as number;
        if (s < 0) {
          destination[i] = -1;
          previousEnd = end;
          continue;
        }
        const to = cursor[s] as number;
        cursor[s] = to + 1;
        destination[i] = to;
        a.rater[to] = rater[c.rater[k] as number] as number;
        a.verdict[to] = c.verdict[k] as number;
        a.firstErrorStep[to] = c.step[k] as number;
        const t = c.errorType[k] as number;
        a.errorType[to] = t < 0 ? -1 : (type[t] as number);
        a.timeSpentMs[to] = c.time[k] as number;
        a.submittedAt[to] = c.submittedAt[k] as number;
        a.badProblem[to] = c.bad[k] as number;
        ratingCount[to + 1] = end - previousEnd;
        previousEnd = end;
      }
    });
    return destination;
  });

  // Step ratings: offsets in the sorted order, then each row's run copied across.
  const ratingStart = a.stepRatings.start;
  for (let r = 0; r < total; r++) ratingStart[r + 1] = (ratingStart[r] as number) + (ratingCount[r + 1] as number);
  const values = new Int8Array(ratingStart[total] as number);
  parts.forEach((part, p) => {
    const destination = destinations[p] as Int32Array;
    const source = part.ratings;
    let from = 0;
    let i = 0;
    part.chunks.forEach((c, index) => {
      const n = chunkRows(part, index);
      for (let k = 0; k < n; k++, i++) {
        const end = c.ratingEnd[k] as number;
        const d = destination[i] as number;
        if (d >= 0) {
          let to = ratingStart[d] as number;
          for (let q = from; q < end; q++) values[to++] = source[q] as number;
        }
        from = end;
      }
    });
  });
  a.stepRatings.values = values;
  return data;
}

/** Every rater of the parts, named and sorted by name, and per part its local index → that order. */
async function ratersByName(db: Database, parts: readonly AnnotationPart[]): Promise<{ names: string[]; remap: Int32Array[] }> {
  const userIds = [...new Set(parts.flatMap((p) => p.userIds))];
  const names = new Map<number, string>();
  if (userIds.length > 0) {
    await eachRow(db, `SELECT id, name FROM users WHERE id IN (${userIds.map(() => '?').join(',')})`, userIds, (row) => {
      names.set(Number(row[0]), String(row[1]));
    });
  }
  const sorted = userIds.map((id) => ({ id, name: names.get(id) ?? `user ${id}` })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const position = new Map(sorted.map(({ id }, r) => [id, r]));
  return {
    names: sorted.map(({ name }) => name),
    remap: parts.map((p) => Int32Array.from(p.userIds, (id) => position.get(id) as number)),
  };
}

