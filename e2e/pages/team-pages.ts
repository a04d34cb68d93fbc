import { expect, type Locator, type Page } from '@playwright/test';

/** The team screens (users, project settings, members, progress), addressed by roles and labels. */
export class TeamPages {
  constructor(private readonly page: Page) {}

  nav(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page.getByRole('heading', { name: 'Sign in to Redline' })).toBeVisible();
  }

  async addUser(name: string, role: string, password: string): Promise<void> {
    await this.page.getByLabel('User name').fill(name);
    await this.page.getByLabel('Role', { exact: true }).selectOption(role);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Add user' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Added ${name}` })).toBeVisible();
  }

  usersRow(name: string): Locator {
    return this.page.getByRole('table', { name: 'Users' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  /** The error taxonomy editor's list of types, in menu order. */
  taxonomy(): Locator {
    return this.page.getByRole('list', { name: 'Error types' }).getByRole('listitem');
  }

  async addErrorType(name: string): Promise<void> {
    await this.page.getByLabel('New error type').fill(name);
    await this.page.getByRole('button', { name: 'Add error type' }).click();
  }

  annotatorRow(name: string): Locator {
    return this.page.getByRole('table', { name: 'Annotators' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }
}
