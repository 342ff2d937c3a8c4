import type { MessageKey } from '../../mock-portal/src/i18n/index.js';
import { expect, test } from '../fixtures.js';
import { GOOD_CARD } from '../pages/sign-up.js';
import { blockingViolations, expectAccessible } from '../support/accessibility.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM, CAROL, DAVE, ERIN, PASSWORD } from '../support/accounts.js';
import { signInToPortal, signInToSignUp } from '../support/flows.js';
import { TRAINER_KEY } from '../support/trainer-key.js';

/** Every page of the mock, in the project's language, scanned with axe-core. */
test.describe('Accessibility: no serious or critical axe violation on any page', () => {
  test("Azure.com, Scenarios, the free-account page, the not-found page and the sign-in service's own error page", async ({
    page,
    ui,
  }) => {
    for (const [name, url, heading] of [
      ['home', '/', ui('home.heading')],
      ['free account', '/free', ui('free.heading')],
      ['scenarios', '/scenarios', ui('scenarios.heading')],
      ['not found', '/no-such-page', ui('error.notFound.title')],
      ['sign-in error', '/login/auth?client_id=no-such-client', ui('error.signIn.title')],
    ] as const) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1, name: heading }), `${name} is showing`).toBeVisible();
      await expectAccessible(page, name);
    }
  });

  test('the trainer view, a world read-only, the key refusal and the world-gone page', async ({ page, world, ui }) => {
    const { code } = await world.state();
    await page.goto('/trainer');
    await expect(page.getByRole('heading', { level: 1, name: ui('trainer.keyNeeded.title') })).toBeVisible();
    await expectAccessible(page, 'trainer: key needed');
    await page.goto(`/trainer?key=${encodeURIComponent(TRAINER_KEY)}`);
    await expect(page.getByRole('rowheader', { name: code, exact: true })).toBeVisible();
    await expectAccessible(page, 'trainer: the class');
    await page.getByRole('link', { name: code, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: ui('trainer.world.title', { code }) })).toBeVisible();
    await expectAccessible(page, 'trainer: a world, read-only');
    await page.goto('/worlds/join/no-such-world');
    await expect(page.getByRole('heading', { level: 1, name: ui('world.gone.title') })).toBeVisible();
    await expectAccessible(page, 'a world that has gone');
  });

  test("sign-in: user name, password with an error, Stay signed in?, Pick an account and a tile's menu, work or personal, Can't access your account?, locked", async ({
    page,
    ui,
    home,
    signIn,
  }) => {
    const heading = (key: MessageKey) => page.getByRole('heading', { level: 1, name: ui(key) });
    await home.goTo();
    await home.clickStartFree();
    await expectAccessible(page, 'sign-in: user name', signIn.usernameField());
    await signIn.fillUsername(ALICE_CONTOSO);
    await expectAccessible(page, 'sign-in: password', page.getByLabel(ui('login.password')));
    await signIn.fillPassword('not-the-password');
    await expect(page.getByText('AADSTS50126')).toBeVisible();
    await expectAccessible(page, 'sign-in: wrong password (AADSTS50126)');
    await signIn.fillPassword(PASSWORD);
    await expectAccessible(page, 'sign-in: Stay signed in?', heading('login.kmsi.heading'));
    await signIn.answerStaySignedIn(false);

    await page.goto('/signup/signin?prompt=select_account');
    await expect(signIn.pickerHeading()).toBeVisible();
    await expectAccessible(page, 'sign-in: Pick an account');
    await page.getByLabel(ui('login.tile.options', { account: ALICE_CONTOSO })).click();
    await expectAccessible(
      page,
      "sign-in: a tile's menu open",
      page.getByRole('button', { name: ui('login.tile.forget') }),
    );
    await signIn.clickUseAnotherAccount();
    await signIn.fillUsername(CAROL);
    await expectAccessible(page, 'sign-in: work or personal', heading('login.which.heading'));

    await page.goto('/signup/signin?prompt=login');
    await page.getByRole('link', { name: ui('login.noAccess') }).click();
    await expectAccessible(page, "sign-in: Can't access your account?", heading('login.help.cant-access.heading'));
    await page.getByRole('link', { name: ui('login.back') }).click();
    await signIn.fillUsername(ERIN);
    await signIn.fillPassword(PASSWORD);
    await expect(page.getByText('AADSTS50053')).toBeVisible();
    await expectAccessible(page, 'sign-in: locked (AADSTS50053)');
  });

  test('sign-up: every section, a refused field, the confirmation and a refusal', async ({
    page,
    ui,
    signIn,
    signUp,
  }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await expectAccessible(page, 'sign-up: About you', signUp.section('signup.about'));
    await signUp.fillAboutYou({ ...ALICE_ABOUT, workPhone: 'x' });
    await expect(signUp.errorSummary()).toBeVisible();
    await expectAccessible(page, 'sign-up: About you with an error');
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.clickTextMe(ALICE_ABOUT.workPhone);
    await expectAccessible(page, 'sign-up: phone, code sent', signUp.verificationNotice());
    await signUp.fillVerificationCode(await signUp.readSentCode());
    await expectAccessible(
      page,
      'sign-up: payment card',
      page.getByText(ui('signup.phoneVerified', { phone: ALICE_ABOUT.workPhone })),
    );
    await signUp.fillCard(GOOD_CARD);
    await expectAccessible(page, 'sign-up: agreement', page.getByLabel(ui('signup.agree')));
    await signUp.acceptAgreementAndSignUp();
    await expect(signUp.readyHeading()).toBeVisible();
    await expectAccessible(page, 'sign-up: ready');

    await page.goto('/signup/signin?prompt=login');
    await signIn.fillUsername(DAVE);
    await signIn.finishWithPassword(PASSWORD);
    await expect(
      page.getByRole('heading', { level: 1, name: ui('signup.refused.free-trial-used.heading') }),
    ).toBeVisible();
    await expectAccessible(page, 'sign-up: Free Trial is not available');
  });

  test.describe('with a Free Trial in Fabrikam', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test("portal: subscriptions, the subscription's pages and Add pane, directories, the diagram, create a VM, Help + support", async ({
      page,
      ui,
      portal,
      blade,
    }) => {
      await signInToPortal(page, ui, ALICE_FABRIKAM);
      await expectAccessible(page, 'portal: subscriptions', portal.heading());
      await portal.openSubscription();
      await expectAccessible(
        page,
        'portal: overview',
        page.getByRole('heading', { level: 1, name: ui('offer.MS-AZR-0044P') }),
      );
      for (const tab of ['portal.nav.iam', 'portal.nav.properties', 'portal.nav.administrators'] as const) {
        await blade.openTab(tab);
        await expect(blade.menuLink(tab), `${ui(tab)} is the tab showing`).toHaveAttribute('aria-current', 'page');
        await expectAccessible(page, `portal: ${ui(tab)}`);
      }
      await blade.openTab('portal.nav.iam');
      await blade
        .commandBar()
        .getByRole('link', { name: ui('portal.iam.add') })
        .click();
      await expectAccessible(
        page,
        "portal: Access control's Add pane",
        page.getByRole('complementary', { name: ui('portal.iam.addPermissions') }),
      );
      await blade.openTab('portal.nav.changeDirectory');
      await expectAccessible(
        page,
        'portal: Change directory',
        page.getByRole('heading', { level: 1, name: new RegExp(ui('portal.nav.changeDirectory')) }),
      );
      for (const [name, url, heading] of [
        ['switch directory', '/portal/directories', ui('portal.directories.heading')],
        ['directory overview', '/portal/directory-overview', ui('portal.diagram.heading', { directory: 'Fabrikam' })],
        ['create a virtual machine', '/portal/create/virtual-machine', ui('portal.vm.heading')],
        ['Help + support', '/portal/help', ui('portal.nav.help')],
      ] as const) {
        await page.goto(url);
        await expectAccessible(page, `portal: ${name}`, page.getByRole('heading', { level: 1, name: heading }));
      }
      await portal.switchDirectory('Contoso');
      await expectAccessible(page, 'portal: no subscriptions found', portal.noSubscriptions());
    });
  });

  test('portal as a Global administrator: the admin center, then Pick an account after signing out', async ({
    page,
    ui,
    signIn,
    portal,
  }) => {
    await signInToPortal(page, ui, 'megan@contoso.com');
    await page.goto('/portal/admin-center');
    await expectAccessible(
      page,
      'portal: admin center',
      page.getByRole('heading', { level: 1, name: ui('portal.admin.heading') }),
    );
    await portal.clickSignOut('megan@contoso.com');
    await expect(signIn.tile('megan@contoso.com')).toContainText(ui('login.tile.signedOut'));
    await expectAccessible(page, 'sign-in: Pick an account after signing out');
  });

  test('the scan itself catches what it must: an image without alt text and an unlabelled field', async ({ page }) => {
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>broken on purpose</title></head><body><main><img src="data:,"><input type="text"></main></body></html>',
    );
    const rules = (await blockingViolations(page)).map((violation) => violation.id);
    expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });
});
