import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/annotate-page';
import { signInAs } from './pages/login-page';
import { redline, redlineText } from './fixtures/server-state';

// Model text, LaTeX and ORM text are data, never markup or script (SPEC §9): a project whose
// question, steps, ORM judgment, subject and model name carry script tags, onerror attributes and
// link/fetch macros must render as inert text — no dialog, no injected element, no request.
test('hostile problem, step, LaTeX and ORM text render inert', async ({ page, baseURL }) => {
  const fixture = fileURLToPath(new URL('./fixtures/hostile.jsonl', import.meta.url));
  await redline(['import', fixture, '--project', 'hostile']);
  await redlineText(['project', 'members', 'hostile', '--add', 'annotator3']);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:')) foreign.push(url);
  });

  await signInAs(page, 'annotator3');
  await page.goto('/projects/hostile/annotate');
  const annotate = new AnnotatePage(page);
  await annotate.waitForSolution();

  // The hostile text is on screen as text…
  await expect(annotate.step(0)).toContainText('<script>alert("step")</script>');
  await expect(page.getByText("<script>alert('q')</script>", { exact: false }).first()).toBeVisible();
  await expect(page.getByText("Analysis <iframe", { exact: false }).first()).toBeVisible();
  // …the macros that could link or fetch render their text only…
  await expect(annotate.step(1).getByRole('math').first()).toBeVisible();
  // …and nothing executable or fetching was created from it.
  const injected = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].filter((s) => !s.src || !s.src.startsWith(location.origin)).length,
    imgX: document.querySelectorAll('img[src="x"], img[onerror]').length,
    iframes: document.querySelectorAll('iframe').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    links: [...document.querySelectorAll('a[href]')].filter((a) => !a.getAttribute('href')!.startsWith('/')).length,
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    styledUrls: [...document.querySelectorAll('[style]')].filter((el) => /url\(/i.test(el.getAttribute('style')!)).length,
  }));
  expect(injected).toEqual({ scripts: 0, imgX: 0, iframes: 0, svgs: 0, links: 0, handlers: 0, styledUrls: 0 });
  // Give any deferred handler a chance to fire before concluding none did.
  await page.mouse.move(10, 200);
  await page.waitForLoadState('networkidle');
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('hostile-inert.png'), fullPage: true });
});
