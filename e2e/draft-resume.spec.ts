import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { signInAs } from './pages/login-page';
import { solutionIdOf, storedAnnotation } from './fixtures/server-state';

// Demo line 24: wrong at step 3 (vision_recognition); the ORM blames step 5.
const SOLUTION = 'mathv_168-r1-a';
const ANALYSIS = 'Step 3 reads $AF$ off the figure as $4$; the figure gives $AF = 3$.';

test('a reload mid-draft resumes everything, and the server has the draft within 3 s', async ({ page }) => {
  await signInAs(page, 'annotator3');
  const annotate = new AnnotatePage(page);
  const id = await solutionIdOf(SOLUTION);
  await annotate.open('demo', id);
  const view = await (await page.request.get(`/api/solutions/${id}`)).json();

  await annotate.keys('j', 'j', 'e', 'u');
  await page.getByLabel('Error type').selectOption('vision_recognition');
  await annotate.analysis.fill(ANALYSIS);
  await annotate.keys('Escape', 'k', 'b');
  await annotate.drawBox(1, view.problem.images[0], [0.1, 0.1], [0.4, 0.3]);
  await page.getByRole('button', { name: 'Start from the model\'s steps' }).click();
  await page.getByRole('textbox', { name: 'Corrected step 3', exact: true }).fill('From the figure, $AF = 3$.');

  // Reload at once: whatever the server has not seen yet comes back from this device.
  await page.reload();
  await annotate.waitForSolution();
  await expect(page.getByRole('radio', { name: 'Incorrect' })).toBeChecked();
  await expect(page.getByLabel('First wrong step')).toHaveValue('2');
  await expect(page.getByLabel('Error type')).toHaveValue('vision_recognition');
  await expect(annotate.analysis).toHaveValue(ANALYSIS);
  await expect(page.getByRole('checkbox', { name: 'Unsure' })).toBeChecked();
  await expect(page.getByText(/Region 1: box · Step 2/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Corrected step 3', exact: true })).toHaveValue('From the figure, $AF = 3$.');
  await page.screenshot({ path: test.info().outputPath('draft-resumed.png') });

  // And the server gets the draft within 3 s of the last change.
  await expect.poll(async () => (await storedAnnotation(SOLUTION, 'annotator3'))?.errorAnalysis, { timeout: 5_000 }).toBe(ANALYSIS);
  const stored = (await storedAnnotation(SOLUTION, 'annotator3'))!;
  expect(stored).toMatchObject({ status: 'draft', verdict: 'incorrect', firstErrorStep: 2, unsure: true, errorType: 'vision_recognition' });
  expect(stored.regions).toEqual([expect.objectContaining({ kind: 'box', stepIndex: 1 })]);
  expect(stored.correctedSolution?.[2]).toBe('From the figure, $AF = 3$.');
});
