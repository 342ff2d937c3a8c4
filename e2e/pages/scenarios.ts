import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import type { Verdict } from '../../mock-portal/src/world/verdict.js';
import type { Walk } from '../../mock-portal/src/world/walks.js';

/** The Scenarios page: this browser's world (its code, Start over, its link), the walks and Check my work. */
export class ScenariosPage {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  async goTo(): Promise<void> {
    await this.page.goto('/scenarios');
  }

  /** The world code the page's footer shows (every page has it). */
  readonly footerWorld = (code: string) =>
    this.page.getByRole('contentinfo').getByText(this.ui('layout.world', { code }), { exact: true });

  readonly startOverButton = () => this.page.getByRole('button', { name: this.ui('scenarios.startOver') });
  readonly notice = () => this.page.getByRole('status');
  readonly joinLink = () => this.page.getByLabel(this.ui('scenarios.join.label'));
  readonly copyJoinLinkButton = () =>
    this.page.getByRole('button', { name: this.ui('scenarios.join.copy'), exact: true });
  /** What Copy says once the link is on the clipboard (announced politely, not as the page's notice). */
  readonly copiedNote = () => this.page.getByText(this.ui('scenarios.join.copied'), { exact: true });

  /** The walk's row in the Walks table: its link, how it starts, and Check my work's answer. */
  readonly walkRow = (walk: Walk) =>
    this.page
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: this.ui(`scenarios.walk.${walk}`) }) });

  /** Waits until Check my work says this of the walk, naming the directory where there is one. */
  async assertCheck(walk: Walk, verdict: Verdict | 'other-walk', person = '', directory = ''): Promise<void> {
    await expect(this.walkRow(walk).getByRole('cell').last()).toContainText(
      this.ui(`check.${verdict}`, { person, directory }),
    );
  }

  async startOver(): Promise<void> {
    await this.startOverButton().click();
    await expect(this.notice()).toHaveText(this.ui('scenarios.startOverDone'));
  }
}
