#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + server tests (SQLite and PostgreSQL), client build and the
// e2e journeys in Chromium. Ends with one line: `N passed, N failed[, N skipped]`.
// Under CI (CI=true) nothing may be skipped: a missing PostgreSQL or Chromium is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const bin = (name) => join('node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'redline-test-report-'));
const tally = { passed: 0, failed: 0, skipped: 0 };
const notes = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n━━ ${label}: ${[command, ...args].join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`━━ ${label}: exit ${result.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status ?? 1;
}

function check(label, command, args) {
  if (run(label, command, args) === 0) tally.passed += 1;
  else {
    tally.failed += 1;
    notes.push(`${label} failed`);
  }
}

check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);

// Vitest: every project (shared, domain, client, server-sqlite, server-postgres).
const vitestJson = join(reports, 'vitest.json');
run('unit and server tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  const skipped = report.numPendingTests + report.numTodoTests;
  tally.skipped += skipped;
  // A file that fails to load has no tests to count: count it as one failure.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  tally.failed += brokenFiles.length;
  if (skipped > 0) notes.push(`${skipped} server tests skipped: PostgreSQL at 127.0.0.1:5432 was not reachable (see the vitest output)`);
} else {
  tally.failed += 1;
  notes.push('vitest wrote no report');
}

check('client build', bin('vite'), ['build', '--logLevel', 'warn']);

// Playwright: the e2e journeys in Debian's Chromium.
const chromium = process.env.REDLINE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const list = spawnSync(bin('playwright'), ['test', '--list'], { encoding: 'utf8' });
  const count = Number(/Total: (\d+) tests?/.exec(list.stdout)?.[1] ?? 1);
  if (CI) {
    tally.failed += count;
    notes.push(`Chromium is missing at ${chromium}: under CI that is a failure (${count} e2e tests not run)`);
  } else {
    tally.skipped += count;
    notes.push(`${count} e2e tests skipped: Chromium is missing at ${chromium} (apt-get install -y chromium)`);
  }
} else {
  const playwrightJson = join(reports, 'playwright.json');
  run('e2e journeys', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
  if (existsSync(playwrightJson)) {
    const { stats, errors } = JSON.parse(readFileSync(playwrightJson, 'utf8'));
    tally.passed += stats.expected;
    tally.failed += stats.unexpected + stats.flaky + (errors?.length ?? 0);
    tally.skipped += stats.skipped;
    if (stats.skipped > 0) notes.push(`${stats.skipped} e2e tests skipped (see the list above)`);
  } else {
    tally.failed += 1;
    notes.push('playwright wrote no report');
  }
}

rmSync(reports, { recursive: true, force: true });
if (CI && tally.skipped > 0) {
  notes.push(`under CI nothing may be skipped: ${tally.skipped} skipped tests count as failed`);
  tally.failed += tally.skipped;
  tally.skipped = 0;
}
process.stdout.write('\n');
for (const note of notes) process.stdout.write(`note: ${note}\n`);
process.stdout.write(`${tally.passed} passed, ${tally.failed} failed${tally.skipped > 0 ? `, ${tally.skipped} skipped` : ''}\n`);
process.exitCode = tally.failed > 0 ? 1 : 0;
