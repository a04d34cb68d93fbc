import type { Database } from '../../db/connection';
import { readWindows } from './annotation-part.mjs';

/**
 * Runs one SELECT written in SQL both dialects accept (`?` placeholders) and hands each row to
 * `onRow` as an array of driver values, without building row objects: the agreement report reads
 * up to millions of annotation rows, and drizzle's per-row mapping would dominate its time.
 * SQLite streams (`raw().iterate()`); PostgreSQL returns the rows in one array (`rowMode:
 * 'array'`). Values are as the driver gives them: SQLite booleans are 0/1 and times integers
 * (ms), PostgreSQL booleans are booleans, times `Date`s and jsonb parsed — callers normalise with
 * the helpers below.
 */
export async function eachRow(db: Database, text: string, params: readonly unknown[], onRow: (row: unknown[]) => void): Promise<void> {
  if (db.driver.kind === 'sqlite') {
    const statement = db.driver.sqlite.prepare(text).raw(true);
    for (const row of statement.iterate(...params) as Iterable<unknown[]>) onRow(row);
    return;
  }
  let n = 0;
  const pgText = text.replace(/\?/g, () => `$${++n}`);
  const result = await db.driver.pool.query<unknown[]>({ text: pgText, values: [...params], rowMode: 'array' });
  for (const row of result.rows) onRow(row);
}

/**
 * `eachRow` of a SELECT whose last condition is `s.id BETWEEN ? AND ?`, over solution ids
 * [from, to]: SQLite reads it in id windows with `all()` (faster per row than iterating,
 * annotation-part.mjs), PostgreSQL in one query. Rows come in window order.
 */
export async function eachRowInWindows(
  db: Database, text: string, params: readonly unknown[], from: number, to: number, onRow: (row: unknown[]) => void,
): Promise<void> {
  if (db.driver.kind === 'sqlite') {
    readWindows(db.driver.sqlite.prepare(text).raw(true), params, from, to, onRow);
    return;
  }
  await eachRow(db, text, [...params, from, to], onRow);
}

export const asBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't';

// The value helpers live with the annotation reader, which a worker thread loads as plain JavaScript.
export { asJson, asMs } from './annotation-part.mjs';
