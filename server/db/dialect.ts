import { sql } from 'drizzle-orm';
import type { Database, Orm } from './connection';

/**
 * The few places where SQLite and PostgreSQL must differ, one small function each
 * (STYLE.md habit 5). Services call these and stay dialect-free.
 */

/**
 * Serialises queue assignment within one project for the rest of the transaction. PostgreSQL
 * locks the project row (other instances wait); SQLite needs nothing, because `BEGIN IMMEDIATE`
 * already makes its writers take turns.
 */
export async function lockProjectForAssignment(db: Database, tx: Orm, projectId: number): Promise<void> {
  if (db.dialect === 'postgres') {
    await tx.execute(sql`SELECT id FROM projects WHERE id = ${projectId} FOR UPDATE`);
  }
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
