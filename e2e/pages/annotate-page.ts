import { expect, type Locator, type Page } from '@playwright/test';

/** The annotation screen, addressed the way a person reads it: by roles and labels. */
export class AnnotatePage {
  readonly steps: Locator;
  readonly analysis: Locator;

  constructor(private readonly page: Page) {
    this.steps = page.getByRole('region', { name: 'Solution steps' });
    // exact: the live preview beside the editor is named "Preview of Error analysis".
    this.analysis = page.getByRole('textbox', { name: 'Error analysis', exact: true });
  }

  /** The solution id in the URL (/projects/:project/annotate/:solutionId). */
  solutionId(): number {
    const match = /\/annotate\/(\d+)$/.exec(new URL(this.page.url()).pathname);
    if (!match) throw new Error(`not on a solution: ${this.page.url()}`);
    return Number(match[1]);
  }

  async waitForSolution(): Promise<number> {
    await this.page.waitForURL(/\/annotate\/\d+$/);
    await expect(this.steps.getByRole('listitem').first()).toBeVisible();
    return this.solutionId();
  }

  step(index0: number): Locator {
    return this.steps.locator(`li[data-step-index="${index0}"]`);
  }

  async markIncorrect(opts: { firstWrongStep: string; errorType: string; analysis: string }): Promise<void> {
    await this.page.getByRole('radio', { name: 'Incorrect' }).check();
    await this.page.getByLabel('First wrong step').selectOption({ label: opts.firstWrongStep });
    await this.page.getByLabel('Error type').selectOption(opts.errorType);
    await this.analysis.fill(opts.analysis);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit' }).click();
  }
}
