import { expect, proves, test } from '../fixtures.js';
import { SubscriptionBlade } from '../pages/subscription-blade.js';
import { ALICE_CONTOSO } from '../support/accounts.js';
import { signInToPortal, signUpAs } from '../support/flows.js';

const MEGAN = 'megan@contoso.com';

test.describe('Pitfall 4: a Global administrator sees no Azure subscription without a role', () => {
  test('Megan sees Alice\'s Free Trial only after Alice gives her a role in Access control (IAM)', proves('pitfall-4', 'rule-global-admin-no-azure-access'), async ({ page, ui, world, privateWindow }) => {
    const alicePortal = await signUpAs(page, ui, ALICE_CONTOSO);

    const meganPage = await privateWindow();
    const meganPortal = await signInToPortal(meganPage, ui, MEGAN);
    await expect(meganPortal.noSubscriptions(), 'Global administrator, but no role on the subscription').toBeVisible();
    await meganPage.getByRole('link', { name: ui('portal.nav.adminCentre') }).click();
    await expect(meganPage.getByRole('table', { name: ui('portal.admin.heading') })).toContainText('Office 365 Enterprise E3');

    await alicePortal.openSubscription();
    const blade = new SubscriptionBlade(page, ui);
    await blade.openTab('portal.nav.iam');
    await blade.addRoleAssignment(MEGAN, 'Reader');
    await expect(blade.notice()).toHaveText(ui('portal.iam.added', { user: MEGAN, role: ui('role.Reader') }));
    expect(await blade.assignments()).toEqual([`${ALICE_CONTOSO}: ${ui('role.Owner')}`, `${MEGAN}: ${ui('role.Reader')}`]);

    await meganPortal.goTo();
    expect(await meganPortal.rows()).toEqual([[ui('offer.MS-AZR-0044P'), expect.any(String), 'Contoso', ui('role.Reader')]]);
    const [trial] = await world.freeTrials();
    const { subscriptions, accounts } = await world.state();
    const megan = accounts.find((a) => a.signInName === MEGAN);
    expect(subscriptions.find((s) => s.id === trial?.subscriptionId)?.roleAssignments).toContainEqual({ principalId: megan?.id, role: 'Reader' });
  });

  test('the admin centre is for Global administrators only', proves('rule-office-365-owned-by-directory'), async ({ page, ui }) => {
    await signInToPortal(page, ui, ALICE_CONTOSO);
    await expect(page.getByRole('link', { name: ui('portal.nav.adminCentre') })).toHaveCount(0);
    const response = await page.goto('/portal/admin-centre');
    expect(response?.status()).toBe(403);
    await expect(page.getByText(ui('portal.admin.notAdmin'))).toBeVisible();
  });
});
