import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../server/db/connection';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../server/test/fake-openai-server';
import { e2eDatabaseUrl, redline } from './fixtures/server-state';
import { signInAs } from './pages/login-page';

// The ORM is a fake OpenAI-compatible server started by this test (nothing real can run here);
// Redline's server, the page and the stored judgments are real. Each fixture question carries a
// `fake-mode:` tag choosing the fake's reply: two WRONG at "Step 2", one CORRECT, one malformed.
const FIXTURE = fileURLToPath(new URL('./fixtures/orm-run.jsonl', import.meta.url));
let fake: FakeOpenAiServer;

test.beforeAll(async () => {
  fake = await startFakeOpenAiServer({ delayMs: 100 });
  await redline(['import', FIXTURE, '--project', 'orm-e2e']);
});
test.afterAll(async () => fake?.close());

async function storedJudgments() {
  const db = openDatabase(e2eDatabaseUrl());
  try {
    const { ormJudgments: o, solutions: s, projects: p } = db.t;
    return await db.orm
      .select({ solution: s.externalId, status: o.status, errorStepIndex: o.errorStepIndex })
      .from(o)
      .innerJoin(s, eq(s.id, o.solutionId))
      .innerJoin(p, eq(p.id, s.projectId))
      .where(and(eq(p.name, 'orm-e2e'), eq(o.model, 'e2e-orm')))
      .orderBy(s.externalId);
  } finally {
    await db.close();
  }
}

test('a researcher runs a live ORM from the ORM page: progress, stored judgments, the unparseable reply as text, and a resumed run', async ({ page }) => {
  await signInAs(page, 'researcher');
  await page.getByRole('navigation', { name: 'Manage orm-e2e' }).getByRole('link', { name: /^ORM/ }).click();
  await expect(page).toHaveURL(/\/projects\/orm-e2e\/orm$/);

  const form = page.getByRole('form', { name: 'Start an ORM run' });
  await form.getByLabel('Endpoint', { exact: true }).fill(fake.endpoint);
  await form.getByLabel('Model', { exact: true }).fill('e2e-orm');
  await form.getByLabel('Concurrency', { exact: true }).fill('2');
  await form.getByRole('button', { name: 'Start' }).click();

  const status = page.getByRole('status').filter({ hasText: 'done' }).first();
  await expect(status).toContainText('4 of 4 done — 3 stored, 1 unparseable, 0 failed', { timeout: 20_000 });
  const unparseable = page.getByRole('region', { name: 'Unparseable replies' });
  await expect(unparseable).toContainText('orm-p4-a');
  expect(await page.locator('.replies script, .replies img').count()).toBe(0);

  expect(await storedJudgments()).toEqual([
    { solution: 'orm-p1-a', status: 'WRONG', errorStepIndex: 1 },
    { solution: 'orm-p2-a', status: 'CORRECT', errorStepIndex: null },
    { solution: 'orm-p3-a', status: 'WRONG', errorStepIndex: 1 },
  ]);
  expect(fake.maxInFlight()).toBeLessThanOrEqual(2);

  // Resumable: a second run sends only the solution still without a judgment from this model.
  const sentBefore = fake.requests.length;
  await form.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'done' }).first()).toContainText('1 of 1 done', { timeout: 20_000 });
  expect(fake.requests.length - sentBefore).toBe(1);
  expect(fake.requests.at(-1)?.text).toContain('fake-mode:malformed');
});
