import { expect, type Locator, type Page } from '@playwright/test';

/** The lead's agreement dashboard, addressed by roles and labels (never by CSS classes). */
export class AgreementDashboardPage {
  constructor(private readonly page: Page) {}

  async open(project: string, query = ''): Promise<void> {
    await this.page.goto(`/projects/${encodeURIComponent(project)}/agreement${query}`);
    await expect(this.page.getByRole('heading', { name: `Agreement in ${project}`, level: 1 })).toBeVisible();
  }

  /** Waits until the report on screen answers the current filters. */
  async waitForReport(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^As of / })).toBeVisible({ timeout: 30_000 });
  }

  /** A filter menu: "Round" or "Annotator". */
  filter(name: 'Round' | 'Annotator'): Locator {
    return this.page.getByRole('combobox', { name, exact: true });
  }

  /** A headline card by its label ("ORM accuracy", "Fleiss' κ (2 raters)", …). */
  card(label: string | RegExp): Locator {
    return this.page.getByRole('article', { name: label });
  }

  /** The big figure of a card (its first paragraph). */
  cardValue(label: string | RegExp): Locator {
    return this.card(label).getByRole('paragraph').first();
  }

  confusionTable(): Locator {
    return this.page.getByRole('table', { name: 'Confusion matrix: rows human, columns ORM' });
  }

  /** The button in the confusion table that lists the solutions of one cell. */
  confusionCell(human: 'correct' | 'incorrect', orm: 'correct' | 'incorrect'): Locator {
    return this.confusionTable().getByRole('button', { name: `List solutions: Human ${human}, ORM ${orm}` });
  }

  async confusionCount(human: 'correct' | 'incorrect', orm: 'correct' | 'incorrect'): Promise<number> {
    return Number(await this.confusionCell(human, orm).innerText());
  }

  /** The drill-down panel whose heading is `title`. */
  drillPanel(title: string | RegExp): Locator {
    return this.page.getByRole('complementary', { name: title });
  }

  /** The links to adjudication pages in an open drill-down panel. */
  drillLinks(title: string | RegExp): Locator {
    return this.drillPanel(title).getByRole('table').getByRole('link');
  }
}
