import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import type { Verdict } from '../../mock-portal/src/world/verdict.js';

/** The trainer view: the class's worlds with their verdicts, updating by itself. */
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
}
