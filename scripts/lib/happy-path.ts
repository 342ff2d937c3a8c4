import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { SEED_PASSWORD } from '../../mock-portal/src/world/seed.js';

/**
 * The article's steps 1 to 4 for alice@contoso.com, as plain Playwright calls (no test runner),
 * for the scripts that photograph or time the flow. `at` is called at the points worth a picture.
 */
export async function walkHappyPath(
  page: Page,
  t: Translate,
  at: (moment: 'sign-in' | 'sign-up-form') => Promise<void> = async () => {},
): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: t('home.startFree'), exact: true }).click();
  await page.getByLabel(t('login.username')).fill('alice@contoso.com');
  await at('sign-in');
  await page.getByRole('button', { name: t('login.next') }).click();
  await page.getByLabel(t('login.password'), { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: t('login.signIn'), exact: true }).click();
  await page.getByRole('button', { name: t('login.no'), exact: true }).click();
  await page.getByLabel(t('signup.country')).selectOption('US');
  await page.getByLabel(t('signup.workPhone')).fill('+1 425 555 0100');
  await at('sign-up-form');
  await page.getByRole('button', { name: t('signup.next') }).click();
  await page.getByLabel(t('signup.phoneNumber')).fill('+1 425 555 0100');
  await page.getByRole('button', { name: t('signup.textMe') }).click();
  const code = /\b(\d{6})\b/.exec((await page.getByTestId('verification-notice').textContent()) ?? '')?.[1] ?? '';
  await page.getByLabel(t('signup.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t('signup.verifyCode') }).click();
  await fillCardSection(page, t, '4111 1111 1111 1111');
  await page.getByLabel(t('signup.agree')).check();
  await page.getByRole('button', { name: t('signup.signUp'), exact: true }).click();
  await page.getByRole('link', { name: t('signup.done.manage') }).click();
  await page.waitForURL('**/portal/subscriptions');
}

/** The card section with Alice's details and this card number, then Next. */
export async function fillCardSection(page: Page, t: Translate, cardNumber: string): Promise<void> {
  await page.getByLabel(t('signup.cardName')).fill('Alice Chen');
  await page.getByLabel(t('signup.cardNumber')).fill(cardNumber);
  await page.getByLabel(t('signup.expiryMonth')).selectOption('12');
  await page.getByLabel(t('signup.expiryYear')).selectOption(String(new Date().getFullYear() + 3));
  await page.getByLabel(t('signup.cvv')).fill('123');
  await page.getByLabel(t('signup.address1')).fill('1 Microsoft Way');
  await page.getByLabel(t('signup.city')).fill('Redmond');
  await page.getByLabel(t('signup.postalCode')).fill('98052');
  await page.getByRole('button', { name: t('signup.next') }).click();
}
