import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { openDatabase } from '../server/db/connection';
import { e2eDatabaseUrl, redlineText } from './fixtures/server-state';
import { signInAs } from './pages/login-page';

const FOLDER = fileURLToPath(new URL('./fixtures/upload/round3', import.meta.url));

/** Round and image of every solution the server stored in a project, by external id. */
async function storedSolutions(project: string) {
  const db = openDatabase(e2eDatabaseUrl());
  try {
    const { projects, solutions, problems, problemImages } = db.t;
    const rows = await db.orm
      .select({ id: solutions.externalId, round: solutions.round, problem: problems.externalId })
      .from(solutions)
      .innerJoin(projects, eq(projects.id, solutions.projectId))
      .innerJoin(problems, eq(problems.id, solutions.problemId))
      .where(eq(projects.name, project))
      .orderBy(solutions.externalId);
    const images = await db.orm.select({ problemId: problemImages.problemId }).from(problemImages)
      .innerJoin(problems, eq(problems.id, problemImages.problemId))
      .innerJoin(projects, eq(projects.id, problems.projectId))
      .where(eq(projects.name, project));
    return { solutions: rows, images: images.length };
  } finally {
    await db.close();
  }
}

// A researcher uploads a round's JSONL together with its img/ folder from the browser, follows
// the import to its end, reads the counts and downloads the rejected records.
test('a researcher uploads a JSONL with its images and downloads the rejected records', async ({ page }) => {
  await redlineText(['project', 'create', 'uploads']);
  await signInAs(page, 'researcher');
  await page.getByRole('navigation', { name: 'Manage uploads' }).getByRole('link', { name: /^Import/ }).click();
  await expect(page.getByRole('heading', { name: 'Import into uploads' })).toBeVisible();
  await expect(page.getByText('No import yet.')).toBeVisible();

  // The folder pick keeps paths relative to the picked folder: data.jsonl and img/u-1.png.
  await page.getByLabel('Or a whole folder').setInputFiles(FOLDER);
  await expect(page.getByRole('list', { name: 'Chosen files' }).getByRole('listitem')).toHaveText([/^data\.jsonl/, /^img\/u-1\.png/]);
  await page.getByLabel('Round').fill('7');
  await page.getByRole('button', { name: 'Upload' }).click();

  const job = page.getByRole('region', { name: /^Import \d+$/ });
  await expect(job.getByRole('status')).toContainText('Finished: data.jsonl — 5 lines read, 2 rejected');
  const summary = job.getByRole('table', { name: 'Summary' });
  // Columns: file, lines, problems, solutions, ORM judgments, annotations, images, unchanged, rejected.
  await expect(summary.getByRole('row', { name: /data\.jsonl/ }).getByRole('cell')).toHaveText(['5', '2', '3', '3', '0', '1', '0', '2']);
  const rejected = job.getByRole('list', { name: 'Rejected records' }).getByRole('listitem');
  await expect(rejected).toHaveCount(2);
  await expect(rejected.nth(0)).toContainText('data.jsonl:3');
  await expect(rejected.nth(1)).toContainText('data.jsonl:4');
  await expect(rejected.nth(1)).toContainText('img/missing.png');

  const [download] = await Promise.all([page.waitForEvent('download'), job.getByRole('link', { name: 'Download rejected records' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^uploads-import-\d+-rejected\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  expect(csv[0]).toBe('file,line,record,reason');
  expect(csv.slice(1).map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['data.jsonl,3', 'data.jsonl,4']);

  // The recent imports list has it, and the server stored what the page said, at round 7.
  await expect(page.getByRole('region', { name: 'Recent imports' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Recent imports' })).toContainText('3 solutions, 2 problems, 3 ORM judgments, 0 unchanged, 2 rejected');
  const stored = await storedSolutions('uploads');
  expect(stored.solutions).toEqual([
    { id: 'u-1-a', round: 7, problem: 'u-1' },
    { id: 'u-1-b', round: 7, problem: 'u-1' },
    { id: 'u-4-a', round: 7, problem: 'u-4' },
  ]);
  expect(stored.images).toBe(1);
  await page.screenshot({ path: test.info().outputPath('import-done.png'), fullPage: true });
});
