import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { ensureClientBuilt } from '../../server/cli/client-build';
import { readConfig } from '../../server/config';
import { openDatabase } from '../../server/db/connection';
import { startServer } from '../../server/main';
import { importNativeFile } from '../../server/services/import/import-native';
import { addMembers } from '../../server/services/members';
import { createProject } from '../../server/services/projects';
import { addUser } from '../../server/services/users';
import { formatTable, withTempDir, type Benchmark, type BenchReport } from './measure';
import { writeHeavySolution } from './workspace-fixture';
import { baselinePage, dataArrivedAt, keyProbe, renderProbe } from './workspace-probe';

const repoRoot = resolve(import.meta.dirname, '../..');
const STEPS = 60;
const RUNS = 5;
const KEY_PRESSES = 40;
const KEYS = ['j', 'e', '1'] as const;
type Key = (typeof KEYS)[number];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number, digits = 1) => (Number.isNaN(x) ? 'no response' : x.toFixed(digits));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/**
 * Issue 3's speed goals in headless Chromium: a 60-step, LaTeX-heavy solution with two diagrams
 * shows every step within 500 ms of its data arriving, and a key press (j, e) reaches the screen
 * within one frame at the median. The baseline is the same browser rendering the same steps as
 * plain text and moving a highlight: the floor this machine allows.
 */
export const workspaceBenchmark: Benchmark = {
  name: 'workspace',
  async run({ log }): Promise<BenchReport> {
    await ensureClientBuilt();
    return withTempDir('redline-bench-ws-', async (dir) => {
      const db = openDatabase(`sqlite:${join(dir, 'ws.db')}`);
      await db.migrate();
      await addUser(db, { name: 'bench', role: 'annotator', password: 'bench-password' }, null);
      // every-step, so the rating keys (1/2/3) are live too.
      await createProject(db, 'bench-ws', { mode: 'every-step' }, null);
      await importNativeFile(db, { file: writeHeavySolution(dir, repoRoot), project: 'bench-ws', strict: true, actorId: null });
      await addMembers(db, 'bench-ws', ['bench'], null);
      const server = await startServer(readConfig(process.env, { port: 0, clientDir: join(repoRoot, 'dist/client') }), { db, logger: false });
      const browser = await chromium.launch({ executablePath: process.env.REDLINE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
      try {
        // bypassCSP: the probes are evaluated strings, which the app's CSP (rightly) forbids.
        const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
        const login = await page.request.post(`${server.url}/api/auth/login`, { data: { username: 'bench', password: 'bench-password' } });
        if (!login.ok()) throw new Error(`bench login failed: ${login.status()}`);
        const next = await page.request.post(`${server.url}/api/projects/bench-ws/queue/next`, {
          data: {}, headers: { 'x-redline-csrf': (await login.json()).csrfToken },
        });
        const solutionId = (await next.json()).solution.id as number;
        await page.addInitScript(renderProbe(STEPS));
        const render: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          log(`workspace: render run ${run + 1}/${RUNS}`);
          await page.goto(`${server.url}/projects/bench-ws/annotate/${solutionId}`);
          await page.waitForFunction('window.__stepsShownAt !== undefined', null, { timeout: 30_000 })
            .catch(async (error: unknown) => {
              await page.screenshot({ path: join(dir, 'failed.png') }).catch(() => undefined);
              process.stderr.write(`workspace: the steps did not all render; screenshot in ${dir} (kept only while running)\n`);
              throw error;
            });
          const shownAt = await page.evaluate<number>('window.__stepsShownAt');
          const arrivedAt = await page.evaluate<number | null>(dataArrivedAt);
          if (arrivedAt === null) throw new Error('the solution request was not seen');
          render.push(shownAt - arrivedAt);
        }
        const keys = await keyLatencies(page);
        const baseline = await baselineFigures(page);
        return report(render, keys, baseline);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  },
};

async function keyLatencies(page: Page): Promise<Record<Key, number[]>> {
  const out: Record<Key, number[]> = { j: [], e: [], '1': [] };
  for (const key of KEYS) {
    // A fresh page per key: focus starts at step 1, so every press acts on a new step.
    await page.reload();
    await page.waitForFunction('window.__stepsShownAt !== undefined', null, { timeout: 30_000 });
    await page.evaluate(keyProbe);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < KEY_PRESSES; i++) {
      await page.keyboard.press(key !== 'j' && i % 2 === 1 ? 'j' : key);
      await page.waitForTimeout(30);
    }
    const samples = await page.evaluate<number[]>('window.__keyLatencies');
    // For e and 1, every other press is a j (so each acts on a new step): keep their samples only.
    out[key] = key === 'j' ? samples : samples.filter((_, i) => i % 2 === 0);
  }
  return out;
}

async function baselineFigures(page: Page): Promise<{ render: number; key: number }> {
  const steps = await page.evaluate<string[]>("[...document.querySelectorAll('li[data-step-index]')].map((li) => li.textContent ?? '')");
  await page.setContent(baselinePage(steps));
  const render: number[] = [];
  for (let run = 0; run < RUNS; run++) render.push(await page.evaluate<number>('window.__render()'));
  await page.evaluate(keyProbe);
  for (let i = 0; i < KEY_PRESSES; i++) {
    await page.keyboard.press('j');
    await page.waitForTimeout(30);
  }
  return { render: median(render), key: median(await page.evaluate<number[]>('window.__keyLatencies')) };
}

function report(render: number[], keys: Record<Key, number[]>, baseline: { render: number; key: number }): BenchReport {
  const rows = [
    ['show all 60 steps after data arrives', 'ms', ms(median(render), 0), '500', ms(baseline.render), ms(median(render) / baseline.render)],
    ['key j → screen (median)', 'ms', ms(median(keys.j)), '16', ms(baseline.key), ms(median(keys.j) / baseline.key, 2)],
    ['key e → screen (median)', 'ms', ms(median(keys.e)), '16', ms(baseline.key), ms(median(keys.e) / baseline.key, 2)],
    ['key 1 → screen (median)', 'ms', ms(median(keys['1'])), '16', ms(baseline.key), ms(median(keys['1']) / baseline.key, 2)],
  ];
  const headers = ['measure', 'unit', 'redline', 'goal', 'plain-text baseline', 'ratio'];
  return {
    name: 'workspace',
    title: 'workspace: 60 LaTeX-heavy steps and two diagrams in headless Chromium at 1366×768',
    table: { headers, rows },
    notes: [
      `render samples (ms): ${render.map((x) => x.toFixed(0)).join(', ')}; key samples: j ${keys.j.length}, e ${keys.e.length}, 1 ${keys['1'].length}`,
      'baseline: the same steps as plain text inserted at once, and a highlight moved by j, in the same browser',
    ],
    data: { renderMs: render, keyMs: keys, baseline, formatted: formatTable(headers, rows) },
  };
}
