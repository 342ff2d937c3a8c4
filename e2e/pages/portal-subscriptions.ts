import { expect, type Locator, type Page } from '@playwright/test';
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

  /** The subscriptions' rows, in the order the table lists them. */
  readonly rows = () =>
    this.table()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });

  /** A row's subscription id, as the ID column shows it. */
  readonly subscriptionIdIn = (row: Locator) => row.getByRole('code');

  /**
   * Waits until the table lists exactly these subscriptions, in this order, as a person reads them:
   * name, directory and my role (the ID column only has to show an id).
   */
  async assertRows(expected: readonly (readonly [name: string, directory: string, myRole: string])[]): Promise<void> {
    await expect(this.rows()).toHaveCount(expected.length);
    for (const [index, [name, directory, myRole]] of expected.entries()) {
      await expect(this.rows().nth(index).getByRole('cell')).toHaveText([name, /\S/, directory, myRole]);
    }
  }

  async clickSignOut(signInName: string): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('portal.signOutAs', { account: signInName }) }).click();
  }

  /** Switch directory: picks the directory by name and comes back to Subscriptions. */
  async switchDirectory(directoryName: string): Promise<void> {
    await this.page
      .getByRole('link', { name: this.ui('portal.switchDirectory') })
      .first()
      .click();
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
