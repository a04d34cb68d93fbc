import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { signInAs } from './pages/login-page';
import { solutionIdOf, storedAnnotation } from './fixtures/server-state';

// Demo line 14 (demo/README.md): wrong at step 4 (reasoning), but the ORM blames step 3.
const SOLUTION = 'mathv_215-r0-a';

test('keyboard-only correction with a box tied to step 2 and a formula typed in a math field', async ({ page }) => {
  await signInAs(page, 'annotator2');
  const annotate = new AnnotatePage(page);
  const id = await solutionIdOf(SOLUTION);
  await annotate.open('demo', id);
  const view = await (await page.request.get(`/api/solutions/${id}`)).json();
  const image = view.problem.images[0] as { width: number; height: number };

  // Verdict, then focus step 4 and mark it: w, j j j, e.
  await annotate.keys('w', 'j', 'j', 'j', 'e');
  await expect(annotate.step(3)).toContainText('Your first wrong step');
  await expect(page.getByRole('radio', { name: 'Incorrect' })).toBeChecked();

  // Back to step 2, box tool, draw (drawing is the one thing done with the mouse).
  await annotate.keys('k', 'k', 'b');
  await expect(page.getByRole('button', { name: 'Box', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const from: [number, number] = [0.2, 0.25];
  const to: [number, number] = [0.6, 0.7];
  await annotate.drawBox(1, image, from, to);
  await expect(page.getByText(/Region 1: box · Step 2/)).toBeVisible();

  // Error type and analysis from the keyboard; the formula goes through the math field (Ctrl+M).
  await page.getByLabel('Error type').focus();
  await page.keyboard.type('Reasoning');
  await annotate.analysis.focus();
  await page.keyboard.type('Step 4 assumes ');
  await page.keyboard.press('Control+m');
  await expect(page.locator('math-field')).toBeFocused();
  await page.keyboard.type('\\angle ABC=90');
  await page.keyboard.press('Enter');
  await expect(annotate.analysis).toBeFocused();
  await page.keyboard.type(' without proof.');
  await expect(page.getByRole('group', { name: 'Preview of Error analysis' }).getByRole('math')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('keyboard-correction-before-submit.png') });
  await page.keyboard.press('Control+Enter');

  await expect.poll(async () => (await storedAnnotation(SOLUTION, 'annotator2'))?.status, { timeout: 10_000 }).toBe('submitted');
  const stored = (await storedAnnotation(SOLUTION, 'annotator2'))!;
  expect(stored).toMatchObject({ verdict: 'incorrect', firstErrorStep: 3, errorType: 'reasoning' });
  expect(stored.errorAnalysis).toMatch(/^Step 4 assumes \$\\angle\s*ABC\s*=\s*90\$ without proof\.$/);
  expect(stored.regions).toHaveLength(1);
  const region = stored.regions[0]!;
  expect(region).toMatchObject({ kind: 'box', stepIndex: 1, imageSha256: view.problem.images[0].sha256 });
  const [[x0, y0], [x1, y1]] = region.points as [[number, number], [number, number]];
  for (const [got, want] of [[x0, from[0]], [y0, from[1]], [x1, to[0]], [y1, to[1]]] as const) {
    expect(Math.abs(got - want)).toBeLessThan(0.01);
  }
  await expect(page.getByText(`Submitted ${SOLUTION}`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('keyboard-correction-end.png') });
});
