import { expect, proof, test } from '../fixtures.js';
import { ALICE_CONTOSO } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';

const MEGAN = 'megan@contoso.com';

test.describe('Pitfall 4: a Global administrator sees no Azure subscription without a role', () => {
  test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

  test("Megan sees Alice's Free Trial only after Alice gives her a role in Access control (IAM)", async ({
    page,
    ui,
    world,
    privateWindow,
    blade,
  }) => {
    await proof('pitfall-4', () =>
      proof('rule-global-admin-no-azure-access', async () => {
        const alicePortal = await signInToPortal(page, ui, ALICE_CONTOSO);

        const meganPage = await privateWindow();
        const meganPortal = await signInToPortal(meganPage, ui, MEGAN);
        await expect(
          meganPortal.noSubscriptions(),
          'Global administrator, but no role on the subscription',
        ).toBeVisible();
        await meganPage.getByRole('link', { name: ui('portal.nav.adminCenter') }).click();
        await expect(meganPage.getByRole('table', { name: ui('portal.admin.heading') })).toContainText(
          'Office 365 Enterprise E3',
        );

        await alicePortal.openSubscription();
        await blade.openTab('portal.nav.iam');
        await blade.addRoleAssignment(MEGAN, 'Reader');
        await expect(blade.notice()).toHaveText(ui('portal.iam.added', { user: MEGAN, role: ui('role.Reader') }));
        await blade.assertAssignments([
          [ALICE_CONTOSO, 'Owner'],
          [MEGAN, 'Reader'],
        ]);

        await meganPortal.goTo();
        await meganPortal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Reader')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Contoso', owners: [ALICE_CONTOSO] })]);
        const megan = (await world.state()).accounts.find((account) => account.signInName === MEGAN);
        await expect
          .poll(
            async () =>
              (await world.state()).subscriptions.find((s) => s.id === world.arrangedSubscriptionIds[0])
                ?.roleAssignments,
          )
          .toContainEqual({ principalId: megan?.id, role: 'Reader' });
      }),
    );
  });

  test('the admin center is for Global administrators only', async ({ page, ui }) => {
    await proof('rule-office-365-owned-by-directory', async () => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await expect(page.getByRole('link', { name: ui('portal.nav.adminCenter') })).toHaveCount(0);
      const response = await page.goto('/portal/admin-center');
      expect(response?.status()).toBe(403);
      await expect(page.getByText(ui('portal.admin.notAdmin'))).toBeVisible();
    });
  });
});
