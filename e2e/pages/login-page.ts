import { expect, type Page } from '@playwright/test';

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    // A person types the bare address; the app sends them to sign in.
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Sign in to Redline' })).toBeVisible();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
    await this.page.waitForURL((url) => url.pathname !== '/login');
  }
}

/** Opens the app and signs in (demo users share the password "redline"). */
export async function signInAs(page: Page, username: string, password = 'redline'): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(username, password);
}
