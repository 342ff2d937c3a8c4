/**
 * Walks every page of the article's flow in both languages against an in-process portal and
 * saves a screenshot of each to docs/screenshots/. Run: npm run screenshots
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumExecutablePath } from '../e2e/support/browser.js';
import { translator, type Locale } from '../mock-portal/src/i18n/index.js';
import { listen } from '../mock-portal/src/listen.js';
import { SEED_PASSWORD } from '../mock-portal/src/world/seed.js';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');

async function shoot(page: Page, locale: Locale, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${locale}-${name}.png`), fullPage: true });
  console.log(`  ${locale}-${name}.png`);
}

async function walk(page: Page, locale: Locale): Promise<void> {
  const t = translator(locale);
  await page.goto('/');
  await shoot(page, locale, '01-azure-home');
  await page.getByRole('link', { name: t('home.startFree'), exact: true }).click();
  await shoot(page, locale, '02-sign-in-user-name');
  await page.getByLabel(t('login.username')).fill('alice@contoso.com');
  await page.getByRole('button', { name: t('login.next') }).click();
  await shoot(page, locale, '03-sign-in-password');
  await page.getByLabel(t('login.password'), { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: t('login.signIn'), exact: true }).click();
  await shoot(page, locale, '04-stay-signed-in');
  await page.getByRole('button', { name: t('login.no'), exact: true }).click();
  await shoot(page, locale, '05-sign-up-about-you');
  await page.getByLabel(t('signup.country')).selectOption('US');
  await page.getByLabel(t('signup.workPhone')).fill('+1 425 555 0100');
  await page.getByRole('button', { name: t('signup.next') }).click();
  await page.getByLabel(t('signup.phoneNumber')).fill('+1 425 555 0100');
  await page.getByRole('button', { name: t('signup.textMe') }).click();
  await shoot(page, locale, '06-sign-up-phone-code-sent');
  const code = /\b(\d{6})\b/.exec((await page.getByTestId('verification-notice').textContent()) ?? '')?.[1] ?? '';
  await page.getByLabel(t('signup.code'), { exact: true }).fill(code);
  await page.getByRole('button', { name: t('signup.verifyCode') }).click();
  await page.getByLabel(t('signup.cardName')).fill('Alice Chen');
  await page.getByLabel(t('signup.cardNumber')).fill('4000 0000 0000 0002');
  await page.getByLabel(t('signup.expiryMonth')).selectOption('12');
  await page.getByLabel(t('signup.expiryYear')).selectOption(String(new Date().getFullYear() + 3));
  await page.getByLabel(t('signup.cvv')).fill('123');
  await page.getByLabel(t('signup.address1')).fill('1 Microsoft Way');
  await page.getByLabel(t('signup.city')).fill('Redmond');
  await page.getByLabel(t('signup.postalCode')).fill('98052');
  await page.getByRole('button', { name: t('signup.next') }).click();
  await shoot(page, locale, '07-sign-up-card-declined');
  await page.getByLabel(t('signup.cardNumber')).fill('4111 1111 1111 1111');
  await page.getByLabel(t('signup.cvv')).fill('123');
  await page.getByRole('button', { name: t('signup.next') }).click();
  await shoot(page, locale, '08-sign-up-agreement');
  await page.getByLabel(t('signup.agree')).check();
  await page.getByRole('button', { name: t('signup.signUp'), exact: true }).click();
  await shoot(page, locale, '09-subscription-ready');
  await page.getByRole('link', { name: t('signup.done.manage') }).click();
  await shoot(page, locale, '10-portal-subscriptions');
  await page.goto('/scenarios');
  await shoot(page, locale, '11-scenarios');
  await page.goto('/no-such-page');
  await shoot(page, locale, '12-not-found');
}

/** Pitfalls 1 and 2: the account picker, the signed-in-as warning, the work-or-personal choice. */
async function walkTrap(page: Page, locale: Locale): Promise<void> {
  const t = translator(locale);
  for (const who of ['alice@contoso.com', 'alice@fabrikam.com']) {
    await page.goto('/portal/signin?prompt=login');
    await page.getByLabel(t('login.username')).fill(who);
    await page.getByRole('button', { name: t('login.next') }).click();
    await page.getByLabel(t('login.password'), { exact: true }).fill(SEED_PASSWORD);
    await page.getByRole('button', { name: t('login.signIn'), exact: true }).click();
    await page.getByRole('button', { name: t('login.no'), exact: true }).click();
  }
  await page.goto('/');
  await page.getByRole('link', { name: t('home.startFree'), exact: true }).click();
  await shoot(page, locale, '20-trap-pick-an-account');
  await page.getByRole('button', { name: 'alice@fabrikam.com' }).click();
  await shoot(page, locale, '21-trap-signed-in-as-fabrikam');
  await page.goto('/signup/signin?prompt=select_account');
  await page.getByRole('link', { name: t('login.useAnother') }).click();
  await page.getByLabel(t('login.username')).fill('carol@contoso.com');
  await page.getByRole('button', { name: t('login.next') }).click();
  await shoot(page, locale, '22-trap-work-or-personal');
}

const running = await listen({ testMode: true });
await mkdir(OUT, { recursive: true });
const executablePath = chromiumExecutablePath();
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const locale of ['en-US', 'zh-TW'] as const) {
    const world = running.registry.createTestWorld();
    const context = await browser.newContext({ baseURL: running.url, locale, viewport: { width: 1100, height: 760 } });
    await context.addCookies([{ name: 'mock-world', value: world.id, url: running.url }]);
    await walk(await context.newPage(), locale);
    await context.close();
    const trapWorld = running.registry.createTestWorld();
    const trapContext = await browser.newContext({ baseURL: running.url, locale, viewport: { width: 1100, height: 760 } });
    await trapContext.addCookies([{ name: 'mock-world', value: trapWorld.id, url: running.url }]);
    await walkTrap(await trapContext.newPage(), locale);
    await trapContext.close();
  }
} finally {
  await browser.close();
  await running.close();
}
