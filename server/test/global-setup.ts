import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { TEST_PG_ADMIN_URL } from './test-database';

/**
 * Runs once per server project. On PostgreSQL it checks the server answers: under CI a missing
 * server fails the run; elsewhere the tests are skipped with the reason (scripts/test.mjs prints it).
 */
export default async function setup(project: TestProject): Promise<void> {
  if (project.config.env?.REDLINE_TEST_DIALECT !== 'postgres') return;
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    // Leftovers of runs that were killed before their teardown.
    const stale = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'redline_test_%'",
    );
    for (const { datname } of stale.rows) {
      const pid = Number(/^redline_test_(\d+)_/.exec(datname)?.[1]);
      if (!processAlive(pid)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } catch (error) {
    const reason = `PostgreSQL at ${TEST_PG_ADMIN_URL} is not reachable (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${reason}; under CI nothing may be skipped`, { cause: error });
    project.provide('skipReason', reason);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    skipReason: string;
  }
}
