import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { LoginPage } from './pages/login-page';
import { freshDir, redline, storedAnnotation } from './fixtures/server-state';

// The demo's first solution (demo/README.md, line 1): wrong at step 3 (the 80° angle is misread
// from the figure), but the ORM blames step 4. The annotator corrects the ORM; the reflection
// export must carry the human's step and analysis, not the ORM's.
const SOLUTION = 'mathv_183-r0-a';
const ANALYSIS = 'The figure marks $\\angle BDC = 80^\\circ$, not $\\angle ADC$: step 3 misreads the diagram.';

test('an annotator corrects the ORM in the browser and the export carries the correction', async ({ page }) => {
  const login = new LoginPage(page);
  await login.open();
  await expect(page.getByText(/Demo users with the published password/)).toBeVisible();
  await login.signIn('annotator1', 'redline');

  await page.getByRole('button', { name: 'Start annotating' }).click();
  const annotate = new AnnotatePage(page);
  const solutionId = await annotate.waitForSolution();

  // The question, the steps and the ORM judgment are there, with LaTeX rendered by MathLive.
  await expect(page.getByText('the diagonal', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('img').first()).toBeVisible();
  await expect(annotate.step(0).getByRole('math').first()).toBeVisible();
  await expect(annotate.steps.getByText('$')).toHaveCount(0);
  await expect(page.getByText('Step 4', { exact: true }).first()).toBeVisible();
  await expect(annotate.steps.getByText(SOLUTION, { exact: false })).toBeVisible();

  await annotate.markIncorrect({ firstWrongStep: 'Step 3', errorType: 'vision_recognition', analysis: ANALYSIS });
  await annotate.submit();

  // Submitting moves on to the next solution.
  await expect.poll(() => annotate.solutionId()).not.toBe(solutionId);
  await annotate.waitForSolution();
  await page.screenshot({ path: test.info().outputPath('after-submit.png') });

  // What was submitted is in the database…
  const stored = await storedAnnotation(SOLUTION, 'annotator1');
  expect(stored).toMatchObject({
    status: 'submitted', verdict: 'incorrect', firstErrorStep: 2, errorType: 'vision_recognition', errorAnalysis: ANALYSIS,
  });

  // …and on screen after a reload.
  await page.goto(`/projects/demo/annotate/${solutionId}`);
  await annotate.waitForSolution();
  await expect(page.getByRole('radio', { name: 'Incorrect' })).toBeChecked();
  await expect(page.getByLabel('First wrong step')).toHaveValue('2');
  await expect(annotate.analysis).toHaveValue(ANALYSIS);
  await page.screenshot({ path: test.info().outputPath('reloaded.png') });

  // The researcher exports reflection data: one annotator is enough here (the demo's overlap is 2),
  // and the ORM resolves the sibling solutions that nobody has labelled yet.
  const out = freshDir('redline-e2e-export-');
  await redline([
    'export', '--project', 'demo', '--kind', 'reflection', '--format', 'sharegpt', '--out', out,
    '--policy', 'gold,consensus,orm', '--min-annotators', '1', '--val-fraction', '0',
  ]);
  const provenance = readFileSync(join(out, 'provenance.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const entry = provenance.find((p) => p.solutionId === SOLUTION);
  expect(entry).toMatchObject({ split: 'train', source: 'consensus', annotators: 1 });
  const record = JSON.parse(readFileSync(join(out, 'train.jsonl'), 'utf8').trim().split('\n')[entry.line - 1]!);
  const prompt = record.conversations[0].value as string;
  expect(prompt).toContain('Error Step: Step 3');
  expect(prompt).toContain(`Error Analysis: ${ANALYSIS}`);
  expect(prompt).not.toContain('Error Step: Step 4');
  expect(prompt.startsWith('<image>')).toBe(true);
  expect(record.images).toHaveLength(1);
});
