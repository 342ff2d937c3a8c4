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

  /** A page's entry in the blade's resource menu. */
  readonly menuLink = (tab: MessageKey) =>
    this.page
      .getByRole('navigation', { name: this.ui('offer.MS-AZR-0044P') })
      .getByRole('link', { name: this.ui(tab), exact: true });

  /** The blade's command bar (Change directory on Overview, Add on Access control). */
  readonly commandBar = () => this.page.getByRole('toolbar', { name: this.ui('portal.commands') });

  /** A page of the blade: from its resource menu, or Change directory from the Overview's command bar, where the 2017 portal had it. */
  async openTab(tab: MessageKey): Promise<void> {
    if (tab === 'portal.nav.changeDirectory') {
      await this.openTab('portal.nav.overview');
      await this.commandBar()
        .getByRole('link', { name: this.ui(tab) })
        .click();
      return;
    }
    await this.menuLink(tab).click();
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

  /** Access control's Add, as the 2017 portal had it: a pane with Role, then Select, then Save. */
  async addRoleAssignment(userSignInName: string, role: Role): Promise<void> {
    await this.commandBar()
      .getByRole('link', { name: this.ui('portal.iam.add') })
      .click();
    const pane = this.page.getByRole('complementary', { name: this.ui('portal.iam.addPermissions') });
    await pane.getByLabel(this.ui('portal.iam.role'), { exact: true }).selectOption(role);
    const user = pane.getByLabel(this.ui('portal.iam.select'), { exact: true });
    await user.selectOption({ label: await optionLabelFor(user, userSignInName) });
    await pane.getByRole('button', { name: this.ui('portal.iam.save'), exact: true }).click();
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
