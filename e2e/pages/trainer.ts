import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import type { Verdict } from '../../mock-portal/src/world/verdict.js';

/** The trainer view: classes with one row per learner, and every world with its verdict, updating by themselves. */
export class TrainerView {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  /** Opens it as the trainer does: the link `npm start` printed, with the key. */
  async open(key: string): Promise<void> {
    await this.page.goto(`/trainer?key=${encodeURIComponent(key)}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.ui('trainer.heading') })).toBeVisible();
  }

  readonly worldRow = (code: string) =>
    this.page
      .getByRole('table', { name: this.ui('trainer.worlds') })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: code, exact: true }) });

  /** Waits (no reload: the page updates itself) until the world's row shows this verdict. */
  async assertVerdict(code: string, verdict: Verdict): Promise<void> {
    await expect(this.worldRow(code).getByRole('cell').first()).toHaveText(this.ui(`trainer.verdict.${verdict}`), {
      timeout: 10_000,
    });
  }

  readonly classNameField = () => this.page.getByLabel(this.ui('trainer.className'));
  readonly classCode = () => this.page.getByTestId('class-code');
  readonly classJoinLink = () => this.page.getByLabel(this.ui('trainer.class.join.link'));
  readonly learnersTable = () => this.page.getByRole('table', { name: this.ui('trainer.learners') });
  readonly learnerRow = (name: string) =>
    this.learnersTable()
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });

  /** Starts a class from the trainer view and lands on its page. */
  async startClass(name: string): Promise<void> {
    await this.classNameField().fill(name);
    await this.page.getByRole('button', { name: this.ui('trainer.startClass') }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** Waits (no reload) until the learner's row shows this verdict and how far they got. */
  async assertLearner(name: string, verdict: Verdict, howFar: string): Promise<void> {
    const cells = this.learnerRow(name).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(this.ui(`trainer.verdict.${verdict}`), { timeout: 10_000 });
    await expect(cells.nth(1)).toContainText(howFar);
  }

  async endClass(): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('trainer.class.end') }).click();
    await expect(this.page.getByRole('status')).toHaveText(this.ui('trainer.class.ended'));
  }
}
