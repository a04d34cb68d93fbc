import { createHash } from 'node:crypto';
import { getTableColumns, getTableName, is, type Table } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/connection';

/**
 * A content checksum of a whole database for tests (backups, crash recovery, "nothing stored was
 * harmed"): sha256 over every row of every table of the schema — all columns, rows ordered by
 * primary key. Values are taken as drizzle maps them (Date, boolean, parsed JSON, Buffer), then
 * written canonically (times as ISO-8601, object keys sorted — PostgreSQL's jsonb reorders keys —
 * bytes as hex), so the same content gives the same digest on SQLite and on PostgreSQL.
 * Nothing is left out unless the caller names it in `exclude` (e.g. `audit_log`, which every
 * import appends to on purpose).
 */
export interface DbChecksum {
  sha256: string;
  /** Per table (SQL name): row count and digest. */
  tables: Record<string, { rows: number; sha256: string }>;
}

export async function dbChecksum(db: Database, opts: { exclude?: string[] } = {}): Promise<DbChecksum> {
  const exclude = new Set(opts.exclude ?? []);
  const tables = Object.values(db.t as unknown as Record<string, Table>)
    .map((table) => ({ table, name: getTableName(table) }))
    .filter((entry) => !exclude.has(entry.name))
    .sort((a, b) => compare(a.name, b.name));
  const whole = createHash('sha256');
  const result: DbChecksum['tables'] = {};
  for (const { table, name } of tables) {
    const keys = primaryKeyOf(table);
    const rows = (await db.orm.select().from(table as never)) as Record<string, unknown>[];
    // Sorted here, not by ORDER BY: text keys would follow each server's collation.
    rows.sort((a, b) => {
      for (const key of keys) {
        const order = compare(a[key], b[key]);
        if (order !== 0) return order;
      }
      return 0;
    });
    const hash = createHash('sha256');
    for (const row of rows) hash.update(canonical(row)).update('\n');
    const digest = hash.digest('hex');
    result[name] = { rows: rows.length, sha256: digest };
    whole.update(`${name} ${rows.length} ${digest}\n`);
  }
  return { sha256: whole.digest('hex'), tables: result };
}

/** The JavaScript property names of the table's primary key columns. */
function primaryKeyOf(table: Table): string[] {
  const columns = Object.entries(getTableColumns(table));
  const single = columns.filter(([, column]) => column.primary).map(([key]) => key);
  if (single.length > 0) return single;
  const config = is(table, PgTable) ? getPgTableConfig(table) : is(table, SQLiteTable) ? getSqliteTableConfig(table) : undefined;
  const composite = config?.primaryKeys[0]?.columns.map((c) => c.name) ?? [];
  const byName = new Map(columns.map(([key, column]) => [column.name, key]));
  const keys = composite.map((name) => byName.get(name) ?? name);
  if (keys.length === 0) throw new Error(`table ${getTableName(table)} has no primary key to order its rows by`);
  return keys;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** JSON with sorted keys, ISO times and hex bytes: one spelling per value whatever the dialect. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `"x${Buffer.from(value).toString('hex')}"`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => compare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
