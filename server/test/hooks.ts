import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { Database } from '../db/connection';
import { createTestDatabase, type TestDatabase } from './test-database';

/**
 * Gives a test file its own migrated database of the dialect under test (one per file, made
 * in beforeAll and destroyed in afterAll). Read `.db` inside tests, not at collection time.
 */
export function useTestDatabase(): { readonly db: Database; readonly url: string } {
  let handle: TestDatabase | undefined;
  const skipReason = inject('skipReason');
  beforeAll(async () => {
    if (!skipReason) handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.destroy();
  });
  beforeEach((ctx) => {
    if (skipReason) ctx.skip(skipReason);
  });
  return {
    get db() {
      if (!handle) throw new Error('the test database is made in beforeAll');
      return handle.db;
    },
    get url() {
      if (!handle) throw new Error('the test database is made in beforeAll');
      return handle.url;
    },
  };
}
