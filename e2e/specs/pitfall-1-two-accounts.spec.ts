import { articleStep, attachIdToken, expect, proves, test } from '../fixtures.js';
import { MarketingHome } from '../pages/marketing-home.js';
import { SignInPage } from '../pages/sign-in.js';
import { SignUpPage } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';

test.describe('Pitfall 1: two Office 365 accounts are remembered', () => {
  test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

  test(
    'the trap: Alice picks alice@fabrikam.com and the Free Trial lands in Fabrikam, not Contoso',
    { ...proves('pitfall-1', 'rule-lands-in-home-directory'), tag: '@phone' },
    async ({ page, ui, locale, world }) => {
      const signIn = new SignInPage(page, ui);
      const signUp = new SignUpPage(page, ui);

      await articleStep(page, locale, 1, () => new MarketingHome(page, ui).goTo());
      await articleStep(page, locale, 2, async () => {
        await new MarketingHome(page, ui).clickStartFree();
        await expect(signIn.pickerHeading()).toBeVisible();
        await expect(signIn.tiles()).toHaveCount(2);
      });
      await articleStep(page, locale, 3, async () => {
        await signIn.pickAccount(ALICE_FABRIKAM);
        await expect(signUp.signedInAs()).toHaveText(
          ui('signup.signedInAs', { account: ALICE_FABRIKAM, directory: 'Fabrikam' }),
        );
        const token = await attachIdToken(page);
        const { directories } = await world.state();
        expect(token.tid, 'the ID token names Fabrikam').toBe(directories.find((d) => d.name === 'Fabrikam')?.id);
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
        await expect(portal.currentDirectory()).toHaveText('Fabrikam');
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Fabrikam', ui('role.Owner')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Fabrikam', accountAdmin: ALICE_FABRIKAM })]);
      });

      // Contoso, where Alice wanted it, has none: signed in there, the portal says so.
      await page.goto('/portal/signin?prompt=select_account');
      await signIn.pickAccount(ALICE_CONTOSO);
      await expect(page.getByText(ui('portal.noSubscriptions'))).toBeVisible();
    },
  );

  test(
    'the way out: Alice picks alice@contoso.com and the Free Trial lands in Contoso',
    { ...proves('pitfall-1'), tag: '@phone' },
    async ({ page, ui, locale, world }) => {
      const signIn = new SignInPage(page, ui);
      const signUp = new SignUpPage(page, ui);

      await articleStep(page, locale, 1, () => new MarketingHome(page, ui).goTo());
      await articleStep(page, locale, 2, async () => {
        await new MarketingHome(page, ui).clickStartFree();
        await expect(signIn.pickerHeading()).toBeVisible();
      });
      await articleStep(page, locale, 3, async () => {
        await signIn.pickAccount(ALICE_CONTOSO);
        await expect(signUp.signedInAs()).toHaveText(
          ui('signup.signedInAs', { account: ALICE_CONTOSO, directory: 'Contoso' }),
        );
        const token = await attachIdToken(page);
        expect(token.upn).toBe(ALICE_CONTOSO);
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
      });
    },
  );
});
