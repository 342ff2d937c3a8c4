import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { test } from '../fixtures.js';
import { ExampleApp } from '../pages/example-app.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import { YOUR_APP_PORTAL } from '../support/your-app.js';

/** examples/your-app, running as its README starts it, signing people in at the mock's common authority. */
test.describe('examples/your-app: the trap in your own app', () => {
  // The browser's world lives on the mock the example signs in with (over HTTPS).
  test.use({ baseURL: YOUR_APP_PORTAL, ignoreHTTPSErrors: true });

  test('alice@contoso.com signs in, and the app shows her Contoso tenant', async ({ page, signIn }) => {
    const app = new ExampleApp(page);
    await app.goTo();
    await app.clickSignIn();
    await signIn.signIn(ALICE_CONTOSO, PASSWORD);
    await app.assertSignedInAs(ALICE_CONTOSO, SEED_DIRECTORY_IDS.contoso);
  });

  test.describe('with both of Alice’s accounts remembered', () => {
    test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

    test('Alice picks alice@fabrikam.com and the app shows Fabrikam (the trap); picking again, Contoso', async ({
      page,
      signIn,
    }) => {
      const app = new ExampleApp(page);
      await app.goTo();
      await app.clickSignIn();
      await signIn.pickAccount(ALICE_FABRIKAM);
      await app.assertSignedInAs(ALICE_FABRIKAM, SEED_DIRECTORY_IDS.fabrikam);
      await app.clickSignInAsSomeoneElse();
      await signIn.pickAccount(ALICE_CONTOSO);
      await app.assertSignedInAs(ALICE_CONTOSO, SEED_DIRECTORY_IDS.contoso);
    });
  });
});
