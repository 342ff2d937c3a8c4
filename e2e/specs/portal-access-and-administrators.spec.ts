import { expect, proof, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';

const BOB = 'bob@contoso.com';

test.describe('The portal: access control and administrators follow the rules', () => {
  // Alice's Free Trial, signed up as alice@contoso.com: the subject is what she does with it.
  test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

  test('Properties shows Alice as Account admin and Service admin; she adds a co-administrator, then hands Service admin to Bob', async ({
    page,
    ui,
    portal,
    blade,
  }) => {
    await proof('rule-signer-is-owner', () =>
      proof('rule-administrators', async () => {
        await signInToPortal(page, ui, ALICE_CONTOSO);
        await portal.openSubscription();
        await blade.openTab('portal.nav.properties');
        await expect(blade.fact('account-admin')).toHaveText(ALICE_CONTOSO);
        await expect(blade.fact('service-admin')).toHaveText(ALICE_CONTOSO);
        await expect(blade.fact('subscription-directory')).toContainText('Contoso');

        await blade.openTab('portal.nav.administrators');
        await blade.addCoAdministrator(ALICE_FABRIKAM);
        await expect(blade.notice()).toHaveText(ui('portal.admins.changed'));
        await blade.addCoAdministrator(BOB);
        await expect(blade.coAdministrators()).toHaveText([
          `${ALICE_FABRIKAM} ${ui('portal.admins.remove')}`,
          `${BOB} ${ui('portal.admins.remove')}`,
        ]);
        await page.getByRole('button', { name: ui('portal.admins.removeLabel', { user: BOB }) }).click();
        await expect(blade.coAdministrators()).toHaveText([`${ALICE_FABRIKAM} ${ui('portal.admins.remove')}`]);
        await blade.changeServiceAdminTo(BOB);
        await expect(blade.notice()).toHaveText(ui('portal.admins.changed'));

        // No longer Service admin nor co-administrator, Alice may not change co-administrators.
        await blade.addCoAdministrator('megan@contoso.com');
        await expect(blade.refusal()).toHaveText(ui('portal.refused.not-service-admin'));
        await blade.openTab('portal.nav.properties');
        await expect(blade.fact('service-admin')).toHaveText(BOB);
        await expect(blade.fact('account-admin'), 'billing ownership does not move').toHaveText(ALICE_CONTOSO);
      }),
    );
  });

  test('the last Owner cannot be removed, and a Contributor cannot grant access', async ({
    pagesOn,
    page,
    ui,
    privateWindow,
    portal,
    blade,
  }) => {
    await proof('rule-access-control', async () => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await portal.openSubscription();
      await blade.openTab('portal.nav.iam');
      await page
        .getByRole('button', { name: ui('portal.iam.removeLabel', { role: ui('role.Owner'), user: ALICE_CONTOSO }) })
        .click();
      await expect(blade.refusal()).toHaveText(ui('portal.refused.last-owner'));
      await blade.addRoleAssignment(BOB, 'Contributor');
      await blade.addRoleAssignment(ALICE_FABRIKAM, 'Reader');
      // alice@fabrikam.com is a guest of Contoso: a guest can be given a role too.
      await blade.assertAssignments([
        [ALICE_CONTOSO, 'Owner'],
        [BOB, 'Contributor'],
        [ALICE_FABRIKAM, 'Reader'],
      ]);

      const bobPage = await privateWindow();
      const bobPortal = await signInToPortal(bobPage, ui, BOB);
      await bobPortal.openSubscription();
      const bobBlade = pagesOn(bobPage).blade;
      await bobBlade.openTab('portal.nav.iam');
      await bobBlade.addRoleAssignment('megan@contoso.com', 'Reader');
      await expect(bobBlade.refusal()).toHaveText(ui('portal.refused.not-owner'));
      await bobBlade.assertAssignments([
        [ALICE_CONTOSO, 'Owner'],
        [BOB, 'Contributor'],
        [ALICE_FABRIKAM, 'Reader'],
      ]);
    });
  });

  test('a co-administrator who is not an Owner cannot change the directory', async ({
    pagesOn,
    page,
    ui,
    privateWindow,
    world,
    portal,
    blade,
  }) => {
    await proof('rule-co-admin-cannot-move', async () => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await portal.openSubscription();
      await blade.openTab('portal.nav.administrators');
      await blade.addCoAdministrator(ALICE_FABRIKAM);

      const coAdminPage = await privateWindow();
      const coAdminPortal = await signInToPortal(coAdminPage, ui, ALICE_FABRIKAM);
      await coAdminPortal.switchDirectory('Contoso');
      await coAdminPortal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.CoAdministrator')]]);
      await coAdminPortal.openSubscription();
      const coAdminBlade = pagesOn(coAdminPage).blade;
      await coAdminBlade.openTab('portal.nav.changeDirectory');
      await coAdminBlade.changeDirectoryTo('Fabrikam');
      await expect(coAdminBlade.refusal()).toHaveText(ui('portal.refused.co-admin-cannot-move'));
      await expect.poll(() => world.freeTrials()).toEqual([expect.objectContaining({ directory: 'Contoso' })]);
    });
  });

  test("the directory overview draws Contoso's Office 365 subscription under the directory and the new Free Trial under Alice", async ({
    page,
    ui,
  }) => {
    await proof('rule-office-365-owned-by-directory', async () => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await page.getByRole('link', { name: ui('portal.nav.directoryOverview') }).click();
      const relations = page.getByTestId('diagram-relations');
      await expect(relations).toContainText(ui('portal.diagram.office365', { name: 'Office 365 Enterprise E3' }));
      await expect(relations).toContainText(
        ui('portal.diagram.azure', { offer: ui('offer.MS-AZR-0044P'), owner: ALICE_CONTOSO }),
      );
      await expect(
        page.getByRole('group', { name: ui('portal.diagram.title', { directory: 'Contoso' }) }),
      ).toBeVisible();
    });
  });
});
