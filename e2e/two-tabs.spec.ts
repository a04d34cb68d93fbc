import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { signInAs } from './pages/login-page';
import { solutionIdOf, storedAnnotation, storedRevisions } from './fixtures/server-state';

// Demo line 32. Two tabs of one annotator edit the same annotation.
const SOLUTION = 'mathv_216-r0-a';

test('two tabs on one annotation: the second gets the conflict and a choice, nothing is lost', async ({ context }) => {
  const first = await context.newPage();
  await signInAs(first, 'annotator2');
  const id = await solutionIdOf(SOLUTION);
  const tabA = new AnnotatePage(first);
  await tabA.open('demo', id);
  const second = await context.newPage();
  const tabB = new AnnotatePage(second);
  await tabB.open('demo', id); // both read "no annotation yet" (version 0)

  await tabA.analysis.fill('Written in tab A.');
  await expect.poll(async () => (await storedAnnotation(SOLUTION, 'annotator2'))?.errorAnalysis, { timeout: 6_000 })
    .toBe('Written in tab A.');

  await tabB.analysis.fill('Written in tab B.');
  const conflict = second.getByRole('alert').filter({ hasText: 'changed somewhere else' });
  await expect(conflict).toBeVisible({ timeout: 6_000 });
  await second.screenshot({ path: test.info().outputPath('two-tabs-conflict.png') });
  // Nothing was overwritten silently, and tab B still has its text.
  expect((await storedAnnotation(SOLUTION, 'annotator2'))!.errorAnalysis).toBe('Written in tab A.');
  await expect(tabB.analysis).toHaveValue('Written in tab B.');

  await conflict.getByRole('button', { name: 'Keep mine and overwrite' }).click();
  await expect.poll(async () => (await storedAnnotation(SOLUTION, 'annotator2'))?.errorAnalysis, { timeout: 6_000 })
    .toBe('Written in tab B.');
  // Both texts are in the history: nothing is lost.
  const texts = (await storedRevisions(SOLUTION, 'annotator2')).map((r) => (r.snapshot as { errorAnalysis: string }).errorAnalysis);
  expect(texts).toContain('Written in tab A.');
  expect(texts.at(-1)).toBe('Written in tab B.');
  await second.screenshot({ path: test.info().outputPath('two-tabs-resolved.png') });
});
