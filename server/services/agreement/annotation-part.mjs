// Plain JavaScript, so the worker thread that reads half of a large scope (annotation-worker.mjs)
// starts without a TypeScript loader (tsx in a worker costs ≈ 0.3–0.5 s of CPU, more than the
// thread saves); its types are in annotation-part.d.mts. The calling thread uses the same code.

/** A step left unrated (report-data.ts's NO_RATING; load-agreement-data.ts checks they agree). */
export const NO_RATING = 127;

/** A time column as ms since the epoch (SQLite: integer ms; PostgreSQL: Date). */
export function asMs(v) {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return Date.parse(v);
  return 0;
}

/** A JSON column (SQLite: text; PostgreSQL: parsed). */
export function asJson(v) {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

/**
 * The columns the report reads per SUBMITTED annotation, as raw driver values. Integers computed in
 * SQL materialise faster than strings, and fewer columns read faster: annotator id × 8 + verdict
 * (1 correct, 2 incorrect, 0 none) + 4 if bad problem. Same SQL on both dialects.
 */
export const ANNOTATION_COLUMNS = `a.solution_id,
  a.annotator_id * 8 + CASE a.verdict WHEN 'correct' THEN 1 WHEN 'incorrect' THEN 2 ELSE 0 END
    + CASE WHEN a.bad_problem THEN 4 ELSE 0 END,
  a.first_error_step, a.error_type, a.time_spent_ms, COALESCE(a.submitted_at, a.updated_at), a.step_ratings`;

/** Solution ids per window of readWindows. */
export const WINDOW_IDS = 1000;

/**
 * Runs a raw better-sqlite3 statement whose last two parameters bound `s.id BETWEEN ? AND ?` over
 * [from, to] in windows of WINDOW_IDS ids, handing each row to onRow in window order: `all()`
 * builds a window's rows in one call, ≈ 25 % less time per row than `iterate()` (1M annotation
 * rows: 1.0 s against 1.3 s), and a window's arrays die young.
 */
export function readWindows(statement, params, from, to, onRow) {
  for (let low = from; low <= to; low += WINDOW_IDS) {
    const rows = statement.all(...params, low, Math.min(to, low + WINDOW_IDS - 1));
    for (let i = 0; i < rows.length; i++) onRow(rows[i]);
  }
}

/** Rows per chunk: rows stream into fixed chunks (no doubling copies of a million rows). */
export const CHUNK = 1 << 16;

const newChunk = () => ({
  solutionId: new Int32Array(CHUNK),
  rater: new Int32Array(CHUNK),
  verdict: new Int8Array(CHUNK),
  step: new Int32Array(CHUNK),
  errorType: new Int32Array(CHUNK),
  time: new Float64Array(CHUNK),
  submittedAt: new Float64Array(CHUNK),
  bad: new Uint8Array(CHUNK),
  ratingEnd: new Uint32Array(CHUNK),
});

/** Rows in chunk `index` of a part (all but the last are full). */
export const chunkRows = (part, index) => Math.min(CHUNK, part.count - index * CHUNK);

/** The buffers of a part, for `postMessage`'s transfer list. */
export function partBuffers(part) {
  return [...part.chunks.flatMap((c) => Object.values(c).map((a) => a.buffer)), part.ratings.buffer];
}

/** Collects rows of ANNOTATION_COLUMNS into an AnnotationPart. */
export class AnnotationPartBuilder {
  chunks = [];
  chunk = newChunk();
  inChunk = 0;
  count = 0;
  userIndex = new Map();
  userIds = [];
  lastUser = NaN;
  lastRater = -1;
  ratings = new RatingBuffer();
  errorTypes = new NameIndex();

  /** One row of ANNOTATION_COLUMNS, as the driver gives it. */
  add(row) {
    const packed = Number(row[1]);
    const code = packed & 7;
    const user = (packed - code) / 8;
    let r = this.lastRater;
    if (user !== this.lastUser) {
      r = this.userIndex.get(user) ?? -1;
      if (r === -1) {
        r = this.userIds.length;
        this.userIndex.set(user, r);
        this.userIds.push(user);
      }
      this.lastUser = user;
      this.lastRater = r;
    }
    if (this.inChunk === CHUNK) {
      this.chunks.push(this.chunk);
      this.chunk = newChunk();
      this.inChunk = 0;
    }
    const stepRatings = row[6];
    if (stepRatings !== null) appendRatings(stepRatings, this.ratings);
    const step = row[2];
    const errorType = row[3];
    const c = this.chunk;
    const k = this.inChunk;
    c.solutionId[k] = Number(row[0]);
    c.rater[k] = r;
    c.verdict[k] = (code & 3) - 1;
    c.step[k] = step === null ? -1 : Number(step);
    c.errorType[k] = typeof errorType === 'string' ? this.errorTypes.index(errorType) : -1;
    c.time[k] = Number(row[4]);
    c.submittedAt[k] = asMs(row[5]);
    c.bad[k] = code >> 2;
    c.ratingEnd[k] = this.ratings.length;
    this.inChunk = k + 1;
    this.count += 1;
  }

  /** The part (the builder is done with). */
  finish() {
    return {
      count: this.count,
      chunks: [...this.chunks, this.chunk],
      userIds: this.userIds,
      errorTypes: this.errorTypes.names,
      ratings: this.ratings.values.slice(0, this.ratings.length),
    };
  }
}

/** Names → small integers in order of first appearance. */
export class NameIndex {
  names = [];
  map = new Map();

  index(name) {
    let i = this.map.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.map.set(name, i);
      this.names.push(name);
    }
    return i;
  }
}

/** Growable Int8Array of step-rating codes. */
class RatingBuffer {
  values = new Int8Array(0);
  length = 0;

  push(v) {
    if (this.length === this.values.length) {
      const bigger = new Int8Array(Math.max(1024, this.values.length * 2));
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length++] = v;
  }
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
function appendRatings(raw, out) {
  if (typeof raw === 'string') {
    const mark = out.length;
    if (scanRatings(raw, out)) return;
    out.length = mark;
  }
  const list = asJson(raw);
  if (!Array.isArray(list)) return;
  for (const v of list) out.push(v === -1 || v === 0 || v === 1 ? v : NO_RATING);
}

/** The scanner of appendRatings: true when `text` was the simple form and its codes were appended. */
function scanRatings(text, out) {
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
      out.push(c - ZERO);
      i++;
    } else if (c === MINUS && text.charCodeAt(i + 1) === ONE) {
      out.push(-1);
      i += 2;
    } else if (c === N && text.startsWith('null', i)) {
      out.push(NO_RATING);
      i += 4;
    } else return false;
    // A digit right after (10, 1.5, 0e1…) is not the simple form.
    const after = text.charCodeAt(i);
    if ((after >= ZERO && after <= 0x39) || after === 0x2e || after === 0x65 || after === 0x45 || after === 0x6c) return false;
    expectValue = false;
  }
}
