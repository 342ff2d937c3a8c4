import { expect, proof, test } from '../fixtures.js';
import { ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';

test.describe('After the trap: Change directory moves the Free Trial where it belongs', () => {
  // Where the trap left Alice: her Free Trial signed up as alice@fabrikam.com, so in Fabrikam.
  test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

  test('alice@fabrikam.com moves her Free Trial to Contoso: it then shows in Contoso and not in Fabrikam', async ({
    page,
    ui,
    world,
    portal,
    blade,
  }) => {
    await signInToPortal(page, ui, ALICE_FABRIKAM);
    await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Fabrikam', ui('role.Owner')]]);

    // The remedy proves Change directory, not the trap it starts from (arranged, not reproduced).
    await proof('rule-change-directory', async () => {
      await portal.openSubscription();
      await blade.openTab('portal.nav.changeDirectory');
      await blade.changeDirectoryTo('Contoso');
      await expect(page.getByRole('status')).toHaveText(ui('portal.change.done', { directory: 'Contoso' }));
      await expect(portal.noSubscriptions(), 'Fabrikam, still the current directory, has none now').toBeVisible();

      await portal.switchDirectory('Contoso');
      await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
      await portal.openSubscription();
      await blade.openTab('portal.nav.properties');
      await expect(blade.fact('account-admin'), 'billing ownership stays').toHaveText(ALICE_FABRIKAM);
      await expect(blade.fact('subscription-directory')).toContainText('Contoso');
      await expect
        .poll(() => world.freeTrials())
        .toEqual([
          expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_FABRIKAM, owners: [ALICE_FABRIKAM] }),
        ]);
    });
  });
});
