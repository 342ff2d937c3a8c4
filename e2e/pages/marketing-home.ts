import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';

/** Azure.com's home page (the article's step 1) and its Start free button (step 2). */
export class MarketingHome {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: this.ui('home.heading') });
  readonly startFreeLink = (name: string = this.ui('home.startFree')) =>
    this.page.getByRole('link', { name, exact: true });

  async goTo(): Promise<void> {
    await this.page.goto('/');
  }

  async clickStartFree(name?: string): Promise<void> {
    await this.startFreeLink(name).click();
  }
}
