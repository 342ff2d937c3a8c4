import { expect, proof, test } from '../fixtures.js';
import { ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';

const BOB = 'bob@contoso.com';
const MEGAN = 'megan@contoso.com';

test.describe('Pitfall 5: Change directory removes the access given before the move', () => {
  // Alice moved her Free Trial to Contoso, then gave access there: roles to Bob and Megan, Bob as co-administrator.
  test.use({
    arrange: {
      subscriptions: [
        {
          signedUpBy: ALICE_FABRIKAM,
          movedTo: 'Contoso',
          roleAssignments: [
            { principal: BOB, role: 'Contributor' },
            { principal: MEGAN, role: 'Reader' },
          ],
          coAdministrators: [BOB],
        },
      ],
    },
  });

  test("Bob's role, Megan's role and Bob as co-administrator, given in Contoso, are gone after moving back to Fabrikam", async ({
    page,
    ui,
    world,
    portal,
    blade,
  }) => {
    await proof('pitfall-5', () =>
      proof('rule-change-directory', async () => {
        await signInToPortal(page, ui, ALICE_FABRIKAM);
        await portal.switchDirectory('Contoso');
        await portal.openSubscription();
        await blade.openTab('portal.nav.iam');
        await blade.assertAssignments([
          [ALICE_FABRIKAM, 'Owner'],
          [BOB, 'Contributor'],
          [MEGAN, 'Reader'],
        ]);
        await blade.openTab('portal.nav.administrators');
        await expect(blade.coAdministrators()).toHaveText([`${BOB} ${ui('portal.admins.remove')}`]);

        await blade.openTab('portal.nav.changeDirectory');
        await blade.changeDirectoryTo('Fabrikam');
        await portal.switchDirectory('Fabrikam');
        await portal.openSubscription();
        await blade.openTab('portal.nav.iam');
        await blade.assertAssignments([[ALICE_FABRIKAM, 'Owner']]);
        await blade.openTab('portal.nav.administrators');
        await expect(page.getByText(ui('portal.admins.noCoAdmins'))).toBeVisible();

        await expect
          .poll(() => world.freeTrials(), "only the mover's own access is left")
          .toEqual([
            expect.objectContaining({ directory: 'Fabrikam', accountAdmin: ALICE_FABRIKAM, owners: [ALICE_FABRIKAM] }),
          ]);
        await expect
          .poll(
            async () =>
              (await world.state()).subscriptions.find((s) => s.id === world.arrangedSubscriptionIds[0])
                ?.coAdministratorIds,
          )
          .toEqual([]);
      }),
    );
  });
});
