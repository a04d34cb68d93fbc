import { getTableConfig as pgTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './postgres';
import * as sqliteSchema from './sqlite';

/** What must be the same in both dialects: tables, columns (name, nullability, key), indexes. */
function shape(config: {
  name: string;
  columns: { name: string; notNull: boolean; primary: boolean }[];
  indexes: { config: { name: string; unique: boolean; columns: unknown[] } }[];
  primaryKeys: { columns: { name: string }[] }[];
}) {
  return {
    name: config.name,
    columns: config.columns.map((c) => `${c.name}${c.notNull ? ' not null' : ''}${c.primary ? ' pk' : ''}`).sort(),
    indexes: config.indexes
      .map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''} (${i.config.columns.map((c) => (c as { name: string }).name).join(',')})`)
      .sort(),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).join(',')),
  };
}

describe('schema parity', () => {
  it('defines the same tables, columns and indexes for SQLite and PostgreSQL', () => {
    const pgShapes = Object.values(pgSchema).map((t) => shape(pgTableConfig(t as PgTable) as never));
    const sqliteShapes = Object.values(sqliteSchema).map((t) => shape(sqliteTableConfig(t as SQLiteTable) as never));
    expect(pgShapes.length).toBeGreaterThanOrEqual(18);
    expect(sqliteShapes).toEqual(pgShapes);
  });

  it('has committed migrations that create every table in both dialects', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const dialect of ['sqlite', 'postgres'] as const) {
      // Later tables arrive in later migrations (0001_login_attempts, …): read them all, in order.
      const folder = new URL(`../../../migrations/${dialect}/`, import.meta.url);
      const sql = readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()
        .map((f) => readFileSync(new URL(f, folder), 'utf8')).join('\n');
      for (const table of Object.values(pgSchema)) {
        expect(sql, `${dialect} migration creates ${pgTableConfig(table).name}`).toMatch(
          new RegExp(`CREATE TABLE [\`"]${pgTableConfig(table).name}[\`"]`),
        );
      }
    }
  });
});
