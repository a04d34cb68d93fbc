import { sql, type SQL } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Database, Orm } from './connection';

/**
 * The few places where SQLite and PostgreSQL must differ, one small function each
 * (STYLE.md habit 5). Services call these and stay dialect-free.
 */

/**
 * Serialises queue assignment within one project for the rest of the transaction: handing out
 * a slot and taking one on a first save or submission (services/queue.ts). PostgreSQL locks the
 * project row (other instances wait); FOR NO KEY UPDATE rather than FOR UPDATE, so rows that
 * merely reference the project (leases, audit entries) are written without waiting on it.
 * SQLite needs nothing: `BEGIN IMMEDIATE` already makes its writers take turns.
 */
export async function lockProjectForAssignment(db: Database, tx: Orm, projectId: number): Promise<void> {
  if (db.dialect === 'postgres') {
    await tx.execute(sql`SELECT id FROM projects WHERE id = ${projectId} FOR NO KEY UPDATE`);
  }
}

/**
 * Runs a hand-written SELECT written in SQL both dialects accept, and returns its rows: for the
 * few queries the builder cannot say (the queue's nested, fenced subqueries). Values come back
 * as the driver gives them — select integer and text columns only (PostgreSQL hands bigint,
 * count(*) included, back as a string).
 */
export async function selectRows<T>(db: Database, tx: Orm, query: SQL): Promise<T[]> {
  if (db.dialect === 'postgres') return (await tx.execute(query)).rows as T[];
  return (tx as unknown as BetterSQLite3Database).all<T>(query);
}

/** True when the database answers a trivial query: for /api/health. */
export async function ping(db: Database): Promise<boolean> {
  try {
    if (db.driver.kind === 'sqlite') {
      db.driver.sqlite.prepare('SELECT 1').get();
    } else {
      await db.driver.pool.query('SELECT 1');
    }
    return true;
  } catch {
    return false;
  }
}
