import { expect, type Page } from '@playwright/test';
import type { MessageKey, Translate } from '../../mock-portal/src/i18n/index.js';
import { SAMPLE_CARD } from '../../testkit/samples.js';

export interface AboutYou {
  country: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  workPhone: string;
  organization?: string;
}

export interface Card {
  name: string;
  number: string;
  month: string;
  year: string;
  cvv: string;
  address: string;
  city: string;
  postalCode: string;
}

/** The README's sample card, in the page object's words. */
export const GOOD_CARD: Card = {
  name: SAMPLE_CARD.cardName,
  number: SAMPLE_CARD.cardNumber,
  month: SAMPLE_CARD.expiryMonth,
  year: SAMPLE_CARD.expiryYear,
  cvv: SAMPLE_CARD.cvv,
  address: SAMPLE_CARD.address1,
  city: SAMPLE_CARD.city,
  postalCode: SAMPLE_CARD.postalCode,
};
/** The card the README gives as declined: it passes every check of the form, as a reader would type it. */
export const DECLINED_CARD_NUMBER = '4000 0000 0000 0002';

/** The sign-up form (the article's step 4), section by section. */
export class SignUpPage {
  constructor(
    private readonly page: Page,
    private readonly ui: Translate,
  ) {}

  readonly heading = () => this.page.getByRole('heading', { level: 1, name: this.ui('signup.heading') });
  readonly signedInAs = () => this.page.getByTestId('signed-in-as');
  readonly section = (legend: MessageKey) => this.page.getByRole('group', { name: this.ui(legend) });
  /** A section still waiting for the one before it: numbered, but with nothing to fill in yet. */
  readonly waiting = (legend: MessageKey) => this.section(legend).getByText(this.ui('signup.waiting'));
  readonly field = (label: MessageKey) => this.page.getByLabel(this.ui(label), { exact: true });
  readonly verificationNotice = () => this.page.getByTestId('verification-notice');
  readonly readyHeading = () => this.page.getByRole('heading', { level: 1, name: this.ui('signup.done.heading') });
  readonly errorSummary = () => this.page.getByRole('alert');

  /** Waits until the field carries this error as its description, as a screen reader announces it. */
  async assertFieldError(label: MessageKey, message: string): Promise<void> {
    await expect(this.field(label)).toHaveAccessibleDescription(message);
  }

  /** Fills About you and sends it. */
  async fillAboutYou(about: AboutYou): Promise<void> {
    await this.typeAboutYou(about);
    await this.clickNextIn('signup.about');
  }

  /** Fills About you without sending it. */
  async typeAboutYou(about: AboutYou): Promise<void> {
    await this.field('signup.country').selectOption(about.country);
    if (about.firstName !== undefined) await this.field('signup.firstName').fill(about.firstName);
    if (about.lastName !== undefined) await this.field('signup.lastName').fill(about.lastName);
    if (about.email !== undefined) await this.field('signup.email').fill(about.email);
    await this.field('signup.workPhone').fill(about.workPhone);
    if (about.organization !== undefined) await this.field('signup.organization').fill(about.organization);
  }

  /** Next, in one section of the form. */
  async clickNextIn(section: 'signup.about' | 'signup.card'): Promise<void> {
    await this.section(section)
      .getByRole('button', { name: this.ui('signup.next') })
      .click();
  }

  /** Change, on a section already done: opens it again. */
  async change(section: 'signup.about' | 'signup.phone' | 'signup.card'): Promise<void> {
    await this.section(section)
      .getByRole('button', { name: this.ui('signup.change') })
      .click();
  }

  async clickTextMe(phoneNumber: string): Promise<void> {
    await this.field('signup.phoneNumber').fill(phoneNumber);
    await this.page.getByRole('button', { name: this.ui('signup.textMe') }).click();
  }

  /** The six-digit code the mock "sent", read from its status notice as a person would. */
  async readSentCode(): Promise<string> {
    await expect(this.verificationNotice()).toBeVisible();
    const code = /\b(\d{6})\b/.exec((await this.verificationNotice().textContent()) ?? '')?.[1];
    if (!code) throw new Error('the verification notice shows no six-digit code');
    return code;
  }

  async fillVerificationCode(code: string): Promise<void> {
    await this.field('signup.code').fill(code);
    await this.page.getByRole('button', { name: this.ui('signup.verifyCode') }).click();
  }

  async verifyPhone(phoneNumber: string): Promise<void> {
    await this.clickTextMe(phoneNumber);
    await this.fillVerificationCode(await this.readSentCode());
  }

  /** Fills the card section and sends it. */
  async fillCard(card: Card): Promise<void> {
    await this.typeCard(card);
    await this.clickNextIn('signup.card');
  }

  /** Fills the card section without sending it. */
  async typeCard(card: Card): Promise<void> {
    await this.field('signup.cardName').fill(card.name);
    await this.field('signup.cardNumber').fill(card.number);
    await this.field('signup.expiryMonth').selectOption(card.month);
    await this.field('signup.expiryYear').selectOption(card.year);
    await this.field('signup.cvv').fill(card.cvv);
    await this.field('signup.address1').fill(card.address);
    await this.field('signup.city').fill(card.city);
    await this.field('signup.postalCode').fill(card.postalCode);
  }

  async acceptAgreementAndSignUp(): Promise<void> {
    await this.page.getByLabel(this.ui('signup.agree')).check();
    await this.page.getByRole('button', { name: this.ui('signup.signUp'), exact: true }).click();
  }

  /** Every section with valid data, then Sign up. */
  async completeWith(about: AboutYou, card: Card = GOOD_CARD): Promise<void> {
    await this.fillAboutYou(about);
    await this.verifyPhone(about.workPhone);
    await this.fillCard(card);
    await this.acceptAgreementAndSignUp();
  }

  async clickUseDifferentAccount(): Promise<void> {
    await this.page.getByRole('link', { name: this.ui('signup.useDifferentAccount') }).click();
  }

  async clickSignOut(): Promise<void> {
    await this.page.getByRole('button', { name: this.ui('portal.signOut'), exact: true }).click();
  }

  async clickStartManaging(): Promise<void> {
    await this.page.getByRole('link', { name: this.ui('signup.done.manage') }).click();
  }
}
