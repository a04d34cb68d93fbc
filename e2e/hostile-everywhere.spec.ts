import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { signInAs } from './pages/login-page';
import { injectedElements, NOTHING_INJECTED, watchForEscapes } from './fixtures/hostile-watch';
import { redlineText, solutionIdOf, storedAnnotation } from './fixtures/server-state';

// Text people type or import is data, never markup (SPEC §9, issue 8 outcome 2). Beyond the model
// text of hostile-content.spec.ts: notes an annotator types, user names that arrive by import,
// project and user names an admin tries to create, and the guidelines markdown a lead writes.
// Each test: the text is on screen as text, no dialog fired, nothing executable was injected,
// and no request left the origin.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const NOTE = `Step 1 <img src=x onerror="alert('note')"> <script>alert('note-script')</script> is wrong: $\\href{javascript:alert('note-href')}{x}$`;
const REGION_NOTE = `<iframe src="javascript:alert('region')"></iframe> here`;
const EVIL_USER = "<img src=x onerror=alert('user')>";
const EVIL_USER_2 = `"><script>alert('u2')</script>`;

/** Lets any deferred handler fire (hover, idle) before concluding none did. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(10, 200);
  await page.mouse.move(600, 400);
  await page.waitForLoadState('networkidle');
}

test('notes an annotator types render inert for the lead on the history and progress pages', async ({ browser, baseURL }) => {
  const annotatorPage = await browser.newPage();
  const annotatorWatch = watchForEscapes(annotatorPage, baseURL!);
  await signInAs(annotatorPage, 'annotator2');
  const annotate = new AnnotatePage(annotatorPage);
  const id = await solutionIdOf('mathv_1008-r0-a');
  await annotate.open('demo', id);
  const view = await (await annotatorPage.request.get(`/api/solutions/${id}`)).json();

  await annotate.markIncorrect({ firstWrongStep: 'Step 1', errorType: 'reasoning', analysis: NOTE });
  await annotatorPage.getByRole('button', { name: 'Box', exact: true }).click();
  await annotate.drawBox(1, view.problem.images[0], [0.1, 0.1], [0.3, 0.3]);
  await annotatorPage.getByRole('textbox', { name: 'Note for region 1' }).fill(REGION_NOTE);
  await annotate.submit();
  await expect.poll(async () => (await storedAnnotation('mathv_1008-r0-a', 'annotator2'))?.status, { timeout: 10_000 }).toBe('submitted');
  const stored = (await storedAnnotation('mathv_1008-r0-a', 'annotator2'))!;
  expect(stored.errorAnalysis).toBe(NOTE);
  expect(stored.regions[0]?.note).toBe(REGION_NOTE);

  // Back on the solution, the annotator's own notes come back as text in their fields and preview.
  await annotate.open('demo', id);
  await expect(annotate.analysis).toHaveValue(NOTE);
  await expect(annotatorPage.getByRole('textbox', { name: 'Note for region 1' })).toHaveValue(REGION_NOTE);
  await expect(annotatorPage.getByRole('group', { name: 'Preview of Error analysis' })).toContainText(`<script>alert('note-script')</script>`);
  await settle(annotatorPage);
  expect(await injectedElements(annotatorPage)).toEqual(NOTHING_INJECTED);
  expect(annotatorWatch).toEqual({ dialogs: [], foreign: [] });

  // The lead reads them on the solution's history and on the progress page.
  const lead = await browser.newPage();
  const leadWatch = watchForEscapes(lead, baseURL!);
  await signInAs(lead, 'lead');
  await lead.goto(`/projects/demo/solutions/${id}/history`);
  await expect(lead.getByRole('heading', { name: 'History of mathv_1008-r0-a' })).toBeVisible();
  const timeline = lead.getByRole('list', { name: 'Timeline, oldest first' });
  await expect(timeline.getByText(`Step 1 <img src=x onerror="alert('note')"> <script>alert('note-script')</script> is wrong:`).first()).toBeVisible();
  await expect(timeline.getByRole('math').first()).toBeVisible();
  await settle(lead);
  expect(await injectedElements(lead)).toEqual(NOTHING_INJECTED);
  await lead.screenshot({ path: test.info().outputPath('history-notes.png'), fullPage: true });

  await lead.goto('/projects/demo/progress');
  await expect(lead.getByRole('heading', { name: 'Recent activity' })).toBeVisible();
  await expect(lead.getByRole('rowheader', { name: 'annotator2', exact: true })).toBeVisible();
  await settle(lead);
  expect(await injectedElements(lead)).toEqual(NOTHING_INJECTED);
  expect(leadWatch).toEqual({ dialogs: [], foreign: [] });
  await annotatorPage.close();
  await lead.close();
});

test('hostile user names that arrive by import render inert on progress, history and the users page', async ({ page, baseURL }) => {
  await redlineText(['import', fixture('hostile-names.jsonl'), '--project', 'hostile-names']);
  await redlineText(['project', 'members', 'hostile-names', '--add', 'annotator3', 'lead']);
  const watch = watchForEscapes(page, baseURL!);
  await signInAs(page, 'lead');

  await page.goto('/projects/hostile-names/progress');
  const annotators = page.getByRole('table', { name: 'Annotators' });
  await expect(annotators.getByRole('rowheader', { name: EVIL_USER, exact: true })).toBeVisible();
  await expect(annotators.getByRole('rowheader', { name: EVIL_USER_2, exact: true })).toBeVisible();
  await settle(page);
  expect(await injectedElements(page)).toEqual(NOTHING_INJECTED);
  await page.screenshot({ path: test.info().outputPath('progress-names.png'), fullPage: true });

  const id = await solutionIdOf('names-1-a', 'hostile-names');
  await page.goto(`/projects/hostile-names/solutions/${id}/history`);
  await expect(page.getByRole('heading', { name: 'History of names-1-a' })).toBeVisible();
  await expect(page.getByText(EVIL_USER, { exact: false }).first()).toBeVisible();
  await expect(page.getByText(`Imported <script>alert('imported-analysis')</script> note`, { exact: false }).first()).toBeVisible();
  await settle(page);
  expect(await injectedElements(page)).toEqual(NOTHING_INJECTED);

  await page.context().clearCookies();
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  await expect(page.getByRole('rowheader', { name: `${EVIL_USER} (imported)`, exact: true })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: `${EVIL_USER_2} (imported)`, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: `Tokens of ${EVIL_USER}`, exact: true })).toBeVisible();
  await settle(page);
  expect(await injectedElements(page)).toEqual(NOTHING_INJECTED);
  await page.screenshot({ path: test.info().outputPath('users-names.png'), fullPage: true });
  expect(watch).toEqual({ dialogs: [], foreign: [] });
});

test('user and project names an admin creates are held to a safe alphabet', async ({ page }) => {
  await signInAs(page, 'admin');
  const { csrfToken } = await (await page.request.get('/api/me')).json();
  const headers = { 'x-redline-csrf': csrfToken };

  const user = await page.request.post('/api/users', { headers, data: { name: EVIL_USER, role: 'annotator', password: 'long enough pw' } });
  expect(user.status()).toBe(400);
  expect(await user.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('body.name') });

  const project = await page.request.post('/api/projects', { headers, data: { name: '<script>alert(1)</script>' } });
  expect(project.status()).toBe(400);
  expect(await project.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('body.name') });

  // The command line holds project names to the same rule.
  await expect(redlineText(['import', fixture('hostile-names.jsonl'), '--project', '<b>x</b>'])).rejects.toThrow(/must be 1–64 letters, digits, "-" or "_"/);
});

test('hostile guidelines markdown renders inert in the annotate workspace drawer', async ({ page, baseURL }) => {
  await redlineText(['import', fixture('hostile-guidelines.jsonl'), '--project', 'hostile-guidelines']);
  await redlineText(['project', 'set', 'hostile-guidelines', '--guidelines', fixture('hostile-guidelines.md')]);
  await redlineText(['project', 'members', 'hostile-guidelines', '--add', 'annotator3']);
  const watch = watchForEscapes(page, baseURL!);
  await signInAs(page, 'annotator3');
  await page.goto('/projects/hostile-guidelines/annotate');
  await new AnnotatePage(page).waitForSolution();
  await page.getByRole('button', { name: 'Guidelines' }).click();
  const drawer = page.getByRole('complementary', { name: /Guidelines/ });
  await expect(drawer.getByText('The end of the guidelines.')).toBeVisible();

  // Raw HTML shows as the text it is; markdown links open only for http(s); images are not fetched.
  await expect(drawer.getByText(`<script>alert('guidelines-script')</script>`, { exact: false })).toBeVisible();
  await expect(drawer.getByText(`<img src=x onerror="alert('guidelines-img')">`, { exact: false })).toBeVisible();
  await expect(drawer.getByText('javascript link', { exact: true })).toBeVisible();
  await expect(drawer.getByRole('link')).toHaveCount(1);
  await expect(drawer.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.org/rules');
  await expect(drawer.getByText('[image: pixel]')).toBeVisible();
  await drawer.getByText('raw HTML block', { exact: false }).first().hover();
  await drawer.getByText('javascript link', { exact: true }).click();
  await settle(page);
  expect(await injectedElements(page, ['https://example.org/rules'])).toEqual(NOTHING_INJECTED);
  expect(watch).toEqual({ dialogs: [], foreign: [] });
  await page.screenshot({ path: test.info().outputPath('guidelines-drawer.png'), fullPage: true });
});
