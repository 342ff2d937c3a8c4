import { expect, test } from '../fixtures.js';
import { GOOD_CARD } from '../pages/sign-up.js';
import { blockingViolations, expectAccessible } from '../support/accessibility.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM, CAROL, DAVE, ERIN, PASSWORD } from '../support/accounts.js';
import { fillFormUpTo, signInToPortal, signInToSignUp } from '../support/flows.js';
import { TRAINER_KEY } from '../support/trainer-key.js';
import { AZURE_CLI } from '../../testkit/azure-cli.js';

import {
  expectEachAccessible,
  heading,
  PAGES_ANYONE_CAN_OPEN,
  PORTAL_PAGES,
  titled,
} from '../support/accessibility-pages.js';

/**
 * Every page of the mock, in the project's language, scanned with axe-core. A test scans at most
 * four pages in turn (a scan costs a second or two), so each stays far inside its timeout on a
 * slow machine, and its title names the pages it scans.
 */

test.describe('Accessibility: no serious or critical axe violation on any page', () => {
  for (const [title, visits] of PAGES_ANYONE_CAN_OPEN.map(titled)) {
    test(title, async ({ page, ui, portal, blade }) => {
      await expectEachAccessible({ page, ui, portal, blade }, visits);
    });
  }

  test("the trainer view: the class, and a learner's world read-only", async ({ page, world, ui }) => {
    const { code } = await world.state();
    await page.goto(`/trainer?key=${encodeURIComponent(TRAINER_KEY)}`);
    await expectAccessible(page, 'trainer: the class', page.getByRole('rowheader', { name: code, exact: true }));
    await page.getByRole('link', { name: code, exact: true }).click();
    await expectAccessible(page, 'trainer: a world, read-only', heading(page, ui('trainer.world.title', { code })));
  });

  test("a class: the trainer's class page, joining with a refused name, the learner's class page, the class with its learner", async ({
    pagesOn,
    page,
    ui,
    newVisitor,
  }) => {
    const trainer = pagesOn(page).trainer;
    await trainer.open(TRAINER_KEY);
    await trainer.startClass('Accessibility');
    await expectAccessible(page, "trainer: a class's page", trainer.classCode());
    const learnerPage = await newVisitor();
    const learner = pagesOn(learnerPage).classroom;
    await learnerPage.goto(await trainer.classJoinLink().inputValue());
    await learner.nameField().fill('Dana\u202E');
    await learnerPage.getByRole('button', { name: ui('class.join.button') }).click();
    await expectAccessible(
      learnerPage,
      'class: a refused name',
      learnerPage.getByText(ui('class.name.invisible-characters')),
    );
    await learner.joinAs('Dana');
    await expectAccessible(learnerPage, "class: the learner's class page", learner.membership().last());
    await trainer.assertLearner('Dana', 'not-yet', ui('progress.none'));
    await expectAccessible(page, 'trainer: a class with its learner', trainer.learnerRow('Dana'));
  });

  test.describe('sign-in', () => {
    test('device sign-in: Enter code, a wrong code, "Are you trying to sign in to Microsoft Azure CLI?", cancelled', async ({
      page,
      ui,
      signIn,
      pagesOn,
      request,
    }) => {
      const asked = await request.post('/login/organizations/v2.0/devicecode', {
        form: { client_id: AZURE_CLI.clientId, scope: 'https://management.azure.com//.default offline_access' },
      });
      expect(asked.status()).toBe(200);
      const { user_code: userCode, verification_uri: verificationUri } = (await asked.json()) as Record<string, string>;
      const device = pagesOn(page).deviceLogin;
      await page.goto(new URL(verificationUri ?? '').pathname);
      await expectAccessible(page, 'device sign-in: Enter code', device.codeField());
      await device.enterCode('BBBBBBBBB');
      await expectAccessible(page, 'device sign-in: a wrong code', device.error());
      await device.enterCode(userCode ?? '');
      await signIn.signIn(ALICE_CONTOSO, PASSWORD);
      await expectAccessible(page, 'device sign-in: Are you trying to sign in?', device.question(AZURE_CLI.name));
      await device.answer('cancel');
      await expectAccessible(page, 'device sign-in: cancelled', device.declined(AZURE_CLI.name));
      await expect(page.getByText(ui('login.device.declined', { app: AZURE_CLI.name }))).toBeVisible();
    });

    test('user name, password, a wrong password (AADSTS50126), Stay signed in?', async ({ page, ui, home, signIn }) => {
      await home.goTo();
      await home.clickStartFree();
      await expectAccessible(page, 'sign-in: user name', signIn.usernameField());
      await signIn.fillUsername(ALICE_CONTOSO);
      await expectAccessible(page, 'sign-in: password', page.getByLabel(ui('login.password')));
      await signIn.fillPassword('not-the-password');
      await expectAccessible(page, 'sign-in: wrong password (AADSTS50126)', page.getByText('AADSTS50126'));
      await signIn.fillPassword(PASSWORD);
      await expectAccessible(page, 'sign-in: Stay signed in?', heading(page, ui('login.kmsi.heading')));
    });

    test.describe('with alice@contoso.com remembered', () => {
      test.use({ rememberedAccounts: [ALICE_CONTOSO] });

      test("Pick an account, a tile's menu, work or personal", async ({ page, ui, signIn }) => {
        await page.goto('/signup/signin?prompt=select_account');
        await expectAccessible(page, 'sign-in: Pick an account', signIn.pickerHeading());
        await page.getByLabel(ui('login.tile.options', { account: ALICE_CONTOSO })).click();
        await expectAccessible(
          page,
          "sign-in: a tile's menu open",
          page.getByRole('button', { name: ui('login.tile.forget') }),
        );
        await signIn.clickUseAnotherAccount();
        await signIn.fillUsername(CAROL);
        await expectAccessible(page, 'sign-in: work or personal', heading(page, ui('login.which.heading')));
      });
    });

    test("Can't access your account?, and a locked account (AADSTS50053)", async ({ page, ui, signIn }) => {
      await page.goto('/signup/signin?prompt=login');
      await page.getByRole('link', { name: ui('login.noAccess') }).click();
      await expectAccessible(
        page,
        "sign-in: Can't access your account?",
        heading(page, ui('login.help.cant-access.heading')),
      );
      await page.getByRole('link', { name: ui('login.back') }).click();
      await signIn.fillUsername(ERIN);
      await signIn.fillPassword(PASSWORD);
      await expectAccessible(page, 'sign-in: locked (AADSTS50053)', page.getByText('AADSTS50053'));
    });
  });

  test.describe('sign-up', () => {
    test('About you, with a refused field, and the phone with a code sent', async ({ page, ui }) => {
      const signUp = await signInToSignUp(page, ui, ALICE_CONTOSO);
      await expectAccessible(page, 'sign-up: About you', signUp.section('signup.about'));
      await signUp.fillAboutYou({ ...ALICE_ABOUT, workPhone: 'x' });
      await expectAccessible(page, 'sign-up: About you with an error', signUp.errorSummary());
      await signUp.fillAboutYou(ALICE_ABOUT);
      await signUp.clickTextMe(ALICE_ABOUT.workPhone);
      await expectAccessible(page, 'sign-up: phone, code sent', signUp.verificationNotice());
    });

    test('the payment card, the agreement and the confirmation', async ({ page, ui }) => {
      const signUp = await fillFormUpTo(page, ui, 'card');
      await expectAccessible(
        page,
        'sign-up: payment card',
        page.getByText(ui('signup.phoneVerified', { phone: ALICE_ABOUT.workPhone })),
      );
      await signUp.fillCard(GOOD_CARD);
      await expectAccessible(page, 'sign-up: agreement', page.getByLabel(ui('signup.agree')));
      await signUp.acceptAgreementAndSignUp();
      await expectAccessible(page, 'sign-up: ready', signUp.readyHeading());
    });

    test('a refusal: Free Trial is not available', async ({ page, ui }) => {
      await signInToSignUp(page, ui, DAVE);
      await expectAccessible(
        page,
        'sign-up: Free Trial is not available',
        heading(page, ui('signup.refused.free-trial-used.heading')),
      );
    });
  });

  test.describe('portal, with a Free Trial in Fabrikam', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    for (const [title, visits] of PORTAL_PAGES.map(titled)) {
      test(title, async ({ page, ui, blade }) => {
        const portal = await signInToPortal(page, ui, ALICE_FABRIKAM);
        await expectEachAccessible({ page, ui, portal, blade }, visits);
      });
    }

    test('as megan@contoso.com, a Global administrator: no subscriptions found, the admin center, Pick an account after signing out', async ({
      page,
      ui,
      portal,
      signIn,
    }) => {
      await signInToPortal(page, ui, 'megan@contoso.com');
      await expectAccessible(page, 'portal: no subscriptions found', portal.noSubscriptions());
      await page.goto('/portal/admin-center');
      await expectAccessible(page, 'portal: admin center', heading(page, ui('portal.admin.heading')));
      await portal.clickSignOut('megan@contoso.com');
      await expectAccessible(
        page,
        'sign-in: Pick an account after signing out',
        signIn.tile('megan@contoso.com').getByText(ui('login.tile.signedOut')),
      );
    });
  });

  test('the scan itself catches what it must: an image without alt text and an unlabelled field', async ({ page }) => {
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>broken on purpose</title></head><body><main><img src="data:,"><input type="text"></main></body></html>',
    );
    const rules = (await blockingViolations(page)).map((violation) => violation.id);
    expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });
});
