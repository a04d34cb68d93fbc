import type BetterSqlite3 from 'better-sqlite3';
import { Column } from 'drizzle-orm';
import type { Database } from './connection';

/**
 * Reads the rows of a flat select (`db.orm.select({a: t.a, b: t.b})…`, columns only) faster
 * than awaiting it, for the bulk readers (exports, reports) that pull hundreds of thousands of
 * rows. On SQLite it runs the SQL drizzle built through a cached prepared statement in array
 * mode and decodes each cell with its column's own `mapFromDriverValue` (worked out once per
 * query, where drizzle checks every cell's field type again), so values are exactly what the
 * builder would return. PostgreSQL, and any select that is not flat columns, take drizzle's own
 * path.
 */
export interface FlatSelect<T> extends PromiseLike<T[]> {
  toSQL(): { sql: string; params: unknown[] };
}

export async function readRows<T>(db: Database, query: FlatSelect<T>): Promise<T[]> {
  if (db.driver.kind !== 'sqlite') return query;
  // Every select builder has it (drizzle's typings leave it off the PostgreSQL builder Database.orm is typed as).
  let fields: Array<[string, unknown]>;
  try {
    fields = Object.entries((query as unknown as { getSelectedFields(): Record<string, unknown> }).getSelectedFields());
    if (!fields.every(([, field]) => field instanceof Column)) return query;
  } catch {
    // An unaliased SQL expression in the selection throws on access: drizzle's path handles it.
    return query;
  }
  const keys = fields.map(([key]) => key);
  const columns = fields.map(([, field]) => field as Column);
  const { sql, params } = query.toSQL();
  const rows = statement(db.driver.sqlite, sql).all(...params) as unknown[][];
  const out: T[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    const value: Record<string, unknown> = {};
    for (let c = 0; c < keys.length; c++) {
      const raw = row[c];
      value[keys[c] as string] = raw === null ? null : (columns[c] as Column).mapFromDriverValue(raw);
    }
    out[r] = value as T;
  }
  return out;
}

/** Prepared statements by SQL text, per connection; bounded (the bulk readers use a handful of shapes). */
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = sqlite.prepare(sql).raw(true);
    if (cache.size >= 64) cache.clear();
    cache.set(sql, prepared);
  }
  return prepared;
}
