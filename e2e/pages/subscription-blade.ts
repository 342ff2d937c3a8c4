import { expect, type Page } from '@playwright/test';
import type { MessageKey, Translate } from '../../mock-portal/src/i18n/index.js';

type Role = 'Owner' | 'Contributor' | 'Reader';

/** A subscription's pages in the portal: Overview, Access control (IAM), Properties, Administrators, Change directory. */
export class SubscriptionBlade {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly notice = () => this.page.getByRole('status');
  readonly refusal = () => this.page.getByRole('alert');
  readonly iamTable = () => this.page.getByRole('table', { name: this.ui('portal.nav.iam') });

  async openTab(tab: MessageKey): Promise<void> {
    await this.page
      .getByRole('navigation', { name: this.ui('offer.MS-AZR-0044P') })
      .getByRole('link', { name: this.ui(tab), exact: true })
      .click();
  }

  /** The role assignments' rows, in the order the table lists them. */
  readonly assignmentRows = () =>
    this.iamTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });

  /** Waits until Access control (IAM) lists exactly these assignments, in this order. */
  async assertAssignments(expected: readonly (readonly [user: string, role: Role])[]): Promise<void> {
    await expect(this.assignmentRows()).toHaveCount(expected.length);
    for (const [index, [user, role]] of expected.entries()) {
      await expect(this.assignmentRows().nth(index).getByRole('cell')).toHaveText([
        user,
        this.ui(`role.${role}`),
        /.*/,
      ]);
    }
  }

  async addRoleAssignment(userSignInName: string, role: Role): Promise<void> {
    await this.page.getByLabel(this.ui('portal.iam.role'), { exact: true }).selectOption(role);
    const user = this.page.getByLabel(this.ui('portal.iam.user'), { exact: true });
    await user.selectOption({ label: await optionLabelFor(user, userSignInName) });
    await this.page.getByRole('button', { name: this.ui('portal.iam.add'), exact: true }).click();
  }

  async changeDirectoryTo(directoryName: string): Promise<void> {
    const target = this.page.getByLabel(this.ui('portal.change.target'));
    await target.selectOption({ label: await optionLabelFor(target, directoryName) });
    await this.page.getByRole('button', { name: this.ui('portal.change.button'), exact: true }).click();
  }

  async changeServiceAdminTo(userSignInName: string): Promise<void> {
    await this.page.getByLabel(this.ui('portal.admins.newServiceAdmin')).selectOption({ label: userSignInName });
    await this.page.getByRole('button', { name: this.ui('portal.admins.changeServiceAdmin'), exact: true }).click();
  }

  async addCoAdministrator(userSignInName: string): Promise<void> {
    await this.page.getByLabel(this.ui('portal.admins.coAdminUser')).selectOption({ label: userSignInName });
    await this.page.getByRole('button', { name: this.ui('portal.admins.addCoAdmin') }).click();
  }

  readonly coAdministrators = () =>
    this.page.getByRole('list', { name: this.ui('portal.admins.coAdmins') }).getByRole('listitem');
  readonly fact = (testId: 'account-admin' | 'service-admin' | 'subscription-directory') =>
    this.page.getByTestId(testId).first();

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('navigation', { name: this.ui('offer.MS-AZR-0044P') })).toBeVisible();
  }
}

/** The visible label of the option that starts with this text (options carry extra words: "(Guest)"). */
async function optionLabelFor(select: ReturnType<Page['getByLabel']>, startsWith: string): Promise<string> {
  const labels = await select.getByRole('option').allTextContents();
  const label = labels.find((text) => text.trim().startsWith(startsWith));
  if (!label) throw new Error(`no option starting with ${startsWith} in ${labels.join(', ')}`);
  return label.trim();
}
