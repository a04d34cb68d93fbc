import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AgreementDashboardPage } from './pages/agreement-page';
import { signInAs } from './pages/login-page';
import { UNDEFINED_HINT } from '../client/features/agreement/stat-format';
import { redline, redlineText, solutionIdOf } from './fixtures/server-state';

// A lead audits agreement in the browser. The demo ships with single-annotator labels only, so
// before the journey two reviewers ("auditor-a/b") label the demo's ProcessBench solutions
// (pb-math-*, which no other spec works on; the MATH-V ones stay in the annotators' queues) through
// the real `redline import`. A second project, AUDITED, gets all the demo's lines with labels from
// three reviewers, so every chart has data. The labels follow the ORM with seeded departures.
const AUDITED = 'audited-demo-e2e';
const ERROR_TYPES = ['reasoning', 'calculation', 'vision_recognition', 'knowledge'];

interface DemoLine {
  solution: { id: string; steps?: string[] };
  orm: { status: string };
  annotations?: unknown[];
}

function label(annotator: string, verdict: 'correct' | 'incorrect', line: number, steps: number, shift: number) {
  return verdict === 'correct'
    ? { annotator, verdict, timeSpentMs: 20_000 + ((line * 7919 + shift * 104_729) % 90_000) }
    : {
      annotator,
      verdict,
      firstErrorStep: Math.min(steps - 1, 1 + ((line + shift) % 3 === 0 ? 1 : 0)),
      errorType: ERROR_TYPES[(line + (shift === 2 && line % 5 === 0 ? 1 : 0)) % ERROR_TYPES.length],
      timeSpentMs: 30_000 + ((line * 7919 + shift * 104_729) % 120_000),
    };
}

/** Writes the demo lines `keep` selects, with the auditors' labels (and the demo's own), into a fresh folder with the images. */
function writeAuditedDemo(keep: (solutionId: string) => boolean, reviewers: 2 | 3): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-e2e-agreement-'));
  mkdirSync(join(dir, 'images'));
  for (const name of readdirSync('demo/images')) copyFileSync(join('demo/images', name), join(dir, 'images', name));
  const lines = readFileSync('demo/demo.jsonl', 'utf8').split('\n').filter((l) => l.trim() !== '');
  const out = lines.flatMap((text, i) => {
    const line = JSON.parse(text) as DemoLine;
    if (!keep(line.solution.id)) return [];
    const steps = line.solution.steps?.length ?? 1;
    const orm = line.orm.status.toUpperCase() === 'CORRECT' ? 'correct' : 'incorrect';
    const flip = (v: 'correct' | 'incorrect') => (v === 'correct' ? 'incorrect' : 'correct');
    const a = i % 4 === 1 ? flip(orm) : orm;
    const b = i % 6 === 0 ? flip(a) : a;
    const labels = [label('auditor-a', a, i, steps, 0), label('auditor-b', b, i, steps, 1)];
    if (reviewers === 3 && i % 3 === 0) labels.push(label('auditor-c', i % 9 === 0 ? flip(a) : a, i, steps, 2));
    return [JSON.stringify({ ...line, annotations: [...(line.annotations ?? []), ...labels] })];
  });
  const file = join(dir, 'audited.jsonl');
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

test.beforeAll(async () => {
  // Idempotent: a second run (a retried worker) finds the same labels stored and changes nothing.
  for (const [file, project] of [[writeAuditedDemo((id) => id.startsWith('pb-math-'), 2), 'demo'], [writeAuditedDemo(() => true, 3), AUDITED]] as const) {
    const summary = await redline(['import', file, '--project', project]) as { badCount: number };
    expect(summary.badCount).toBe(0);
  }
});

test('a lead reads the demo project’s agreement, opens a confusion cell and follows a solution to adjudication', async ({ page }) => {
  await signInAs(page, 'lead');
  // From the project list, as a lead finds it.
  await page.getByRole('navigation', { name: 'Manage demo', exact: true }).getByRole('link', { name: 'Agreement' }).click();
  const dashboard = new AgreementDashboardPage(page);
  await expect(page.getByRole('heading', { name: 'Agreement in demo', level: 1 })).toBeVisible();
  await dashboard.waitForReport();

  // Headline numbers: the ORM against the humans' consensus, with n; a figure the data cannot give
  // (no step ratings in a first-error project) is "—" with its explanation, never 0.
  await expect(dashboard.cardValue('ORM accuracy')).toHaveText(/^\d{1,3}%$/);
  await expect(dashboard.cardValue('ProcessBench F1')).toHaveText(/^(\d{1,3}%|—)$/);
  await expect(dashboard.cardValue('Step ratings α (interval)')).toHaveText('—');
  await expect(dashboard.card('Step ratings α (interval)').getByTitle(UNDEFINED_HINT)).toBeVisible();

  // The confusion matrix: four cells whose counts add up to the solutions the ORM was compared on.
  await expect(dashboard.confusionTable()).toBeVisible();
  await expect(page.getByRole('img', { name: /^Confusion matrix of \d+ solutions, rows human, columns ORM/ })).toBeVisible();
  const cells = await Promise.all([
    dashboard.confusionCount('correct', 'correct'), dashboard.confusionCount('correct', 'incorrect'),
    dashboard.confusionCount('incorrect', 'correct'), dashboard.confusionCount('incorrect', 'incorrect'),
  ]);
  const compared = cells.reduce((sum, n) => sum + n, 0);
  await expect(dashboard.card('ORM accuracy')).toContainText(`n = ${compared} solution`);
  // pb-math-192-r0-a is wrong but accepted by the ORM (demo/README.md, line 62), and the auditors say so.
  const falseAccepts = cells[2]!;
  expect(falseAccepts).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('agreement-demo.png') });

  // A click on the heat map's canvas opens the same list as its table cell: human incorrect, ORM
  // correct is the bottom-left cell (the chart's grid: 110 px left, 16 right, 28 top, 16 bottom).
  const title = 'Human incorrect, ORM correct';
  const heatMap = page.getByRole('img', { name: /^Confusion matrix of/ });
  const box = (await heatMap.boundingBox())!;
  await heatMap.click({ position: { x: 110 + 0.25 * (box.width - 126), y: 28 + 0.75 * (box.height - 44) } });
  await expect(dashboard.drillPanel(title)).toBeVisible();
  await expect(dashboard.drillLinks(title)).toHaveCount(Math.min(falseAccepts, 200));
  await page.keyboard.press('Escape');
  await expect(dashboard.drillPanel(title)).toHaveCount(0);

  // Keyboard path into the drill-down: the table's button lists exactly the solutions of that cell.
  await dashboard.confusionCell('incorrect', 'correct').focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.drillPanel(title)).toBeVisible();
  await expect(dashboard.drillPanel(title).getByRole('heading', { name: title })).toBeFocused();
  await expect(dashboard.drillLinks(title)).toHaveCount(Math.min(falseAccepts, 200));
  const rows = dashboard.drillPanel(title).getByRole('table').getByRole('row');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('incorrect');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('correct');

  // Following a solution goes to its adjudication page.
  const first = dashboard.drillLinks(title).first();
  const externalId = (await first.innerText()).trim();
  const id = await solutionIdOf(externalId);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/projects/demo/review/${id}$`));
});

test('with several annotators every chart has numbers, and the filters live in the URL', async ({ page }) => {
  await signInAs(page, 'lead');
  const dashboard = new AgreementDashboardPage(page);
  await dashboard.open(AUDITED);
  await dashboard.waitForReport();

  // Bootstrap is on by default: kappas and alphas carry intervals and a reading.
  await expect(dashboard.cardValue('Verdict agreement')).toHaveText(/^\d{1,3}%$/);
  await expect(dashboard.cardValue(/^Fleiss' κ/)).toHaveText(/^−?\d\.\d\d$/);
  await expect(dashboard.card(/^Fleiss' κ/)).toContainText(/95% CI −?\d\.\d\d to −?\d\.\d\d · n = \d+ items/);
  await expect(dashboard.card(/^Fleiss' κ/)).toContainText('Landis & Koch:');
  await expect(dashboard.cardValue("Krippendorff's α (verdict)")).toHaveText(/^−?\d\.\d\d$/);
  for (const chart of [/^Cohen’s kappa between annotators \(/, /^ORM accuracy and ProcessBench F1 by round; round 0/,
    /^Problems by how their verdict moved between rounds; round 0 to 1/, /^Error types of solutions judged incorrect; /,
    /^Seconds per item by annotator/]) {
    await expect(page.getByRole('img', { name: chart })).toBeVisible();
  }
  // Each chart's numbers table opens its drill-down too: the pair of auditors a and b.
  await page.getByText('Numbers for cohen\'s κ between annotators').click();
  await page.getByRole('table', { name: "Cohen's kappa between annotators" })
    .getByRole('button', { name: 'List solutions: Rated by both auditor-a and auditor-b' }).click();
  await expect(dashboard.drillPanel('Rated by both auditor-a and auditor-b')).toContainText(/\d+ solutions\./);
  await page.getByRole('button', { name: 'Close' }).click();
  await page.screenshot({ path: test.info().outputPath('agreement-dashboard.png') });
  await page.screenshot({ path: test.info().outputPath('agreement-dashboard-full.png'), fullPage: true });

  // A filtered view is a URL: open one, change it, and the address follows.
  await dashboard.open(AUDITED, '?round=1&bootstrap=false');
  await dashboard.waitForReport();
  await expect(dashboard.filter('Round')).toHaveValue('1');
  await expect(page.getByRole('checkbox', { name: /95% intervals/ })).not.toBeChecked();
  await expect(dashboard.card(/^Fleiss' κ/)).toContainText('no interval (bootstrap off)');
  await dashboard.filter('Round').selectOption('');
  await dashboard.waitForReport();
  await expect(page).toHaveURL(new RegExp(`/projects/${AUDITED}/agreement\\?bootstrap=false$`));
});

test('an annotator gets the leads-only answer, from the page and from the server', async ({ page }) => {
  await signInAs(page, 'annotator1');
  await page.goto('/projects/demo/agreement');
  await expect(page.getByRole('heading', { name: 'You need the lead role for this page' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Confusion matrix/ })).toHaveCount(0);
  const answer = await page.request.get('/api/projects/demo/agreement');
  expect(answer.status()).toBe(403);
});

test('a project without submitted annotations explains what each figure needs; an unknown project says so', async ({ page }) => {
  await redlineText(['project', 'create', 'agreement-empty-e2e', '--overlap', '2']);
  await signInAs(page, 'lead');
  const dashboard = new AgreementDashboardPage(page);
  await dashboard.open('agreement-empty-e2e');
  await expect(page.getByRole('heading', { name: 'No submitted annotations in agreement-empty-e2e yet' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('listitem').filter({ hasText: 'First wrong step' })).toContainText('at least two annotators called incorrect');
  await expect(dashboard.confusionTable()).toHaveCount(0);

  await dashboard.open('no-such-project-e2e');
  await expect(page.getByRole('heading', { name: 'No project named no-such-project-e2e' })).toBeVisible({ timeout: 30_000 });
});
