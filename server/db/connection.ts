import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Tables } from './schema/define';
import * as pgSchema from './schema/postgres';
import * as sqliteSchema from './schema/sqlite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The query builder services use. Typed as PostgreSQL's; see README.md for why SQLite fits it. */
export type Orm = NodePgDatabase<Record<string, never>>;

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  readonly dialect: Dialect;
  /** The tables of this connection's dialect. */
  readonly t: Tables;
  readonly orm: Orm;
  /**
   * Runs `work` atomically. Every write goes through here: on SQLite one connection is shared,
   * so transactions are serialised by a queue and `work` must do database work only (no
   * network or file I/O) while it holds the connection.
   */
  transaction<T>(work: (tx: Orm) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Where this database lives, without credentials: for logs and the startup banner. */
  readonly description: string;
  /** The raw driver, for the few dialect-specific functions in this folder. */
  readonly driver: { kind: 'sqlite'; sqlite: BetterSqlite3.Database } | { kind: 'postgres'; pool: pg.Pool };
}

export const DEFAULT_SQLITE_PATH = 'data/redline.db';

/** `DATABASE_URL` per SPEC §7: unset → ./data/redline.db; `sqlite:PATH`; `postgres://…`. */
export function parseDatabaseUrl(url: string | undefined): { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string } {
  if (url === undefined || url.trim() === '') return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/redline.db');
    return { dialect: 'sqlite', path };
  }
  throw new Error(`DATABASE_URL must be unset, "sqlite:PATH" or "postgres://…"; got "${url.split(':')[0]}:…"`);
}

export function openDatabase(url: string | undefined): Database {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url);
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 10000');
  const orm = drizzleSqlite({ client: sqlite, casing: 'snake_case' }) as unknown as Orm;
  const inTransaction = new AsyncLocalStorage<true>();
  let queue: Promise<unknown> = Promise.resolve();

  return {
    dialect: 'sqlite',
    t: sqliteSchema as unknown as Tables,
    orm,
    description: `SQLite ${resolve(path)}`,
    driver: { kind: 'sqlite', sqlite },
    transaction<T>(work: (tx: Orm) => Promise<T>): Promise<T> {
      // A nested call joins the transaction already open on this connection.
      if (inTransaction.getStore()) return work(orm);
      const run = async (): Promise<T> => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await inTransaction.run(true, () => work(orm));
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      };
      const result = queue.then(run, run);
      // The queue holds only "done", not the result: a transaction's value (an import batch, say)
      // must not live on until the next transaction ends.
      queue = result.then(() => undefined, () => undefined);
      return result;
    },
    async migrate() {
      migrateSqlite(drizzleSqlite({ client: sqlite }), { migrationsFolder: resolve(root, 'migrations/sqlite') });
    },
    async close() {
      await queue;
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Serialises migrations when several instances start at once (an arbitrary fixed lock key). */
const MIGRATION_LOCK_KEY = 727_001;

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.REDLINE_PG_POOL ?? 10) });
  // An idle connection can fail (the server restarted, an admin ended it): the pool drops it and
  // opens another when needed. Without a listener node-postgres' 'error' event ends the process.
  pool.on('error', (error) => {
    process.stderr.write(`PostgreSQL: an idle connection failed and will be replaced (${error.message})\n`);
  });
  const orm = drizzlePg({ client: pool, casing: 'snake_case' }) as unknown as Orm;
  const safe = new URL(url);
  safe.password = '';
  return {
    dialect: 'postgres',
    t: pgSchema as unknown as Tables,
    orm,
    description: `PostgreSQL ${safe.host}${safe.pathname}`,
    driver: { kind: 'postgres', pool },
    transaction: (work) => orm.transaction((tx) => work(tx as unknown as Orm)),
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client }), { migrationsFolder: resolve(root, 'migrations/postgres') });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
