import { expect, proof, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, DAVE } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';

test.describe('The portal: directories, and signing in without a subscription', () => {
  test('Switch directory lists Fabrikam (member) and Contoso (guest) for alice@fabrikam.com; Contoso has no subscriptions for her', async ({
    page,
    ui,
    portal,
  }) => {
    await signInToPortal(page, ui, ALICE_FABRIKAM);
    await expect(portal.currentDirectory()).toHaveText('Fabrikam');
    await page
      .getByRole('link', { name: ui('portal.switchDirectory') })
      .first()
      .click();
    const table = page.getByRole('table', { name: ui('portal.directories.heading') });
    await expect(table.getByRole('row').filter({ hasText: 'Fabrikam' })).toContainText(ui('portal.directories.member'));
    await expect(table.getByRole('row').filter({ hasText: 'Contoso' })).toContainText(ui('portal.directories.guest'));

    await portal.switchDirectory('Contoso');
    await expect(portal.noSubscriptions()).toBeVisible();
    await expect(page.getByRole('link', { name: ui('portal.signUp') })).toBeVisible();
  });

  test("the article's first paragraph: signed in with Office 365 credentials alone, creating a virtual machine is refused with a prompt to sign up", async ({
    page,
    ui,
    world,
  }) => {
    await proof('rule-portal-without-subscription', async () => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await page.getByRole('link', { name: ui('portal.nav.createVm') }).click();
      await expect(page.getByTestId('vm-needs-subscription')).toHaveText(ui('portal.vm.needSubscription'));
      await page.getByRole('link', { name: ui('portal.signUp') }).click();
      await expect(page.getByRole('heading', { level: 1, name: ui('signup.heading') })).toBeVisible();
      await expect.poll(() => world.freeTrials()).toEqual([]);
    });
  });

  test('a subscription id that is not yours is a 404 page, not a peek (its owner opens the same address)', async ({
    page,
    ui,
    world,
    privateWindow,
  }) => {
    const davesId =
      (await world.placements()).find((placement) => placement.accountAdmin === DAVE)?.subscriptionId ?? '';
    expect(davesId, "Dave's Pay-As-You-Go is in the seeded world").toMatch(/^[0-9a-f-]{36}$/);
    const address = `/portal/subscriptions/${davesId}/access-control`;

    const dave = await privateWindow();
    await signInToPortal(dave, ui, DAVE);
    expect((await dave.goto(address))?.status(), 'the address itself is good: Dave, its owner, opens it').toBe(200);

    await signInToPortal(page, ui, ALICE_CONTOSO);
    expect((await page.goto(address))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: ui('error.notFound.title') })).toBeVisible();
  });
});
