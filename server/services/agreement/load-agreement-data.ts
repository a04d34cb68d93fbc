import type { Database } from '../../db/connection';
import { allocateAgreementData, NO_RATING, type AgreementData } from '../../domain/agreement/report-data';
import { asBool, asJson, asMs, eachRow } from './raw-query';

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

/**
 * Loads the report's data: the scope's solutions (ascending id), their SUBMITTED annotations
 * (drafts never count; imported ones do), adjudications and ORM judgments. Four queries read only
 * the columns the report needs, straight into typed arrays (report-data.ts); annotation rows
 * come in table order and are bucketed by solution with a counting sort.
 */
export async function loadAgreementData(db: Database, scope: AgreementScope): Promise<AgreementData> {
  const { where, params } = solutionFilter(scope);

  const ids: number[] = [];
  const problems: number[] = [];
  const rounds: number[] = [];
  await eachRow(db, `SELECT s.id, s.problem_id, s.round FROM solutions s WHERE ${where} ORDER BY s.id`, params, (row) => {
    ids.push(Number(row[0]));
    problems.push(Number(row[1]));
    rounds.push(Number(row[2]));
  });
  const solutions = solutionIndex(ids);

  const rows = await loadAnnotationRows(db, where, params, solutions);
  const data = allocateAgreementData(ids.length, rows.count);
  data.solutions.id.set(ids);
  data.solutions.problemId.set(problems);
  data.solutions.round.set(rounds);
  data.raters = rows.raterNames;
  data.errorTypeNames = rows.errorTypes.names;
  bucketBySolution(rows, data);

  await eachRow(
    db,
    `SELECT g.solution_id, g.verdict, g.first_error_step, g.error_type, g.bad_problem, g.qc
       FROM adjudications g JOIN solutions s ON s.id = g.solution_id WHERE ${where}`,
    params,
    (row) => {
      const s = solutions.indexOf(Number(row[0]));
      if (s < 0) return;
      const g = data.gold;
      g.present[s] = 1;
      g.verdict[s] = verdictCode(row[1]);
      g.firstErrorStep[s] = row[2] === null ? -1 : Number(row[2]);
      g.errorType[s] = typeof row[3] === 'string' ? rows.errorTypes.index(row[3]) : -1;
      g.badProblem[s] = asBool(row[4]) ? 1 : 0;
      g.qc[s] = asBool(row[5]) ? 1 : 0;
    },
  );
  data.errorTypeNames = rows.errorTypes.names;

  // The latest judgment per solution (by creation time, then id), or the named model's.
  const latest = new Float64Array(ids.length).fill(-Infinity);
  const latestId = new Float64Array(ids.length);
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
      data.orm.verdict[s] = wrong ? 1 : 0;
      data.orm.firstErrorStep[s] = wrong && row[2] !== null ? Number(row[2]) : -1;
    },
  );
  return data;
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

/** Annotation rows as they stream in, in fixed chunks (no doubling copies of a million rows). */
const CHUNK = 1 << 16;
interface Chunk {
  solution: Int32Array;
  rater: Int32Array;
  verdict: Int8Array;
  step: Int32Array;
  errorType: Int32Array;
  time: Float64Array;
  submittedAt: Float64Array;
  bad: Uint8Array;
  /** Offsets of each row's step ratings in `ratings` (length CHUNK + 1 relative entries). */
  ratingEnd: Uint32Array;
}
const newChunk = (): Chunk => ({
  solution: new Int32Array(CHUNK),
  rater: new Int32Array(CHUNK),
  verdict: new Int8Array(CHUNK),
  step: new Int32Array(CHUNK),
  errorType: new Int32Array(CHUNK),
  time: new Float64Array(CHUNK),
  submittedAt: new Float64Array(CHUNK),
  bad: new Uint8Array(CHUNK),
  ratingEnd: new Uint32Array(CHUNK),
});

function nameIndex() {
  const names: string[] = [];
  const map = new Map<string, number>();
  return {
    names,
    index(name: string): number {
      let i = map.get(name);
      if (i === undefined) {
        i = names.length;
        map.set(name, i);
        names.push(name);
      }
      return i;
    },
  };
}

/** Growable Int8Array of step-rating codes. */
interface RatingBuffer {
  values: Int8Array;
  length: number;
}

function pushRating(out: RatingBuffer, v: number): void {
  if (out.length === out.values.length) {
    const bigger = new Int8Array(Math.max(1024, out.values.length * 2));
    bigger.set(out.values);
    out.values = bigger;
  }
  out.values[out.length++] = v;
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const MINUS = 0x2d;
const ZERO = 0x30;
const ONE = 0x31;
const N = 0x6e;

/**
 * Step ratings as stored (SQLite: JSON text; PostgreSQL: parsed) appended to `out` as codes:
 * −1, 0, 1, NO_RATING for null. The common text form (`[1,0,-1,null]`, spaces allowed) is
 * scanned by character code without JSON.parse or substrings; anything else goes through
 * JSON.parse (values other than −1, 0, 1 → NO_RATING, as before).
 */
function appendRatings(raw: unknown, out: RatingBuffer): void {
  if (typeof raw === 'string') {
    const mark = out.length;
    if (scanRatings(raw, out)) return;
    out.length = mark;
  }
  const list = asJson(raw);
  if (!Array.isArray(list)) return;
  for (const v of list) pushRating(out, v === -1 || v === 0 || v === 1 ? v : NO_RATING);
}

/** The scanner of appendRatings: true when `text` was the simple form and its codes were appended. */
function scanRatings(text: string, out: RatingBuffer): boolean {
  const end = text.length;
  let i = 0;
  while (i < end && text.charCodeAt(i) <= 0x20) i++;
  if (text.charCodeAt(i) !== OPEN) return false;
  i++;
  let expectValue = true;
  for (;;) {
    while (i < end && text.charCodeAt(i) <= 0x20) i++;
    if (i >= end) return false;
    const c = text.charCodeAt(i);
    if (c === CLOSE) {
      i++;
      while (i < end && text.charCodeAt(i) <= 0x20) i++;
      return i === end;
    }
    if (!expectValue) {
      if (c !== COMMA) return false;
      i++;
      expectValue = true;
      continue;
    }
    if (c === ZERO || c === ONE) {
      pushRating(out, c - ZERO);
      i++;
    } else if (c === MINUS && text.charCodeAt(i + 1) === ONE) {
      pushRating(out, -1);
      i += 2;
    } else if (c === N && text.startsWith('null', i)) {
      pushRating(out, NO_RATING);
      i += 4;
    } else return false;
    // A digit right after (10, 1.5, 0e1…) is not the simple form.
    const after = text.charCodeAt(i);
    if ((after >= ZERO && after <= 0x39) || after === 0x2e || after === 0x65 || after === 0x45 || after === 0x6c) return false;
    expectValue = false;
  }
}

async function loadAnnotationRows(db: Database, where: string, params: readonly unknown[], solutions: SolutionIndex) {
  const chunks: Chunk[] = [];
  let chunk = newChunk();
  let inChunk = 0;
  let count = 0;
  const userIndex = new Map<number, number>();
  const userIds: number[] = [];
  let lastUser = NaN;
  let lastRater = -1;
  const ratings: RatingBuffer = { values: new Int8Array(0), length: 0 };
  const errorTypes = nameIndex();
  // Integers computed in SQL (they materialise faster than strings, and fewer columns read
  // faster): annotator id × 8 + verdict (1 correct, 2 incorrect, 0 none) + 4 if bad problem.
  // Same SQL on both dialects.
  await eachRow(
    db,
    `SELECT a.solution_id,
            a.annotator_id * 8 + CASE a.verdict WHEN 'correct' THEN 1 WHEN 'incorrect' THEN 2 ELSE 0 END
              + CASE WHEN a.bad_problem THEN 4 ELSE 0 END,
            a.first_error_step, a.error_type, a.time_spent_ms, COALESCE(a.submitted_at, a.updated_at), a.step_ratings
       FROM annotations a JOIN solutions s ON s.id = a.solution_id
      WHERE a.status = 'submitted' AND ${where}`,
    params,
    (row) => {
      const s = solutions.indexOf(Number(row[0]));
      if (s < 0) return;
      const packed = Number(row[1]);
      const code = packed & 7;
      const user = (packed - code) / 8;
      let r = lastRater;
      if (user !== lastUser) {
        r = userIndex.get(user) ?? -1;
        if (r === -1) {
          r = userIds.length;
          userIndex.set(user, r);
          userIds.push(user);
        }
        lastUser = user;
        lastRater = r;
      }
      if (inChunk === CHUNK) {
        chunks.push(chunk);
        chunk = newChunk();
        inChunk = 0;
      }
      const stepRatings = row[6];
      if (stepRatings !== null) appendRatings(stepRatings, ratings);
      const step = row[2];
      const errorType = row[3];
      chunk.solution[inChunk] = s;
      chunk.rater[inChunk] = r;
      chunk.verdict[inChunk] = (code & 3) - 1;
      chunk.step[inChunk] = step === null ? -1 : Number(step);
      chunk.errorType[inChunk] = typeof errorType === 'string' ? errorTypes.index(errorType) : -1;
      chunk.time[inChunk] = Number(row[4]);
      chunk.submittedAt[inChunk] = asMs(row[5]);
      chunk.bad[inChunk] = code >> 2;
      chunk.ratingEnd[inChunk] = ratings.length;
      inChunk += 1;
      count += 1;
    },
  );
  chunks.push(chunk);
  const names = new Map<number, string>();
  if (userIds.length > 0) {
    await eachRow(db, `SELECT id, name FROM users WHERE id IN (${userIds.map(() => '?').join(',')})`, userIds, (row) => {
      names.set(Number(row[0]), String(row[1]));
    });
  }
  // Raters in name order, so the report reads the same whatever order the rows came in.
  const byName = userIds.map((id, r) => ({ r, name: names.get(id) ?? `user ${id}` })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const renumber = new Int32Array(userIds.length);
  byName.forEach(({ r }, sorted) => (renumber[r] = sorted));
  return { count, chunks, renumber, ratings, errorTypes, raterNames: byName.map(({ name }) => name) };
}

/** Counting sort of the loaded rows into the per-solution ranges of `data` (straight loops over the chunks). */
function bucketBySolution(rows: Awaited<ReturnType<typeof loadAnnotationRows>>, data: AgreementData): void {
  const start = data.start;
  const chunkRows = (index: number) => Math.min(CHUNK, rows.count - index * CHUNK);
  rows.chunks.forEach((c, index) => {
    const n = chunkRows(index);
    const solution = c.solution;
    for (let k = 0; k < n; k++) {
      const s = (solution[k] as number) + 1;
      start[s] = (start[s] as number) + 1;
    }
  });
  for (let s = 0; s < data.solutions.count; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const cursor = start.slice(0, data.solutions.count);
  const destination = new Uint32Array(rows.count);
  const a = data.annotations;
  const ratingCount = new Uint32Array(rows.count + 1);
  const renumber = rows.renumber;
  let previousEnd = 0;
  let i = 0;
  rows.chunks.forEach((c, index) => {
    const n = chunkRows(index);
    for (let k = 0; k < n; k++, i++) {
      const s = c.solution[k] as number;
      const to = cursor[s] as number;
      cursor[s] = to + 1;
      destination[i] = to;
      a.rater[to] = renumber[c.rater[k] as number] as number;
      a.verdict[to] = c.verdict[k] as number;
      a.firstErrorStep[to] = c.step[k] as number;
      a.errorType[to] = c.errorType[k] as number;
      a.timeSpentMs[to] = c.time[k] as number;
      a.submittedAt[to] = c.submittedAt[k] as number;
      a.badProblem[to] = c.bad[k] as number;
      const end = c.ratingEnd[k] as number;
      ratingCount[to + 1] = end - previousEnd;
      previousEnd = end;
    }
  });
  // Step ratings: offsets in the sorted order, then each row's run copied across.
  const ratingStart = a.stepRatings.start;
  for (let r = 0; r < rows.count; r++) ratingStart[r + 1] = (ratingStart[r] as number) + (ratingCount[r + 1] as number);
  const values = new Int8Array(rows.ratings.length);
  const source = rows.ratings.values;
  let from = 0;
  i = 0;
  rows.chunks.forEach((c, index) => {
    const n = chunkRows(index);
    for (let k = 0; k < n; k++, i++) {
      const end = c.ratingEnd[k] as number;
      let to = ratingStart[destination[i] as number] as number;
      for (let p = from; p < end; p++) values[to++] = source[p] as number;
      from = end;
    }
  });
  a.stepRatings.values = values;
}
