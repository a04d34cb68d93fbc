// Types of annotation-part.mjs (plain JavaScript so a worker thread can load it without a
// TypeScript loader; see its header).

/** A step left unrated in a step-ratings list. */
export const NO_RATING: 127;
/** A time column as ms since the epoch (SQLite: integer ms; PostgreSQL: Date). */
export function asMs(v: unknown): number;
/** A JSON column (SQLite: text; PostgreSQL: parsed). */
export function asJson(v: unknown): unknown;

/** The columns read per SUBMITTED annotation (SQL both dialects accept; `a` annotations). */
export const ANNOTATION_COLUMNS: string;
/** Solution ids per window of readWindows. */
export const WINDOW_IDS: number;
/** Runs a raw statement ending in `s.id BETWEEN ? AND ?` over [from, to] in windows, rows to onRow in order. */
export function readWindows(
  statement: { all(...params: unknown[]): unknown[] },
  params: readonly unknown[],
  from: number,
  to: number,
  onRow: (row: unknown[]) => void,
): void;

/** Rows per chunk. */
export const CHUNK: number;

/** One chunk of annotation rows, in the order they were read. */
export interface Chunk {
  /** The solution's id (mergers may overwrite it with the solution's index). */
  solutionId: Int32Array;
  /** Index into the part's `userIds`. */
  rater: Int32Array;
  /** −1 none, 0 correct, 1 incorrect. */
  verdict: Int8Array;
  /** First wrong step, −1 none. */
  step: Int32Array;
  /** Index into the part's `errorTypes`, −1 none. */
  errorType: Int32Array;
  time: Float64Array;
  submittedAt: Float64Array;
  bad: Uint8Array;
  /** Where each row's step ratings end in the part's `ratings` (they start where the previous row's end). */
  ratingEnd: Uint32Array;
}

/**
 * Annotation rows of one query in typed arrays and string lists only, so a worker thread can hand
 * a part over without copying (every buffer transfers).
 */
export interface AnnotationPart {
  count: number;
  chunks: Chunk[];
  /** Annotator user ids in order of first appearance (a row's `rater` indexes this). */
  userIds: number[];
  errorTypes: string[];
  /** Step-rating codes (−1, 0, 1, NO_RATING), the rows' runs one after another. */
  ratings: Int8Array;
}

/** Rows in chunk `index` of a part (all but the last are full). */
export function chunkRows(part: AnnotationPart, index: number): number;
/** The buffers of a part, for `postMessage`'s transfer list. */
export function partBuffers(part: AnnotationPart): ArrayBuffer[];

/** Collects rows of ANNOTATION_COLUMNS into an AnnotationPart. */
export class AnnotationPartBuilder {
  add(row: unknown[]): void;
  finish(): AnnotationPart;
}

/** Names → small integers in order of first appearance. */
export class NameIndex {
  readonly names: string[];
  index(name: string): number;
}
