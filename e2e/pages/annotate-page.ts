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

  /** Opens one solution directly, as a bookmark or a reload would. */
  async open(project: string, solutionId: number): Promise<void> {
    await this.page.goto(`/projects/${project}/annotate/${solutionId}`);
    await this.waitForSolution();
  }

  /** Presses keys with focus on the page itself (not in a field), as a keyboard user would. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  diagram(n: number): Locator {
    return this.page.getByRole('img', { name: `Diagram ${n}`, exact: true });
  }

  /**
   * Drags a box on a diagram between two points given as fractions of the image (not of the
   * canvas): the canvas shows the whole image centred and scaled to fit (contain).
   */
  async drawBox(n: number, natural: { width: number; height: number }, from: [number, number], to: [number, number]): Promise<void> {
    await this.diagram(n).scrollIntoViewIfNeeded();
    const box = await this.diagram(n).locator('canvas').last().boundingBox();
    if (!box) throw new Error(`Diagram ${n} has no canvas`);
    const scale = Math.min(box.width / natural.width, box.height / natural.height);
    const offsetX = (box.width - natural.width * scale) / 2;
    const offsetY = (box.height - natural.height * scale) / 2;
    const at = ([x, y]: [number, number]) => [box.x + offsetX + x * natural.width * scale, box.y + offsetY + y * natural.height * scale] as const;
    const [x0, y0] = at(from);
    const [x1, y1] = at(to);
    await this.page.mouse.move(x0, y0);
    await this.page.mouse.down();
    for (let i = 1; i <= 8; i++) await this.page.mouse.move(x0 + ((x1 - x0) * i) / 8, y0 + ((y1 - y0) * i) / 8);
    await this.page.mouse.up();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Submit' }).click();
  }
}
