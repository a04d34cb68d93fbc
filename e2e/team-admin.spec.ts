import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { LoginPage } from './pages/login-page';
import { TeamPages } from './pages/team-pages';
import { redline, storedAnnotation, storedProject, storedUser } from './fixtures/server-state';

// A team is set up in the browser alone: the admin creates an account, a lead creates and
// configures a project and adds the newcomer, the newcomer labels, the lead watches progress.
// Each step is checked in the database the server writes to, not only on screen.
const USER = 'e2e-annotator';
const PASSWORD = 'e2e-secret-42';
const PROJECT = 'team-e2e';

test('admin adds a user, a lead sets up a project and watches the newcomer work', async ({ page }) => {
  const login = new LoginPage(page);
  const team = new TeamPages(page);

  // The admin adds the account.
  await login.open();
  await login.signIn('admin', 'redline');
  await team.nav('Users').click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await team.addUser(USER, 'annotator', PASSWORD);
  await expect(team.usersRow(USER).getByLabel(`Role for ${USER}`)).toHaveValue('annotator');
  expect(await storedUser(USER)).toEqual({ name: USER, role: 'annotator', disabled: false, hasPassword: true, imported: false });
  await team.signOut();

  // A lead (not an admin: no Users link) creates the project with overlap 2 and its own taxonomy.
  await login.signIn('lead', 'redline');
  await expect(team.nav('Users')).toHaveCount(0);
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByLabel('Name', { exact: true }).fill(PROJECT);
  await page.getByLabel('Overlap (annotators per solution)').fill('2');
  await page.getByRole('radio', { name: 'Every step' }).check();
  await page.getByRole('button', { name: 'Remove other' }).click();
  await page.getByRole('button', { name: 'Remove knowledge' }).click();
  await team.addErrorType('Sign Error');
  await page.getByRole('button', { name: 'Move sign_error up' }).click();
  await expect(team.taxonomy()).toHaveText([
    /reasoning/, /question_misunderstanding/, /vision_recognition/, /sign_error/, /calculation/,
  ]);
  await page.getByLabel('Guidelines', { exact: true }).fill('# Team rules\n\nMark the **first** wrong step.');
  await expect(page.getByRole('region', { name: 'Guidelines preview' }).getByRole('heading', { name: 'Team rules' })).toBeVisible();
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name: `Project ${PROJECT} created` })).toBeVisible();
  expect(await storedProject(PROJECT)).toMatchObject({
    overlap: 2, mode: 'every-step', assignment: 'ordered',
    taxonomy: ['reasoning', 'question_misunderstanding', 'vision_recognition', 'sign_error', 'calculation'],
    guidelines: '# Team rules\n\nMark the **first** wrong step.',
  });

  // …adds the newcomer by name (a lead may not list users)…
  await page.getByRole('link', { name: `Add members to ${PROJECT}` }).click();
  await page.getByLabel('User names (comma-separated)').fill(USER);
  await page.getByRole('button', { name: 'Add members' }).click();
  await expect(page.getByRole('table', { name: 'Members' }).getByRole('rowheader', { name: USER })).toBeVisible();
  expect((await storedProject(PROJECT))?.members).toEqual([USER]);
  await team.signOut();

  // A researcher's import fills it (the command line, as in production).
  await redline(['import', fileURLToPath(new URL('./fixtures/team.jsonl', import.meta.url)), '--project', PROJECT]);

  // The newcomer signs in with the password the admin chose, sees the project and labels one solution.
  await login.signIn(USER, PASSWORD);
  const card = page.getByRole('listitem', { name: PROJECT });
  await expect(card).toBeVisible();
  await expect(team.nav('Users')).toHaveCount(0);
  await card.getByRole('button', { name: 'Start annotating' }).click();
  const annotate = new AnnotatePage(page);
  await annotate.waitForSolution();
  await page.getByRole('radio', { name: 'Correct', exact: true }).check();
  await annotate.submit();
  await expect.poll(async () => (await storedAnnotation('team-p1-a', USER))?.status).toBe('submitted');
  await team.signOut();

  // The lead reads the newcomer's row on the progress page.
  await login.signIn('lead', 'redline');
  await page.getByRole('listitem', { name: PROJECT }).getByRole('link', { name: `Progress of ${PROJECT}` }).click();
  await expect(page.getByRole('heading', { name: `Progress of ${PROJECT}` })).toBeVisible();
  const row = team.annotatorRow(USER);
  await expect(row).toBeVisible();
  // Submitted, drafts, leased (the next solution, taken after submitting), skipped, remaining, times, last active.
  await expect(row.getByRole('cell')).toHaveText([/^1$/, /^0$/, /^[01]$/, /^0$/, /^1$/, /^\d+:\d\d$/, /^\d+:\d\d$/, /ago|just now/]);
  await expect(page.getByRole('progressbar', { name: 'Solutions done' })).toHaveAttribute('aria-valuetext', /^0 of 2 solutions done/);
  await expect(page.getByRole('region', { name: 'Recent activity' }).getByText(`lead added ${USER} to the project`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-progress.png'), fullPage: true });
});
