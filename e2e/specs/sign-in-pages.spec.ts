import { expect, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import { loginPagesShownDuring } from '../support/login-pages.js';

test.describe("Sign-in pages as Microsoft's of 2017", () => {
  test("the fields carry their names inside them, and Can't access your account? and Forgot my password say what Microsoft's would do", async ({
    page,
    ui,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/');
    await expect(signIn.usernameField()).toHaveAttribute('placeholder', ui('login.username'));
    await page.getByRole('link', { name: ui('login.noAccess') }).click();
    await expect(page.getByRole('heading', { level: 1, name: ui('login.help.cant-access.heading') })).toBeVisible();
    await expect(page.getByText(ui('login.help.mock', { password: PASSWORD }))).toBeVisible();
    await page.getByRole('link', { name: ui('login.back') }).click();

    await signIn.fillUsername(ALICE_CONTOSO);
    await expect(signIn.passwordField()).toHaveAttribute('placeholder', ui('login.password'));
    await page.getByRole('link', { name: ui('login.forgotPassword') }).click();
    await expect(page.getByRole('heading', { level: 1, name: ui('login.help.forgot-password.heading') })).toBeVisible();
    await page.getByRole('link', { name: ui('login.back') }).click();

    await signIn.signIn(ALICE_CONTOSO, PASSWORD);
    await expect(portal.signedInAccount(), 'the same sign-in went on after each help page').toHaveText(ALICE_CONTOSO);
  });

  test("Don't show this again keeps the answer to Stay signed in? for this browser", async ({
    page,
    ui,
    signIn,
    portal,
  }) => {
    await page.goto('/portal/');
    await signIn.fillUsername(ALICE_CONTOSO);
    await signIn.fillPassword(PASSWORD);
    await page.getByLabel(ui('login.kmsi.dontShowAgain')).check();
    await signIn.answerStaySignedIn(false);
    await expect(portal.signedInAccount()).toHaveText(ALICE_CONTOSO);

    const shown = await loginPagesShownDuring(page, async () => {
      await page.goto('/portal/signin?prompt=login');
      await signIn.fillUsername(ALICE_FABRIKAM);
      await signIn.fillPassword(PASSWORD);
      await expect(portal.signedInAccount()).toHaveText(ALICE_FABRIKAM);
    });
    expect(
      shown.filter((path) => path.endsWith('/stay-signed-in')),
      'Stay signed in? was not asked again',
    ).toEqual([]);
  });
});

test.describe('Pick an account: each tile has a menu', () => {
  test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

  test('Forget takes the account off the list; Sign out keeps its tile, and picking it asks for the password', async ({
    page,
    ui,
    home,
    signIn,
  }) => {
    await home.goTo();
    await home.clickStartFree();
    await expect(signIn.tiles()).toHaveCount(2);

    await page.getByLabel(ui('login.tile.options', { account: ALICE_FABRIKAM })).click();
    await page.getByRole('button', { name: ui('login.tile.forget') }).click();
    await expect(signIn.tiles()).toHaveCount(1);
    await expect(signIn.tile(ALICE_FABRIKAM)).toHaveCount(0);

    await page.getByLabel(ui('login.tile.options', { account: ALICE_CONTOSO })).click();
    await page.getByRole('button', { name: ui('login.tile.signOut') }).click();
    await expect(signIn.tile(ALICE_CONTOSO)).toContainText(ui('login.tile.signedOut'));
    await signIn.pickAccount(ALICE_CONTOSO);
    await expect(page.getByTestId('login-identity')).toHaveText(ALICE_CONTOSO);
    await expect(signIn.passwordField()).toBeVisible();
  });
});
