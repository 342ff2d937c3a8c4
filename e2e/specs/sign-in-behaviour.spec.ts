import { LOCKOUT_THRESHOLD } from '../../mock-portal/src/world/lockout.js';
import { expect, test } from '../fixtures.js';
import { loginPagesShownDuring } from '../support/login-pages.js';
import { ALICE_CONTOSO, PASSWORD } from '../support/accounts.js';

test.describe('Sign-in: lockout', () => {
  test(`${LOCKOUT_THRESHOLD} wrong passwords in a row lock the account: then even the right one gets AADSTS50053`, async ({
    page,
    ui,
    signIn,
  }) => {
    await page.goto('/portal/');
    await signIn.fillUsername(ALICE_CONTOSO);
    for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt += 1) {
      await signIn.fillPassword(`wrong-${attempt}`);
      await expect(signIn.error()).toContainText('AADSTS50126');
    }
    await signIn.fillPassword(PASSWORD);
    await expect(signIn.error()).toContainText(ui('login.error.AADSTS50053'));
    await expect(signIn.error()).toContainText('AADSTS50053');
  });
});

test.describe('Sign-in: Stay signed in?', () => {
  test('Yes: after a browser restart the portal signs Alice in again with no page at all', async ({
    pagesOn,
    page,
    restartBrowser,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/');
    await signIn.fillUsername(ALICE_CONTOSO);
    await signIn.fillPassword(PASSWORD);
    await signIn.answerStaySignedIn(true);
    await expect(portal.heading()).toBeVisible();

    const reopened = await restartBrowser();
    const reopenedPortal = pagesOn(reopened).portal;
    const shown = await loginPagesShownDuring(reopened, async () => {
      await reopened.goto('/portal/');
      await expect(reopenedPortal.heading()).toBeVisible();
    });
    expect(shown, 'no sign-in page was shown on the way').toEqual([]);
    await expect(reopenedPortal.signedInAccount()).toHaveText(ALICE_CONTOSO);
  });

  test('No: after a browser restart the sign-in page asks again', async ({
    pagesOn,
    page,
    restartBrowser,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/');
    await signIn.signIn(ALICE_CONTOSO, PASSWORD);
    await expect(portal.heading()).toBeVisible();

    const reopened = await restartBrowser();
    await reopened.goto('/portal/');
    await expect(pagesOn(reopened).signIn.usernameField()).toBeVisible();
  });
});

test.describe('Sign-in: one remembered account', () => {
  test.use({ rememberedAccounts: [ALICE_CONTOSO] });

  test('Sign out ends the portal session and the sign-in; the tile stays, and picking it asks for the password', async ({
    page,
    ui,
    signIn,
    portal,
  }) => {
    await portal.goTo();
    await expect(portal.signedInAccount(), 'signed in again silently').toHaveText(ALICE_CONTOSO);

    await portal.clickSignOut(ALICE_CONTOSO);
    await expect(signIn.pickerHeading()).toBeVisible();
    await expect(signIn.tile(ALICE_CONTOSO)).toContainText(ui('login.tile.signedOut'));
    await signIn.pickAccount(ALICE_CONTOSO);
    await expect(page.getByTestId('login-identity')).toHaveText(ALICE_CONTOSO);
    await signIn.finishWithPassword(PASSWORD);
    await expect(portal.signedInAccount()).toHaveText(ALICE_CONTOSO);
  });

  test('prompt=login asks for the user name and password although Alice is signed in', async ({
    page,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/signin?prompt=login');
    await expect(signIn.usernameField()).toBeVisible();
    await signIn.signIn(ALICE_CONTOSO, PASSWORD);
    await expect(portal.signedInAccount()).toHaveText(ALICE_CONTOSO);
  });

  test('prompt=select_account shows Pick an account even with one account', async ({ page, signIn, portal }) => {
    await page.goto('/portal/signin?prompt=select_account');
    await expect(signIn.pickerHeading()).toBeVisible();
    await expect(signIn.tiles()).toHaveCount(1);
    await signIn.pickAccount(ALICE_CONTOSO);
    await expect(portal.signedInAccount()).toHaveText(ALICE_CONTOSO);
  });

  test("login_hint naming another account goes to that account's password, not the remembered one", async ({
    page,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/signin?login_hint=bob%40contoso.com');
    await expect(page.getByTestId('login-identity')).toHaveText('bob@contoso.com');
    await signIn.finishWithPassword(PASSWORD);
    await expect(portal.signedInAccount()).toHaveText('bob@contoso.com');
  });
});
