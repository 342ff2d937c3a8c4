import { articleStep, attachIdToken, expect, proof, test } from '../fixtures.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';

test.describe('Pitfall 1: two Office 365 accounts are remembered', () => {
  // The browser starts out remembering these accounts, signed in through the real pages (over HTTP).
  test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

  test('the trap: Alice picks alice@fabrikam.com and the Free Trial lands in Fabrikam', async ({
    page,
    ui,
    locale,
    world,
    home,
    signIn,
  }) => {
    await articleStep(page, locale, 1, () => home.goTo());
    await articleStep(page, locale, 2, () => home.clickStartFree());
    await articleStep(page, locale, 3, async () => {
      await signIn.pickAccount(ALICE_FABRIKAM);
      // The ID token names the directory the subscription will land in.
      const token = await attachIdToken(page);
      const { directories } = await world.state();
      expect(token.tid).toBe(directories.find((d) => d.name === 'Fabrikam')?.id);
    });
    await articleStep(page, locale, 4, async () => {
      const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
      await proof('pitfall-1', async () => {
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Fabrikam', ui('role.Owner')]]); // in the UI
        await expect.poll(() => world.freeTrials()).toEqual([expect.objectContaining({ directory: 'Fabrikam' })]); // in state
      });
    });
  });
});
