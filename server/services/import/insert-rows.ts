import type BetterSqlite3 from 'better-sqlite3';
import { is, Param, Placeholder, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Orm } from '../../db/connection';

/**
 * Bulk INSERTs for the importer, the fastest way each dialect offers, with the values drizzle
 * itself would bind:
 * - SQLite: one statement per table, prepared once from the SQL drizzle renders for a row of
 *   placeholders, run once per row (better-sqlite3 is synchronous and in-process, so a row costs
 *   a bind and a step; building a 1,000-row INSERT through drizzle costs far more). Each value is
 *   encoded by its own drizzle column (`mapToDriverValue`: JSON text, 0/1, epoch milliseconds), so
 *   column names and encodings still come from server/db/schema alone.
 * - PostgreSQL: drizzle's multi-row INSERTs, one round trip per `rowsPerStatement` rows.
 */
export type InsertRow<T extends PgTable> = T['$inferInsert'];

export interface InsertOptions<R> {
  /** PostgreSQL only: rows per INSERT (keep rows × columns under the bound-parameter limit). */
  rowsPerStatement: number;
  /** Skip rows that break a unique constraint (ON CONFLICT DO NOTHING) instead of failing. */
  ignoreConflicts?: boolean;
  /**
   * Wanted: each row's new `id`. On PostgreSQL RETURNING is matched back to the rows by these
   * columns (a unique key of the table), not by position.
   */
  idBy?: readonly (keyof R & string)[];
}

export interface Inserted {
  /** Rows actually inserted (fewer than given when conflicts were ignored). */
  count: number;
  /** With `idBy`: the new id of each given row, in order. */
  ids: number[];
}

/**
 * Inserts `rows` (all with the same keys, as one builder makes them) into `table` inside the
 * caller's transaction `tx`.
 */
export async function insertRows<T extends PgTable, R extends InsertRow<T>>(
  db: Database,
  tx: Orm,
  table: T,
  rows: readonly R[],
  opts: InsertOptions<R>,
): Promise<Inserted> {
  const first = rows[0];
  if (first === undefined) return { count: 0, ids: [] };
  if (db.driver.kind === 'sqlite') {
    const insert = prepareSqliteInsert(db.driver.sqlite, tx, table, Object.keys(first), opts.ignoreConflicts === true);
    let count = 0;
    const ids: number[] = [];
    for (const row of rows) {
      const result = insert(row);
      count += result.changes;
      if (opts.idBy) ids.push(Number(result.lastInsertRowid));
    }
    return { count, ids };
  }
  return insertPostgres(tx, table, rows, opts);
}

async function insertPostgres<T extends PgTable, R extends InsertRow<T>>(
  tx: Orm,
  table: T,
  rows: readonly R[],
  { rowsPerStatement, ignoreConflicts, idBy }: InsertOptions<R>,
): Promise<Inserted> {
  const columns = table as unknown as Record<string, unknown>;
  const returning = Object.fromEntries(['id', ...(idBy ?? [])].map((key) => [key, columns[key]])) as never;
  const keyOf = (row: Record<string, unknown>) => (idBy ?? []).map((k) => String(row[k])).join('\0');
  const idByKey = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    const base = tx.insert(table).values(rows.slice(i, i + rowsPerStatement) as never);
    const query = ignoreConflicts ? base.onConflictDoNothing() : base;
    if (!idBy) {
      count += (await query).rowCount ?? 0;
      continue;
    }
    const returned: Record<string, unknown>[] = await query.returning(returning);
    for (const row of returned) idByKey.set(keyOf(row), Number(row.id));
    count += returned.length;
  }
  return {
    count,
    ids: idBy ? rows.map((row) => {
      const id = idByKey.get(keyOf(row));
      if (id === undefined) throw new Error('an inserted row came back without its id');
      return id;
    }) : [],
  };
}

/**
 * A function inserting one row of `keys` into `table` on this SQLite connection: drizzle renders
 * the INSERT once, with a placeholder per key; better-sqlite3 prepares it; each run binds the
 * row's values through the same column encoders drizzle applies to a literal value (null stays
 * NULL — drizzle skips the encoder for null). Columns not among `keys` get what drizzle gives an
 * omitted column (its $defaultFn evaluated now, else NULL), so callers pass every column whose
 * value matters, `createdAt` included.
 */
export function prepareSqliteInsert<T extends PgTable>(
  sqlite: BetterSqlite3.Database,
  orm: Orm,
  table: T,
  keys: readonly string[],
  ignoreConflicts: boolean,
): (row: Record<string, unknown>) => BetterSqlite3.RunResult {
  let cache = insertCache.get(sqlite);
  if (!cache) insertCache.set(sqlite, (cache = new Map()));
  let byKeys = cache.get(table);
  if (!byKeys) cache.set(table, (byKeys = new Map()));
  const cacheKey = `${ignoreConflicts ? '1' : '0'}${keys.join(',')}`;
  const cached = byKeys.get(cacheKey);
  if (cached) return cached;
  const placeholders = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as never;
  const base = orm.insert(table).values(placeholders);
  const query = (ignoreConflicts ? base.onConflictDoNothing() : base).toSQL();
  const statement = sqlite.prepare(query.sql);
  const binders = query.params.map(binderOf);
  const insert = (row: Record<string, unknown>) => statement.run(binders.map((bind) => bind(row)));
  // A value drizzle rendered itself ($defaultFn, e.g. "now") must be rendered afresh each time.
  if (query.params.every(isPlaceholderParam)) byKeys.set(cacheKey, insert);
  return insert;
}

/**
 * Prepared INSERTs by connection, table and the row's keys: an import runs the same few for
 * every batch, and preparing them anew cost a drizzle render and a SQLite compile per table per
 * batch, and left a statement per batch for the GC to finalise.
 */
const insertCache = new WeakMap<BetterSqlite3.Database, Map<PgTable, Map<string, (row: Record<string, unknown>) => BetterSqlite3.RunResult>>>();

function isPlaceholderParam(param: unknown): boolean {
  return is(param, Param) && is(param.value, Placeholder);
}

type Binder = (row: Record<string, unknown>) => unknown;

function binderOf(param: unknown): Binder {
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { encoder } = param;
    const key = param.value.name;
    return (row) => {
      const value = row[key];
      if (value === undefined) throw new Error(`no value for column "${key}" in an import row`);
      return value === null ? null : encoder.mapToDriverValue(value);
    };
  }
  if (is(param, Placeholder)) throw new Error(`placeholder "${param.name}" has no column to encode it`);
  // A value drizzle rendered itself (an omitted column's $defaultFn), already encoded.
  return () => param;
}
