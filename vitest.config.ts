import { defineConfig } from 'vitest/config';

// Projects: shared (schemas), domain (pure server logic), client (jsdom-free logic and stores),
// and the server's integration tests twice — once on a fresh SQLite file, once on a fresh
// PostgreSQL database (server/test/setup-db.ts makes and drops it).
const serverIntegration = ['server/**/*.test.ts'];
const serverPure = ['server/domain/**'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', include: ['shared/**/*.test.ts'] } },
      { test: { name: 'domain', include: ['server/domain/**/*.test.ts'] } },
      { test: { name: 'client', include: ['client/**/*.test.{ts,tsx}'] } },
      {
        test: {
          name: 'server-sqlite',
          include: serverIntegration,
          exclude: serverPure,
          env: { REDLINE_TEST_DIALECT: 'sqlite' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-postgres',
          include: serverIntegration,
          exclude: serverPure,
          env: { REDLINE_TEST_DIALECT: 'postgres' },
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
