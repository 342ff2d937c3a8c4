import { expect, proves, test } from '../fixtures.js';
import { SubscriptionBlade } from '../pages/subscription-blade.js';
import { ALICE_FABRIKAM } from '../support/accounts.js';
import { signUpAs } from '../support/flows.js';

const BOB = 'bob@contoso.com';
const MEGAN = 'megan@contoso.com';

test.describe('Pitfall 5: Change directory removes the access given before the move', () => {
  test('Bob\'s role, Megan\'s role and Bob as co-administrator, given in Contoso, are gone after moving back to Fabrikam', proves('pitfall-5', 'rule-change-directory'), async ({ page, ui, world }) => {
    const portal = await signUpAs(page, ui, ALICE_FABRIKAM);
    const blade = new SubscriptionBlade(page, ui);
    await portal.openSubscription();
    await blade.openTab('portal.nav.changeDirectory');
    await blade.changeDirectoryTo('Contoso');
    await portal.switchDirectory('Contoso');
    await portal.openSubscription();

    await blade.openTab('portal.nav.iam');
    await blade.addRoleAssignment(BOB, 'Contributor');
    await blade.addRoleAssignment(MEGAN, 'Reader');
    expect(await blade.assignments()).toEqual([`${ALICE_FABRIKAM}: ${ui('role.Owner')}`, `${BOB}: ${ui('role.Contributor')}`, `${MEGAN}: ${ui('role.Reader')}`]);
    await blade.openTab('portal.nav.administrators');
    await blade.addCoAdministrator(BOB);
    await expect(blade.coAdministrators()).toHaveCount(1);

    await blade.openTab('portal.nav.changeDirectory');
    await blade.changeDirectoryTo('Fabrikam');
    await portal.switchDirectory('Fabrikam');
    await portal.openSubscription();
    await blade.openTab('portal.nav.iam');
    expect(await blade.assignments(), 'only the mover\'s own access is left').toEqual([`${ALICE_FABRIKAM}: ${ui('role.Owner')}`]);
    await blade.openTab('portal.nav.administrators');
    await expect(page.getByText(ui('portal.admins.noCoAdmins'))).toBeVisible();

    const { subscriptions } = await world.state();
    const [trial] = await world.freeTrials();
    const moved = subscriptions.find((s) => s.id === trial?.subscriptionId);
    expect(trial).toEqual(expect.objectContaining({ directory: 'Fabrikam', accountAdmin: ALICE_FABRIKAM }));
    expect(moved?.roleAssignments).toHaveLength(1);
  });
});
