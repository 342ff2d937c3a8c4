import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';

/** The login service's pages: user name, work-or-personal, password, "Stay signed in?". */
export class SignInPage {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly usernameField = () => this.page.getByLabel(this.ui('login.username'));
  readonly passwordField = () => this.page.getByLabel(this.ui('login.password'), { exact: true });
  readonly staySignedInHeading = () => this.page.getByRole('heading', { name: this.ui('login.kmsi.heading') });
  readonly error = () => this.page.getByRole('alert');
  readonly pickerHeading = () => this.page.getByRole('heading', { level: 1, name: this.ui('login.pick.heading') });
  /** An account's tile in Pick an account; its accessible name includes the address and its state. */
  readonly tile = (signInName: string) => this.page.getByRole('button', { name: signInName });
  readonly tiles = () => this.page.getByRole('list', { name: this.ui('login.pick.heading') }).getByRole('button');

  async pickAccount(signInName: string): Promise<void> {
    await this.tile(signInName).click();
  }

  async clickUseAnotherAccount(): Promise<void> {
    await this.page.getByRole('link', { name: this.ui('login.useAnother') }).click();
  }

  async fillUsername(signInName: string): Promise<void> {
    await this.usernameField().fill(signInName);
    await this.clickNext();
  }

  async clickNext(): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('login.next') }).click();
  }

  async fillPassword(password: string): Promise<void> {
    await this.passwordField().fill(password);
    await this.clickSignIn();
  }

  async clickSignIn(): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('login.signIn'), exact: true }).click();
  }

  async chooseAccountKind(kind: 'work' | 'personal'): Promise<void> {
    await this.page
      .getByRole('button', { name: this.ui(kind === 'work' ? 'scenarios.kind.work' : 'scenarios.kind.personal') })
      .click();
  }

  async answerStaySignedIn(stay: boolean): Promise<void> {
    await this.page.getByRole('button', { name: this.ui(stay ? 'login.yes' : 'login.no'), exact: true }).click();
  }

  /** User name, password, then "No" to "Stay signed in?": the whole sign-in of a fresh browser. */
  async signIn(signInName: string, password: string): Promise<void> {
    await this.fillUsername(signInName);
    await this.finishWithPassword(password);
  }

  /** From the password page on: the password, then "No" to "Stay signed in?". */
  async finishWithPassword(password: string): Promise<void> {
    await this.fillPassword(password);
    await this.answerStaySignedIn(false);
  }
}
