import { articleStep, attachIdToken, expect, proof, test } from '../fixtures.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';

/**
 * The trap and its way out: the same walk, told apart by the tile Alice picks. Only the trap
 * proves pitfall 1; the way out proves where a subscription lands.
 */
const WALKS = [
  {
    title: 'the trap: Alice picks alice@fabrikam.com and the Free Trial lands in Fabrikam, not Contoso',
    proves: 'pitfall-1',
    picks: ALICE_FABRIKAM,
    landsIn: 'Fabrikam',
    other: { account: ALICE_CONTOSO, directory: 'Contoso' },
  },
  {
    title: 'the way out: Alice picks alice@contoso.com and the Free Trial lands in Contoso',
    proves: 'rule-lands-in-home-directory',
    picks: ALICE_CONTOSO,
    landsIn: 'Contoso',
    other: { account: ALICE_FABRIKAM, directory: 'Fabrikam' },
  },
] as const;

test.describe('Pitfall 1: two Office 365 accounts are remembered', () => {
  test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

  for (const walk of WALKS) {
    test(walk.title, { tag: '@phone' }, async ({ page, ui, locale, world, home, signIn, signUp }) => {
      await articleStep(page, locale, 1, () => home.goTo());
      await articleStep(page, locale, 2, async () => {
        await home.clickStartFree();
        await expect(signIn.pickerHeading()).toBeVisible();
        await expect(signIn.tiles()).toHaveCount(2);
      });
      await articleStep(page, locale, 3, async () => {
        await signIn.pickAccount(walk.picks);
        await expect(signUp.signedInAs()).toHaveText(
          ui('signup.signedInAs', { account: walk.picks, directory: walk.landsIn }),
        );
        await proof('rule-lands-in-home-directory', async () => {
          const token = await attachIdToken(page);
          const { directories } = await world.state();
          expect(token.tid, `the ID token names ${walk.landsIn}`).toBe(
            directories.find((d) => d.name === walk.landsIn)?.id,
          );
        });
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, ALICE_ABOUT);
        await proof(walk.proves, async () => {
          await expect(portal.currentDirectory()).toHaveText(walk.landsIn);
          await portal.assertRows([[ui('offer.MS-AZR-0044P'), walk.landsIn, ui('role.Owner')]]);
          await expect
            .poll(() => world.freeTrials())
            .toEqual([expect.objectContaining({ directory: walk.landsIn, accountAdmin: walk.picks })]);
        });
      });

      await proof(walk.proves, async () => {
        // The other directory has none: signed in there with Alice's other account, the portal says so.
        await page.goto('/portal/signin?prompt=select_account');
        await signIn.pickAccount(walk.other.account);
        await expect(page.getByTestId('current-directory')).toHaveText(walk.other.directory);
        await expect(page.getByText(ui('portal.noSubscriptions'))).toBeVisible();
      });
    });
  }
});
