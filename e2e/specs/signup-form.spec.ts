import { expect, proof, test } from '../fixtures.js';
import { DECLINED_CARD_NUMBER, GOOD_CARD } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO } from '../support/accounts.js';
import { fillFormUpTo, signInToSignUp } from '../support/flows.js';

test.describe('Step 4: the sign-up form refuses bad input, keeps the rest, and creates nothing', () => {
  test('About you: each refused field says why next to it, and what was typed elsewhere stays', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.field('signup.firstName').fill('');
    await signUp.field('signup.email').fill('not-an-email');
    await signUp.field('signup.organization').fill('Contoso Research');
    await signUp
      .section('signup.about')
      .getByRole('button', { name: ui('signup.next') })
      .click();

    await expect(signUp.errorSummary()).toHaveText(ui('signup.error.summary'));
    await signUp.assertFieldError('signup.country', ui('signup.error.country'));
    await signUp.assertFieldError('signup.firstName', ui('signup.error.required'));
    await signUp.assertFieldError('signup.email', ui('signup.error.email'));
    await signUp.assertFieldError('signup.workPhone', ui('signup.error.required'));
    await expect(signUp.field('signup.firstName')).toHaveAttribute('aria-invalid', 'true');
    await expect(signUp.field('signup.lastName')).toHaveValue('Chen');
    await expect(signUp.field('signup.organization')).toHaveValue('Contoso Research');
    await expect(signUp.waiting('signup.phone'), 'the next section opens only when this one is complete').toBeVisible();
    await expect.poll(() => world.freeTrials()).toEqual([]);
  });

  test('phone: a wrong code is refused, the code the mock "sent" verifies the phone', async ({ page, ui, signUp }) => {
    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.clickTextMe(ALICE_ABOUT.workPhone);
    const code = await signUp.readSentCode();
    const wrong = code.replace(/.$/, (last) => String((Number(last) + 1) % 10));

    await signUp.fillVerificationCode(wrong);
    await signUp.assertFieldError('signup.code', ui('signup.error.codeWrong'));
    await expect(signUp.waiting('signup.card')).toBeVisible();

    await signUp.fillVerificationCode(code);
    await expect(page.getByText(ui('signup.phoneVerified', { phone: ALICE_ABOUT.workPhone }))).toBeVisible();
    await expect(signUp.field('signup.cardNumber')).toBeVisible();
  });

  test('card: a Luhn-invalid number is refused and 4000 0000 0000 0002 is declined', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await fillFormUpTo(page, ui, 'card');

    await signUp.fillCard({ ...GOOD_CARD, number: '4111 1111 1111 1112' });
    await signUp.assertFieldError('signup.cardNumber', ui('signup.error.cardNumber'));
    await expect(signUp.field('signup.cardName'), 'the other card fields are kept').toHaveValue(GOOD_CARD.name);
    await expect(signUp.field('signup.city')).toHaveValue(GOOD_CARD.city);

    await signUp.fillCard({ ...GOOD_CARD, number: DECLINED_CARD_NUMBER });
    await signUp.assertFieldError('signup.cardNumber', ui('signup.error.cardDeclined'));
    await expect(signUp.waiting('signup.agreement')).toBeVisible();
    await expect.poll(() => world.freeTrials()).toEqual([]);
  });

  test('agreement: Sign up without agreeing is refused; agreeing and clicking Sign up twice creates exactly one subscription', async ({
    page,
    ui,
    world,
    signUp,
  }) => {
    await fillFormUpTo(page, ui, 'agreement');
    const signUpButton = page.getByRole('button', { name: ui('signup.signUp'), exact: true });
    await signUpButton.click();
    await signUp.assertFieldError('signup.agree', ui('signup.error.agree'));
    await expect.poll(() => world.freeTrials()).toEqual([]);

    await proof('rule-exactly-once', async () => {
      await page.getByLabel(ui('signup.agree')).check();
      // An impatient double click sends the form twice.
      await signUpButton.dblclick();
      await expect(signUp.readyHeading()).toBeVisible();
      await page.goto('/signup/');
      await expect(signUp.readyHeading(), 'coming back to the form shows the finished sign-up').toBeVisible();
      await expect
        .poll(() => world.freeTrials())
        .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
    });
  });

  test('a sign-up posted without its CSRF token is refused with 403 and changes nothing', async ({
    page,
    ui,
    world,
    locale,
  }) => {
    await fillFormUpTo(page, ui, 'agreement');

    const forged = await page.request.post('/signup/', {
      form: { action: 'signup', agree: 'on' },
      headers: { 'accept-language': locale },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const refusal = await forged.text();
    expect(refusal, "a page that says why, in the reader's language").toContain(ui('error.forbidden.title'));
    await expect.poll(() => world.freeTrials()).toEqual([]);
  });
});
