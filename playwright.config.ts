import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// One fresh SQLite database per run, with the demo loaded; the specs read REDLINE_E2E_DATABASE_URL
// to check what the server persisted (workers inherit this process's environment).
process.env.REDLINE_E2E_DATABASE_URL ??= `sqlite:${join(mkdtempSync(join(tmpdir(), 'redline-e2e-')), 'e2e.db')}`;
const port = Number(process.env.REDLINE_E2E_PORT ?? 3199);
export const CHROMIUM = process.env.REDLINE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The smallest screen the workspace promises to work on.
    viewport: { width: 1366, height: 768 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node bin/redline.mjs demo && node bin/redline.mjs serve --port ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATABASE_URL: process.env.REDLINE_E2E_DATABASE_URL, REDLINE_CLIENT_DIR: 'dist/client' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
