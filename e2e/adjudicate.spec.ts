import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { CSRF_HEADER } from '../shared/constants';
import { signInAs } from './pages/login-page';
import { ReviewPages } from './pages/review-pages';
import { redline, redlineText } from './fixtures/server-state';

// A lead settles a split. The spec works in its own project (demo line 1 imported again), so
// the demo's numbers other specs read stay as they were: two new annotators label the solution
// through the API — alice-e2e "incorrect at step 3" with a box on the diagram, bob-e2e "correct" —
// then the lead opens Review, compares them side by side, takes alice-e2e's judgment, gives a
// reason and saves; the list then shows the item adjudicated.
const PROJECT = 'review-e2e';
const SOLUTION = 'mathv_183-r0-a';
const PASSWORD = 'e2e-review-secret';
const BASE = `http://127.0.0.1:${process.env.REDLINE_E2E_PORT ?? 3199}`;

function writeProjectFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-e2e-review-'));
  mkdirSync(join(dir, 'images'));
  const line = readFileSync('demo/demo.jsonl', 'utf8').split('\n').find((l) => l.includes(`"id":"${SOLUTION}"`));
  if (!line) throw new Error(`${SOLUTION} is not in demo/demo.jsonl`);
  const parsed = JSON.parse(line) as { problem: { images: string[] }; annotations?: unknown };
  for (const image of parsed.problem.images) copyFileSync(join('demo', image), join(dir, image));
  delete parsed.annotations;
  writeFileSync(join(dir, 'review.jsonl'), `${JSON.stringify(parsed)}\n`);
  return join(dir, 'review.jsonl');
}

/** A signed-in API client (cookie + CSRF header), like the browser client. */
async function apiAs(name: string, password: string): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const login = await api.post('/api/auth/login', { data: { username: name, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, headers: { [CSRF_HEADER]: csrfToken } };
}

test.beforeAll(async () => {
  await redline(['import', writeProjectFile(), '--project', PROJECT]);
  await redlineText(['project', 'set', PROJECT, '--overlap', '2']);
  const admin = await apiAs('admin', 'redline');
  for (const name of ['alice-e2e', 'bob-e2e']) {
    const res = await admin.api.post('/api/users', { data: { name, role: 'annotator', password: PASSWORD }, headers: admin.headers });
    expect(res.status(), await res.text()).toBe(201);
  }
  await redlineText(['project', 'members', PROJECT, '--add', 'alice-e2e', 'bob-e2e', 'lead']);

  const alice = await apiAs('alice-e2e', PASSWORD);
  const next = await alice.api.post(`/api/projects/${PROJECT}/queue/next`, { headers: alice.headers, data: {} });
  expect(next.status()).toBe(200);
  const solutionId = ((await next.json()) as { solution: { id: number } }).solution.id;
  const view = (await (await alice.api.get(`/api/solutions/${solutionId}`)).json()) as { problem: { images: { sha256: string }[] } };
  const imageSha256 = view.problem.images[0]!.sha256;
  expect(imageSha256).toBe(createHash('sha256').update(readFileSync('demo/images/mathv_183.jpg')).digest('hex'));
  const common = { stepRatings: null, improvementSuggestion: '', correctedSolution: null, status: 'submitted', version: 0 };
  const aliceLabel = {
    ...common, verdict: 'incorrect', firstErrorStep: 2, errorType: 'vision_recognition',
    errorAnalysis: 'The $80^\\circ$ at $D$ is $\\angle BDC$, not $\\angle ADC$.',
    regions: [{ id: 'r1', imageSha256, kind: 'box', points: [[0.2, 0.3], [0.6, 0.7]], stepIndex: 2 }],
    flags: { badProblem: false, unsure: false },
  };
  const bobLabel = { ...common, verdict: 'correct', firstErrorStep: null, errorType: null, errorAnalysis: '', regions: [], flags: { badProblem: false, unsure: true } };
  const saved = await alice.api.put(`/api/solutions/${solutionId}/annotation`, { data: aliceLabel, headers: alice.headers });
  expect(saved.status(), await saved.text()).toBe(200);
  const bob = await apiAs('bob-e2e', PASSWORD);
  const bobSaved = await bob.api.put(`/api/solutions/${solutionId}/annotation`, { data: bobLabel, headers: bob.headers });
  expect(bobSaved.status(), await bobSaved.text()).toBe(200);
  await Promise.all([admin.api.dispose(), alice.api.dispose(), bob.api.dispose()]);
});

test('a lead opens a split item, takes one annotator\'s judgment, gives a reason and saves the gold', async ({ page }) => {
  const review = new ReviewPages(page);
  await signInAs(page, 'lead');
  await review.openList(PROJECT);
  await expect(page.getByRole('navigation', { name: `Project ${PROJECT}` }).getByRole('link', { name: 'Review' })).toHaveAttribute('aria-current', 'page');

  // The split shows with its reasons and annotator count.
  const row = review.row(SOLUTION);
  await expect(row.getByRole('list', { name: 'Reasons' })).toContainText('Split verdict');
  await expect(row.getByRole('list', { name: 'Reasons' })).toContainText('Unsure flag');
  await expect(row.getByRole('cell').nth(3)).toHaveText('2');
  await expect(review.status('Open')).toContainText('1');
  await row.getByRole('link', { name: SOLUTION }).click();

  // Both annotators side by side, with the ORM; alice's step and region on the diagram.
  await expect(page.getByRole('heading', { name: `Adjudicate ${SOLUTION}` })).toBeVisible();
  await expect(review.labelCard('alice-e2e')).toContainText('Step 3');
  await expect(review.labelCard('alice-e2e')).toContainText('Vision recognition');
  await expect(review.labelCard('bob-e2e')).toContainText('correct');
  await expect(review.labelCard('bob-e2e')).toContainText('unsure');
  await expect(page.getByRole('article', { name: 'ORM mathse-orm-v1' })).toContainText('WRONG');
  await expect(page.getByRole('listitem', { name: 'Step 3' })).toContainText('alice-e2e');
  await expect(page.getByRole('listitem', { name: 'Step 4' })).toContainText('ORM');
  await expect(review.overlayShapes('alice-e2e')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Region colours' })).toContainText('alice-e2e (1 region)');

  // Start from alice's judgment, add a reason, save.
  await review.labelCard('alice-e2e').getByRole('button', { name: 'Use alice-e2e’s' }).click();
  const form = review.goldForm();
  await expect(form.getByLabel('First wrong step')).toHaveValue('2');
  await expect(form.getByLabel('Error type')).toHaveValue('vision_recognition');
  await expect(form.getByRole('radio', { name: 'Incorrect' })).toBeChecked();
  await expect(form.getByRole('button', { name: 'Save gold judgment' })).toBeDisabled();
  await form.getByLabel('Reason for this judgment (required)').fill('The figure marks angle BDC; alice-e2e is right.');
  await form.getByRole('button', { name: 'Save gold judgment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved gold judgment (version 1).' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Adjudication status' })).toContainText('Adjudicated by lead (version 1)');
  await expect(review.overlayShapes('Gold (the form below)')).toHaveCount(1);

  // Back in the list: no longer open, listed as adjudicated by the lead.
  await page.getByRole('link', { name: '← Back to the review list' }).click();
  await expect(page.getByText('Nothing needs a lead here.')).toBeVisible();
  await expect(review.status('Adjudicated')).toContainText('1');
  await review.status('Adjudicated').click();
  await expect(review.row(SOLUTION).getByRole('cell').last()).toHaveText('by lead');
});
