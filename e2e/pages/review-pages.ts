import { expect, type Locator, type Page } from '@playwright/test';

/** The lead's review list (/projects/:p/review) and adjudication page (/projects/:p/review/:id). */
export class ReviewPages {
  constructor(private readonly page: Page) {}

  async openList(project: string): Promise<void> {
    await this.page.goto(`/projects/${project}/review`);
    await expect(this.page.getByRole('heading', { name: `Review of ${project}`, level: 1 })).toBeVisible();
  }

  /** The list's row of one solution (by its external id). */
  row(externalId: string): Locator {
    return this.page.locator('tr', { has: this.page.getByRole('link', { name: externalId, exact: true }) });
  }

  status(name: 'Open' | 'Adjudicated'): Locator {
    return this.page.getByRole('group', { name: 'Status' }).getByRole('button', { name: new RegExp(`^${name}`) });
  }

  labelCard(annotator: string): Locator {
    return this.page.getByRole('article', { name: `Labels of ${annotator}` });
  }

  goldForm(): Locator {
    return this.page.getByRole('form', { name: 'Gold judgment' });
  }

  /** The regions an annotator's layer draws on the diagram overlay. */
  overlayShapes(annotator: string): Locator {
    return this.page.locator(`svg.overlay-svg [data-layer="${annotator}"]`);
  }
}
