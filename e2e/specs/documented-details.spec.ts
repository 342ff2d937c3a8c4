import { expect, test } from '../fixtures.js';
import { GOOD_CARD } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO } from '../support/accounts.js';
import { fillFormUpTo, signInToPortal, signInToSignUp } from '../support/flows.js';

/** What the docs say the mock does, which no other test showed: each proven through the pages. */
test.describe('Step 4 in detail: phone verification, the card, the offers', () => {
  test('Call me: the code comes by a call, and it verifies the phone', async ({ page, ui, signUp }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.field('signup.phoneNumber').fill(ALICE_ABOUT.workPhone);
    await page.getByRole('button', { name: ui('signup.callMe') }).click();
    const code = await signUp.readSentCode();
    await expect(signUp.verificationNotice()).toHaveText(
      ui('signup.codeSent.call', { phone: ALICE_ABOUT.workPhone, code }),
    );
    await signUp.fillVerificationCode(code);
    await expect(page.getByText(ui('signup.phoneVerified', { phone: ALICE_ABOUT.workPhone }))).toBeVisible();
  });

  test('five wrong codes use the code up: even the right one is then refused until a new one is sent', async ({
    page,
    ui,
    signUp,
  }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.clickTextMe(ALICE_ABOUT.workPhone);
    const code = await signUp.readSentCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signUp.fillVerificationCode(wrong);
      await signUp.assertFieldError('signup.code', ui('signup.error.codeWrong'));
    }
    await signUp.fillVerificationCode(code);
    await expect(signUp.field('signup.code'), 'the used-up code is gone').toHaveAccessibleDescription(
      ui('signup.error.codeNotSent'),
    );
  });

  test('changing the phone number after verifying it undoes the verification', async ({ page, ui, signUp }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.verifyPhone(ALICE_ABOUT.workPhone);
    await expect(page.getByText(ui('signup.phoneVerified', { phone: ALICE_ABOUT.workPhone }))).toBeVisible();
    await signUp.change('signup.phone');
    await signUp.field('signup.phoneNumber').fill('+1 425 555 0199');
    await signUp.fillCard(GOOD_CARD);
    await signUp.assertFieldError('signup.phoneNumber', ui('signup.error.phoneUnverified'));
  });

  test('the card number is never kept: the form forgets it and the subscription has none', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await fillFormUpTo(page, ui, 'agreement');
    const digits = GOOD_CARD.number.replaceAll(' ', '');
    // Neither as text nor in any field's value: the page's whole markup, with the digits in any spacing.
    await expect.poll(async () => (await page.content()).replace(/\s/g, '')).not.toContain(digits);
    await expect(page.getByText(ui('signup.cardVerified', { last4: '1111' }))).toBeVisible();
    await expect(signUp.field('signup.cardNumber'), 'a verified card is never shown as an empty form').toHaveCount(0);
    await signUp.acceptAgreementAndSignUp();
    await expect(signUp.readyHeading()).toBeVisible();
    await expect
      .poll(async () => JSON.stringify(await world.state()).includes(digits), 'the card number is nowhere in state')
      .toBe(false);
  });

  test('the offers box is optional: ticked, the sign-up completes as without it', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await fillFormUpTo(page, ui, 'agreement');
    await page.getByLabel(ui('signup.offers')).check();
    await signUp.acceptAgreementAndSignUp();
    await expect(signUp.readyHeading()).toBeVisible();
    await expect.poll(() => world.freeTrials()).toEqual([expect.objectContaining({ directory: 'Contoso' })]);
  });

  test('an organization field that names another directory does not move the subscription there', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.completeWith({ ...ALICE_ABOUT, organization: 'Fabrikam' });
    await expect(signUp.readyHeading()).toBeVisible();
    await expect
      .poll(() => world.freeTrials(), 'the ID token decides, not what the form says')
      .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
  });
});

test.describe('The portal in detail', () => {
  test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

  test("Subscriptions lists its columns; the Overview shows the Free Trial's US$200 for 30 days; a virtual machine can be started", async ({
    page,
    ui,
    portal,
  }) => {
    await signInToPortal(page, ui, ALICE_CONTOSO);
    await expect(portal.table().getByRole('columnheader')).toHaveText([
      ui('portal.subscriptionName'),
      ui('portal.subscriptionId'),
      ui('portal.directory'),
      ui('portal.myRole'),
    ]);
    await portal.openSubscription();
    await expect(page.getByText(ui('portal.overview.creditValue', { amount: 200, days: 30 }))).toBeVisible();
    await page.goto('/portal/create/virtual-machine');
    await expect(page.getByRole('status')).toHaveText(
      ui('portal.vm.ready', { subscription: ui('offer.MS-AZR-0044P'), directory: 'Contoso' }),
    );
  });
});
