import { expect, type Page } from '@playwright/test';
import { EXAMPLE_APP_URL } from '../support/your-app.js';

/** examples/your-app's one page: a sign-in link, then who is signed in and their tenant. */
export class ExampleApp {
  constructor(private readonly page: Page) {}

  async goTo(): Promise<void> {
    await this.page.goto(EXAMPLE_APP_URL);
  }

  async clickSignIn(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sign in with Microsoft' }).click();
  }

  async clickSignInAsSomeoneElse(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sign in as someone else' }).click();
  }

  /** Who the app says is signed in, and the tenant (`tid`) MSAL gave it. */
  async assertSignedInAs(account: string, tenantId: string): Promise<void> {
    await expect(this.page.getByRole('paragraph').filter({ hasText: 'Signed in as' })).toHaveText(
      `Signed in as ${account} in tenant ${tenantId}`,
    );
  }
}
