import { expect, test } from '../fixtures.js';
import { translator } from '../../mock-portal/src/i18n/index.js';
import { SEED_ACCOUNTS } from '../../mock-portal/src/world/seed.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import { signInToSignUp } from '../support/flows.js';

test.describe('Scenarios page, for people browsing by hand', () => {
  test('lists every seeded account with its password and what it shows', async ({ page, ui }) => {
    await page.goto('/scenarios');
    await expect(page.getByRole('heading', { level: 1, name: ui('scenarios.heading') })).toBeVisible();
    for (const seed of SEED_ACCOUNTS) {
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: seed.signInName, exact: true }) })
        .filter({ has: page.getByRole('cell', { name: ui(`scenarios.kind.${seed.kind}`), exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(PASSWORD);
      await expect(row).toContainText(ui(`scenarios.purpose.${seed.persona}`));
    }
  });

  test('a person sets up "two accounts remembered" from its buttons and Start free then offers both', async ({
    page,
    ui,
    home,
    signIn,
    portal,
  }) => {
    for (const account of [ALICE_CONTOSO, ALICE_FABRIKAM]) {
      await page.goto('/scenarios');
      await page.getByRole('link', { name: ui('scenarios.signInAs', { account }) }).click();
      await expect(signIn.usernameField(), 'the address is filled in').toHaveValue(account);
      await signIn.signIn(account, PASSWORD);
      await expect(portal.signedInAccount()).toHaveText(account);
    }
    await home.goTo();
    await home.clickStartFree();
    await expect(signIn.pickerHeading()).toBeVisible();
    await expect(signIn.tile(ALICE_CONTOSO)).toBeVisible();
    await expect(signIn.tile(ALICE_FABRIKAM)).toBeVisible();
  });

  test('Start over removes subscriptions made since, and ends the sign-ins of the old world', async ({
    page,
    ui,
    world,
    signUp,
    portal,
  }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.completeWith(ALICE_ABOUT);
    await expect(signUp.readyHeading()).toBeVisible();
    await expect.poll(() => world.freeTrials()).toHaveLength(1);

    await page.goto('/scenarios');
    await page.getByRole('button', { name: ui('scenarios.startOver') }).click();
    await expect(page.getByRole('status')).toHaveText(ui('scenarios.startOverDone'));
    await expect.poll(() => world.freeTrials()).toEqual([]);

    await portal.goTo();
    await expect(page.getByLabel(ui('login.username')), 'the old sign-in no longer counts').toBeVisible();
  });
});

/** The language a person switches to from this project's one. */
const otherLocale = (locale: 'en-US' | 'zh-TW') => (({ 'en-US': 'zh-TW', 'zh-TW': 'en-US' }) as const)[locale];

test.describe('Language', () => {
  test('the switcher changes the language and remembers it (every page has it: the accessibility scans check each one)', async ({
    page,
    locale,
  }) => {
    const other = otherLocale(locale);
    const otherUi = translator(other);
    await page.goto('/');
    await page
      .getByRole('navigation', { name: translator(locale)('layout.language') })
      .getByRole('link', { name: otherUi('lang.name') })
      .click();
    await expect(page.getByRole('link', { name: otherUi('home.startFree'), exact: true })).toBeVisible();
    // The page's language is an attribute of <html>, which has no role to find it by.
    // eslint-disable-next-line playwright/no-raw-locators
    await expect(page.locator('html')).toHaveAttribute('lang', other);

    await page.goto('/signup/');
    await expect(
      page.getByRole('heading', { level: 1, name: otherUi('login.signIn') }),
      'the choice follows to the login service',
    ).toBeVisible();
  });
});
