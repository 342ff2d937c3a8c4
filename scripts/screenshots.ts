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
import { fillCardSection } from './lib/happy-path.js';
import type { World } from '../mock-portal/src/world/world.js';

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
  await fillCardSection(page, t, '4000 0000 0000 0002');
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
  await page.getByRole('link', { name: t('offer.MS-AZR-0044P') }).click();
  await shoot(page, locale, '13-portal-overview');
  const blade = page.getByRole('navigation', { name: t('offer.MS-AZR-0044P') });
  await blade.getByRole('link', { name: t('portal.nav.iam'), exact: true }).click();
  await page.getByLabel(t('portal.iam.role'), { exact: true }).selectOption('Reader');
  await page.getByLabel(t('portal.iam.user'), { exact: true }).selectOption({ index: 3 });
  await page.getByRole('button', { name: t('portal.iam.add'), exact: true }).click();
  await shoot(page, locale, '14-portal-access-control');
  await blade.getByRole('link', { name: t('portal.nav.properties'), exact: true }).click();
  await shoot(page, locale, '15-portal-properties');
  await blade.getByRole('link', { name: t('portal.nav.administrators'), exact: true }).click();
  await shoot(page, locale, '16-portal-administrators');
  await blade.getByRole('link', { name: t('portal.nav.changeDirectory'), exact: true }).click();
  await shoot(page, locale, '17-portal-change-directory');
  await page.goto('/portal/directories');
  await shoot(page, locale, '18-portal-switch-directory');
  await page.goto('/portal/create/virtual-machine');
  await shoot(page, locale, '19-portal-create-vm');
  await page.goto('/scenarios');
  await shoot(page, locale, '11-scenarios');
  await page.goto('/no-such-page');
  await shoot(page, locale, '12-not-found');
}

async function signInAtPortal(page: Page, t: ReturnType<typeof translator>, who: string): Promise<void> {
  await page.goto('/portal/signin?prompt=login');
  await page.getByLabel(t('login.username')).fill(who);
  await page.getByRole('button', { name: t('login.next') }).click();
  await page.getByLabel(t('login.password'), { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole('button', { name: t('login.signIn'), exact: true }).click();
  await page.getByRole('button', { name: t('login.no'), exact: true }).click();
  // Switching accounts passes through the provider's sign-out of the previous one: wait for the portal.
  await page.waitForURL('**/portal/subscriptions');
}

/**
 * The directory diagram three times (issue 4): Contoso as seeded (as Megan, who also shows the
 * admin centre and the empty portal), Fabrikam after the trap, Contoso after the remedy.
 */
async function walkDiagrams(page: Page, locale: Locale, world: World): Promise<void> {
  const t = translator(locale);
  await signInAtPortal(page, t, 'megan@contoso.com');
  await shoot(page, locale, '23-portal-no-subscriptions');
  await page.goto('/portal/directory-overview');
  await shoot(page, locale, '30-diagram-contoso-seeded');
  await page.goto('/portal/admin-centre');
  await shoot(page, locale, '24-portal-admin-centre');
  const wrong = world.accountsBySignInName('alice@fabrikam.com')[0];
  const contoso = world.snapshot().directories.find((d) => d.name === 'Contoso');
  if (!wrong?.homeDirectoryId || !contoso) throw new Error('seed changed');
  const placed = world.signUpForFreeTrial({ tenantId: wrong.homeDirectoryId, accountId: wrong.id }, 'screenshots', {
    country: 'US',
    firstName: 'Alice',
    lastName: 'Chen',
    email: wrong.signInName,
    workPhone: '+1 425 555 0100',
    organization: '',
  });
  if (placed.status !== 'created') throw new Error('sign-up refused');
  await signInAtPortal(page, t, 'alice@fabrikam.com');
  await page.goto('/portal/directory-overview');
  await shoot(page, locale, '31-diagram-fabrikam-after-trap');
  world.changeDirectory(wrong.id, placed.subscription.id, contoso.id);
  await page.goto('/portal/directories');
  await page.getByRole('button', { name: `${t('portal.directories.switch')}: Contoso` }).click();
  await page.goto('/portal/directory-overview');
  await shoot(page, locale, '32-diagram-contoso-after-remedy');
}

/** Pitfalls 1 and 2: the account picker, the signed-in-as warning, the work-or-personal choice. */
async function walkTrap(page: Page, locale: Locale): Promise<void> {
  const t = translator(locale);
  for (const who of ['alice@contoso.com', 'alice@fabrikam.com']) await signInAtPortal(page, t, who);
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
    const trapContext = await browser.newContext({
      baseURL: running.url,
      locale,
      viewport: { width: 1100, height: 760 },
    });
    await trapContext.addCookies([{ name: 'mock-world', value: trapWorld.id, url: running.url }]);
    await walkTrap(await trapContext.newPage(), locale);
    await trapContext.close();
    const diagramWorld = running.registry.createTestWorld();
    const diagramContext = await browser.newContext({
      baseURL: running.url,
      locale,
      viewport: { width: 1300, height: 760 },
    });
    await diagramContext.addCookies([{ name: 'mock-world', value: diagramWorld.id, url: running.url }]);
    await walkDiagrams(await diagramContext.newPage(), locale, diagramWorld);
    await diagramContext.close();
  }
} finally {
  await browser.close();
  await running.close();
}
