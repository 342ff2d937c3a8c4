import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { articleStep, attachIdToken, expect, proof, test } from '../fixtures.js';
import type { SignUpPage } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';
import { loginPagesShownDuring } from '../support/login-pages.js';

/**
 * From the form signed in as the wrong account: complete it as alice@contoso.com instead, and check
 * Contoso got it. A way out proves where a subscription lands, not the trap it avoids.
 */
async function signUpAsAliceContosoFrom(
  page: Page,
  ui: Translate,
  world: { freeTrials(): Promise<unknown[]> },
  signUp: SignUpPage,
) {
  await expect(signUp.signedInAs()).toHaveText(
    ui('signup.signedInAs', { account: ALICE_CONTOSO, directory: 'Contoso' }),
  );
  const token = await attachIdToken(page);
  expect(token.upn).toBe(ALICE_CONTOSO);
  const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
  await proof('rule-lands-in-home-directory', async () => {
    await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
    await expect
      .poll(() => world.freeTrials())
      .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
  });
}

test.describe('Pitfall 3: the browser is already signed in as alice@fabrikam.com only', () => {
  test.use({ rememberedAccounts: [ALICE_FABRIKAM] });

  test('the trap: Start free goes straight to the form as alice@fabrikam.com, and the Free Trial lands in Fabrikam', async ({
    page,
    ui,
    locale,
    world,
    home,
    signUp,
  }) => {
    await articleStep(page, locale, 1, () => home.goTo());
    await articleStep(page, locale, 2, async () => {
      await proof('pitfall-3', async () => {
        const shown = await loginPagesShownDuring(page, async () => {
          await home.clickStartFree();
          await expect(signUp.heading()).toBeVisible();
        });
        expect(shown, 'no sign-in page was shown: the browser was signed in again silently').toEqual([]);
      });
    });
    await articleStep(page, locale, 3, async () => {
      await expect(signUp.signedInAs(), 'the only warning').toHaveText(
        ui('signup.signedInAs', { account: ALICE_FABRIKAM, directory: 'Fabrikam' }),
      );
      const token = await attachIdToken(page);
      expect(token.upn).toBe(ALICE_FABRIKAM);
    });
    await articleStep(page, locale, 4, async () => {
      const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
      await proof('pitfall-3', async () => {
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Fabrikam', ui('role.Owner')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Fabrikam', accountAdmin: ALICE_FABRIKAM })]);
      });
    });
  });

  /** Two ways out from the form itself: leave the wrong account, then sign in as the right one. */
  const WAYS_OUT_FROM_THE_FORM = [
    {
      title: 'way out 1: Use a different account, then Use another account, as alice@contoso.com',
      leave: (signUp: SignUpPage) => signUp.clickUseDifferentAccount(),
      // Leaving the form leaves the account signed in: its tile says so.
      fabrikamTileSays: (ui: Translate) => ui('login.tile.signedIn'),
    },
    {
      title: 'way out 2: sign out first, then sign in as alice@contoso.com',
      leave: (signUp: SignUpPage) => signUp.clickSignOut(),
      fabrikamTileSays: (ui: Translate) => ui('login.tile.signedOut'),
    },
  ] as const;

  for (const way of WAYS_OUT_FROM_THE_FORM) {
    test(way.title, async ({ page, ui, locale, world, home, signIn, signUp }) => {
      await articleStep(page, locale, 1, () => home.goTo());
      await articleStep(page, locale, 2, () => home.clickStartFree());
      await articleStep(page, locale, 3, async () => {
        await way.leave(signUp);
        await expect(signIn.pickerHeading()).toBeVisible();
        await expect(signIn.tile(ALICE_FABRIKAM)).toContainText(way.fabrikamTileSays(ui));
        await signIn.clickUseAnotherAccount();
        await signIn.signIn(ALICE_CONTOSO, PASSWORD);
      });
      await articleStep(page, locale, 4, () => signUpAsAliceContosoFrom(page, ui, world, signUp));
    });
  }

  test('way out 3: a private window (a new browser context) asks who is signing in', async ({
    pagesOn,
    ui,
    locale,
    world,
    privateWindow,
  }) => {
    const page = await privateWindow();
    // The page objects of the private window, not of the test's own page.
    const { home, signIn, signUp } = pagesOn(page);
    await articleStep(page, locale, 1, () => home.goTo());
    await articleStep(page, locale, 2, async () => {
      await home.clickStartFree();
      await expect(signIn.usernameField()).toBeVisible();
    });
    await articleStep(page, locale, 3, () => signIn.signIn(ALICE_CONTOSO, PASSWORD));
    await articleStep(page, locale, 4, () => signUpAsAliceContosoFrom(page, ui, world, signUp));
  });
});
