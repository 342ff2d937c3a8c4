import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';

/** The device sign-in's own pages (microsoft.com/devicelogin): "Enter code", "Are you trying to sign in to …?", and the last one. */
export class DeviceLoginPage {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly codeField = () => this.page.getByLabel(this.ui('login.device.code'));
  readonly error = () => this.page.getByRole('alert');
  readonly question = (app: string) =>
    this.page.getByRole('heading', { name: this.ui('login.device.confirm.heading', { app }) });
  readonly signedIn = (app: string) => this.page.getByText(this.ui('login.device.done', { app }));
  readonly declined = (app: string) => this.page.getByText(this.ui('login.device.declined', { app }));

  /** Types the code a device shows, then Next: the sign-in pages follow. */
  async enterCode(userCode: string): Promise<void> {
    await this.codeField().fill(userCode);
    await this.page.getByRole('button', { name: this.ui('login.next') }).click();
  }

  /** Answers "Are you trying to sign in to …?". */
  async answer(answer: 'continue' | 'cancel'): Promise<void> {
    const label = answer === 'continue' ? 'login.device.confirm.continue' : 'login.device.confirm.cancel';
    await this.page.getByRole('button', { name: this.ui(label), exact: true }).click();
  }
}
