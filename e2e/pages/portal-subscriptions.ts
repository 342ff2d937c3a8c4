import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';

/** The portal's Subscriptions blade: the table a reader checks to see where the subscription landed. */
export class PortalSubscriptions {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: this.ui('portal.subscriptions') });
  readonly table = () => this.page.getByRole('table', { name: this.ui('portal.subscriptions') });
  readonly noSubscriptions = () => this.page.getByText(this.ui('portal.noSubscriptions'));
  readonly signedInAccount = () => this.page.getByTestId('signed-in-account');
  readonly currentDirectory = () => this.page.getByTestId('current-directory');

  /** The table's rows as the cells a person reads: name, ID, directory, my role. */
  async rows(): Promise<string[][]> {
    const rows = this.table().getByRole('row');
    const texts: string[][] = [];
    for (const row of (await rows.all()).slice(1)) {
      texts.push((await row.getByRole('cell').allTextContents()).map((cell) => cell.trim()));
    }
    return texts;
  }

  async clickSignOut(signInName: string): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('portal.signOutAs', { account: signInName }) }).click();
  }

  /** Switch directory: picks the directory by name and comes back to Subscriptions. */
  async switchDirectory(directoryName: string): Promise<void> {
    await this.page.getByRole('link', { name: this.ui('portal.switchDirectory') }).first().click();
    await this.page.getByRole('button', { name: `${this.ui('portal.directories.switch')}: ${directoryName}` }).click();
    await expect(this.currentDirectory()).toHaveText(directoryName);
  }

  async openSubscription(offerName: string = this.ui('offer.MS-AZR-0044P')): Promise<void> {
    await this.table().getByRole('link', { name: offerName }).click();
  }

  async goTo(): Promise<void> {
    await this.page.goto('/portal/subscriptions');
  }
}
