import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';

/** A learner's side of a class: the join page, and the class page with their name. */
export class ClassPage {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly nameField = () => this.page.getByLabel(this.ui('class.name'));
  readonly notice = () => this.page.getByRole('status');
  /** The class's name and the learner's, as the page lists them. */
  readonly membership = () => this.page.getByRole('definition');

  /** Opens the join link the trainer gave, and joins under this name. */
  async joinWithLink(link: string, name: string): Promise<void> {
    await this.page.goto(link);
    await this.joinAs(name);
  }

  /** Types the class code on the Scenarios page, then joins under this name. */
  async joinWithCode(code: string, name: string): Promise<void> {
    await this.page.goto('/scenarios');
    await this.page.getByLabel(this.ui('scenarios.class.none')).fill(code);
    await this.page.getByRole('button', { name: this.ui('class.find') }).click();
    await this.joinAs(name);
  }

  async joinAs(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.ui('class.join.heading') })).toBeVisible();
    await this.nameField().fill(name);
    await this.page.getByRole('button', { name: this.ui('class.join.button') }).click();
    await expect(this.notice()).toHaveText(this.ui('class.joined'));
    await expect(this.membership().last()).toHaveText(name);
  }
}
