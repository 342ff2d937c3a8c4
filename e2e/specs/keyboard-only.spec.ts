import { articleStep, expect, test } from '../fixtures.js';
import { GOOD_CARD } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO, PASSWORD } from '../support/accounts.js';
import { chooseWithArrows, pressEnterOn, tabTo, tickWithSpace, typeInto } from '../support/keyboard.js';

/**
 * The article's happy path with the keyboard alone: Tab to move, Enter to press, arrows for
 * drop-downs, Space for the agreement. No click and no fill, so every control must be reachable
 * and operable in the tab order.
 */
test('keyboard only: alice@contoso.com completes steps 1 to 4 and her Free Trial lands in Contoso', async ({
  page,
  ui,
  locale,
  world,
  signIn,
  signUp,
  portal,
}) => {
  await articleStep(page, locale, 1, async () => {
    await page.goto('/');
  });
  await articleStep(page, locale, 2, async () => {
    await pressEnterOn(page, page.getByRole('link', { name: ui('home.startFree'), exact: true }));
    await expect(signIn.usernameField()).toBeVisible();
  });
  await articleStep(page, locale, 3, async () => {
    await typeInto(page, signIn.usernameField(), ALICE_CONTOSO);
    await page.keyboard.press('Enter');
    await typeInto(page, signIn.passwordField(), PASSWORD);
    await page.keyboard.press('Enter');
    await pressEnterOn(page, page.getByRole('button', { name: ui('login.no'), exact: true }));
    await expect(signUp.signedInAs()).toHaveText(
      ui('signup.signedInAs', { account: ALICE_CONTOSO, directory: 'Contoso' }),
    );
  });
  await articleStep(page, locale, 4, async () => {
    await chooseWithArrows(page, signUp.field('signup.country'), ALICE_ABOUT.country);
    await typeInto(page, signUp.field('signup.workPhone'), ALICE_ABOUT.workPhone);
    await pressEnterOn(page, signUp.section('signup.about').getByRole('button', { name: ui('signup.next') }));

    await typeInto(page, signUp.field('signup.phoneNumber'), ALICE_ABOUT.workPhone);
    await pressEnterOn(page, page.getByRole('button', { name: ui('signup.textMe') }));
    await typeInto(page, signUp.field('signup.code'), await signUp.readSentCode());
    await pressEnterOn(page, page.getByRole('button', { name: ui('signup.verifyCode') }));

    await typeInto(page, signUp.field('signup.cardName'), GOOD_CARD.name);
    await typeInto(page, signUp.field('signup.cardNumber'), GOOD_CARD.number);
    await chooseWithArrows(page, signUp.field('signup.expiryMonth'), GOOD_CARD.month);
    await chooseWithArrows(page, signUp.field('signup.expiryYear'), GOOD_CARD.year);
    await typeInto(page, signUp.field('signup.cvv'), GOOD_CARD.cvv);
    await typeInto(page, signUp.field('signup.address1'), GOOD_CARD.address);
    await typeInto(page, signUp.field('signup.city'), GOOD_CARD.city);
    await typeInto(page, signUp.field('signup.postalCode'), GOOD_CARD.postalCode);
    await pressEnterOn(page, signUp.section('signup.card').getByRole('button', { name: ui('signup.next') }));

    await tickWithSpace(page, page.getByLabel(ui('signup.agree')));
    await pressEnterOn(page, page.getByRole('button', { name: ui('signup.signUp'), exact: true }));
    await expect(signUp.readyHeading()).toBeVisible();
    await pressEnterOn(page, page.getByRole('link', { name: ui('signup.done.manage') }));
    await expect(portal.currentDirectory()).toHaveText('Contoso');
    await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
    await expect
      .poll(() => world.freeTrials())
      .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
    await tabTo(page, page.getByRole('link', { name: ui('offer.MS-AZR-0044P') }));
  });
});
