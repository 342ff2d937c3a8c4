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
import { SignInPage } from '../e2e/pages/sign-in.js';
import { SubscriptionBlade } from '../e2e/pages/subscription-blade.js';
import { DECLINED_CARD_NUMBER, GOOD_CARD, SignUpPage } from '../e2e/pages/sign-up.js';
import { walkHappyPath, type Moment } from '../e2e/support/happy-path.js';
import { arrange } from '../mock-portal/src/world/arrange.js';
import type { World } from '../mock-portal/src/world/world.js';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');

async function shoot(page: Page, locale: Locale, name: string): Promise<void> {
  await page.screenshot({ path: path.join(OUT, `${locale}-${name}.png`), fullPage: true });
  console.log(`  ${locale}-${name}.png`);
}

/** The happy path's pages, named as docs/screenshots/ names them; the card is first shown declined. */
const WALK_PICTURES: Partial<Record<Moment, string>> = {
  'azure-home': '01-azure-home',
  'user-name': '02-sign-in-user-name',
  password: '03-sign-in-password',
  'stay-signed-in': '04-stay-signed-in',
  'about-you': '05-sign-up-about-you',
  'code-sent': '06-sign-up-phone-code-sent',
  agreement: '08-sign-up-agreement',
  ready: '09-subscription-ready',
  portal: '10-portal-subscriptions',
};

async function walk(page: Page, locale: Locale): Promise<void> {
  const t = translator(locale);
  const signUp = new SignUpPage(page, t);
  await walkHappyPath(page, t, {
    at: async (moment) => {
      const name = WALK_PICTURES[moment];
      if (name) await shoot(page, locale, name);
      if (moment !== 'card') return;
      // A declined card first, then the good one typed back for the walk to go on.
      await signUp.field('signup.cardNumber').fill(DECLINED_CARD_NUMBER);
      await signUp.clickNextIn('signup.card');
      await shoot(page, locale, '07-sign-up-card-declined');
      await signUp.field('signup.cardNumber').fill(GOOD_CARD.number);
      await signUp.field('signup.cvv').fill(GOOD_CARD.cvv);
    },
  });
  await page.getByRole('link', { name: t('offer.MS-AZR-0044P') }).click();
  await shoot(page, locale, '13-portal-overview');
  const blade = new SubscriptionBlade(page, t);
  await blade.openTab('portal.nav.iam');
  await blade.addRoleAssignment('bob@contoso.com', 'Reader');
  await shoot(page, locale, '14-portal-access-control');
  await blade.openTab('portal.nav.properties');
  await shoot(page, locale, '15-portal-properties');
  await blade.openTab('portal.nav.administrators');
  await shoot(page, locale, '16-portal-administrators');
  await blade.openTab('portal.nav.changeDirectory');
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
  await new SignInPage(page, t).signIn(who, SEED_PASSWORD);
  // Switching accounts passes through the provider's sign-out of the previous one: wait for the portal.
  await page.waitForURL('**/portal/subscriptions');
}

/**
 * The directory diagram three times: Contoso as seeded (as Megan, who also shows the
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
  const trap = arrange(world, { subscriptions: [{ signedUpBy: 'alice@fabrikam.com' }] });
  const wrong = world.accountsBySignInName('alice@fabrikam.com')[0];
  const contoso = world.snapshot().directories.find((d) => d.name === 'Contoso');
  const subscriptionId = trap.ok ? trap.subscriptionIds[0] : undefined;
  if (!wrong || !contoso || !subscriptionId) throw new Error('the seed no longer has Alice in Fabrikam and Contoso');
  await signInAtPortal(page, t, 'alice@fabrikam.com');
  await page.goto('/portal/directory-overview');
  await shoot(page, locale, '31-diagram-fabrikam-after-trap');
  world.changeDirectory(wrong.id, subscriptionId, contoso.id);
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

/**
 * The training pictures (docs/training.md): a learner opens the two-accounts walk, picks the wrong
 * account and signs up; then the learner's Scenarios page, Why did it land here?, and the trainer
 * view with that world in the trap.
 */
async function walkTraining(page: Page, trainerPage: Page, locale: Locale): Promise<void> {
  const t = translator(locale);
  await page.goto('/scenarios/two-accounts');
  await page.getByRole('link', { name: t('home.startFree'), exact: true }).click();
  await page.getByRole('button', { name: 'alice@fabrikam.com' }).click();
  await new SignUpPage(page, t).completeWith({ country: 'US', workPhone: '+1 425 555 0100', organization: 'Fabrikam' });
  await page.getByRole('region', { name: t('why.heading') }).waitFor();
  await shoot(page, locale, '42-training-why-did-it-land-here');
  await page.goto('/scenarios');
  await page.getByRole('region', { name: t('scenarios.world.heading') }).screenshot({
    path: path.join(OUT, `${locale}-40-training-your-world.png`),
  });
  console.log(`  ${locale}-40-training-your-world.png`);
  await page.getByRole('region', { name: t('scenarios.walks.heading') }).screenshot({
    path: path.join(OUT, `${locale}-41-training-check-my-work.png`),
  });
  console.log(`  ${locale}-41-training-check-my-work.png`);
  await trainerPage.goto(`/trainer?key=${TRAINER_KEY}`);
  await shoot(trainerPage, locale, '43-training-trainer-view');
  const code = (await page.getByTestId('scenarios-world-code').textContent()) ?? '';
  await trainerPage.getByRole('link', { name: code, exact: true }).click();
  await shoot(trainerPage, locale, '44-training-trainer-world');
}

const TRAINER_KEY = 'screenshots-trainer-key';
const running = await listen({ testMode: true, trainerKey: TRAINER_KEY });

function createWorldIn({ registry }: typeof running) {
  const world = registry.createWorld();
  if (!world) throw new Error('the registry is full');
  return world;
}
await mkdir(OUT, { recursive: true });
const executablePath = chromiumExecutablePath();
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const locale of ['en-US', 'zh-TW'] as const) {
    const world = createWorldIn(running);
    const context = await browser.newContext({ baseURL: running.url, locale, viewport: { width: 1100, height: 760 } });
    await context.addCookies([{ name: 'mock-world', value: world.id, url: running.url }]);
    await walk(await context.newPage(), locale);
    await context.close();
    const trapWorld = createWorldIn(running);
    const trapContext = await browser.newContext({
      baseURL: running.url,
      locale,
      viewport: { width: 1100, height: 760 },
    });
    await trapContext.addCookies([{ name: 'mock-world', value: trapWorld.id, url: running.url }]);
    await walkTrap(await trapContext.newPage(), locale);
    await trapContext.close();
    const diagramWorld = createWorldIn(running);
    const diagramContext = await browser.newContext({
      baseURL: running.url,
      locale,
      viewport: { width: 1300, height: 760 },
    });
    await diagramContext.addCookies([{ name: 'mock-world', value: diagramWorld.id, url: running.url }]);
    await walkDiagrams(await diagramContext.newPage(), locale, diagramWorld);
    await diagramContext.close();
    // A learner's browser as people have it: no world until the walk's link gives one.
    const learner = await browser.newContext({ baseURL: running.url, locale, viewport: { width: 1100, height: 760 } });
    const trainer = await browser.newContext({ baseURL: running.url, locale, viewport: { width: 1300, height: 760 } });
    await walkTraining(await learner.newPage(), await trainer.newPage(), locale);
    await Promise.all([learner.close(), trainer.close()]);
  }
} finally {
  await browser.close();
  await running.close();
}
