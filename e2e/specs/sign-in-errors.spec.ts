import { expect, test } from '../fixtures.js';
import { ALICE_CONTOSO, ERIN, PASSWORD } from '../support/accounts.js';

test.describe("Step 3: sign-in errors are shown on the page, in the reader's language, with their AADSTS code", () => {
  test('a wrong password: AADSTS50126', async ({ page, ui, signIn }) => {
    await page.goto('/signup/');
    await signIn.fillUsername(ALICE_CONTOSO);
    await signIn.fillPassword('not-the-password');
    await expect(signIn.error()).toContainText(ui('login.error.AADSTS50126'));
    await expect(signIn.error()).toContainText('AADSTS50126');
    await expect(signIn.passwordField()).toHaveAttribute('aria-invalid', 'true');
  });

  test('an unknown work account: AADSTS50034', async ({ page, ui, signIn }) => {
    await page.goto('/signup/');
    await signIn.fillUsername('nobody@contoso.com');
    await expect(signIn.error()).toContainText(ui('login.error.AADSTS50034'));
    await expect(signIn.error()).toContainText('AADSTS50034');
    await expect(signIn.usernameField()).toHaveValue('nobody@contoso.com');
  });

  test('a locked account: AADSTS50053, even with the right password', async ({ page, ui, signIn }) => {
    await page.goto('/signup/');
    await signIn.fillUsername(ERIN);
    await signIn.fillPassword(PASSWORD);
    await expect(signIn.error()).toContainText(ui('login.error.AADSTS50053'));
    await expect(signIn.error()).toContainText('AADSTS50053');
    await expect(signIn.staySignedInHeading()).toHaveCount(0);
  });

  test('something that is not an address is refused before any account is looked up', async ({ page, ui, signIn }) => {
    await page.goto('/signup/');
    await signIn.fillUsername('<script>alert(1)</script>');
    await expect(signIn.error()).toHaveText(ui('login.error.username'));
    await expect(signIn.usernameField(), 'what was typed comes back as text, escaped').toHaveValue(
      '<script>alert(1)</script>',
    );
  });
});
