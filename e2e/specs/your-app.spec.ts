import { ConfidentialClientApplication, CryptoProvider, type AuthenticationResult } from '@azure/msal-node';
import type { Page } from '@playwright/test';
import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { expect, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, CAROL, PASSWORD } from '../support/accounts.js';
import { MSAL_TEST_APP as YOUR_APP, YOUR_APP_PORT, YOUR_APP_PORTAL } from '../support/your-app.js';

/** Your app, as Microsoft's library builds it: only its authority names the mock instead of login.microsoftonline.com. */
function yourApp(tenant: string): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: YOUR_APP.clientId,
      clientSecret: YOUR_APP.clientSecret,
      authority: `${YOUR_APP_PORTAL}/login/${tenant}`,
      knownAuthorities: [`localhost:${YOUR_APP_PORT}`],
    },
  });
}

const SCOPES = ['User.Read'];

/**
 * Starts your app's sign-in (authorization code with PKCE) in this page, and returns how to finish
 * it: wait for the browser to come back to the app's redirect URI, and redeem its code with MSAL.
 */
async function startSignIn(page: Page, app: ConfidentialClientApplication) {
  const { verifier, challenge } = await new CryptoProvider().generatePkceCodes();
  // Nothing listens at the app's redirect URI: the test is the app, and takes the code from there.
  await page.route(`${YOUR_APP.redirectUri}**`, (route) => route.fulfill({ body: 'back in your app' }));
  await page.goto(
    await app.getAuthCodeUrl({
      scopes: SCOPES,
      redirectUri: YOUR_APP.redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: 'S256',
    }),
  );
  return async (): Promise<AuthenticationResult> => {
    await page.waitForURL(`${YOUR_APP.redirectUri}**`);
    const code = new URL(page.url()).searchParams.get('code');
    expect(code, 'the mock sent the browser back to your app with a code').toBeTruthy();
    return app.acquireTokenByCode({
      code: code ?? '',
      redirectUri: YOUR_APP.redirectUri,
      scopes: SCOPES,
      codeVerifier: verifier,
    });
  };
}

/** The sign-in page refuses, saying why with Microsoft's code, and the browser never went back to your app. */
async function assertRefused(page: Page, why: string, code: string): Promise<void> {
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText(why);
  await expect(refusal).toContainText(code);
  expect(new URL(page.url()).origin, 'your app got nothing').toBe(YOUR_APP_PORTAL);
}

test.describe('Your app signs in with the mock, through MSAL (msal-node)', () => {
  test.use({ baseURL: YOUR_APP_PORTAL, ignoreHTTPSErrors: true });

  test('on common, alice@contoso.com signs in and your app sees Contoso', async ({ page, signIn }) => {
    const finish = await startSignIn(page, yourApp('common'));
    await signIn.signIn(ALICE_CONTOSO, PASSWORD);
    const result = await finish();
    expect(result.tenantId).toBe(SEED_DIRECTORY_IDS.contoso);
    expect(result.account?.username).toBe(ALICE_CONTOSO);
    expect(result.account?.homeAccountId, 'from client_info: her id in her home tenant').toBe(
      `${result.uniqueId}.${SEED_DIRECTORY_IDS.contoso}`,
    );
    expect(result.idTokenClaims).toMatchObject({
      ver: '2.0',
      iss: `${YOUR_APP_PORTAL}/login/${SEED_DIRECTORY_IDS.contoso}/v2.0`,
    });
  });

  test.describe('with both of Alice’s accounts remembered', () => {
    test.use({ rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

    test('the trap, in your app: Alice picks alice@fabrikam.com and your app sees Fabrikam', async ({
      page,
      signIn,
    }) => {
      const finish = await startSignIn(page, yourApp('common'));
      await expect(signIn.pickerHeading()).toBeVisible();
      await signIn.pickAccount(ALICE_FABRIKAM);
      const result = await finish();
      expect(result.tenantId).toBe(SEED_DIRECTORY_IDS.fabrikam);
      expect(result.account?.username).toBe(ALICE_FABRIKAM);
    });
  });

  test('on organizations, carol@contoso.com as a personal account is refused: AADSTS500200', async ({
    page,
    signIn,
    ui,
  }) => {
    await startSignIn(page, yourApp('organizations'));
    await signIn.fillUsername(CAROL);
    await signIn.chooseAccountKind('personal');
    await signIn.fillPassword(PASSWORD);
    await assertRefused(page, ui('login.refused.organizations', { account: CAROL }), 'AADSTS500200');
  });

  test('on consumers, alice@contoso.com (a work account) is refused: AADSTS50020', async ({ page, signIn, ui }) => {
    await startSignIn(page, yourApp('consumers'));
    await signIn.fillUsername(ALICE_CONTOSO);
    await signIn.fillPassword(PASSWORD);
    await assertRefused(page, ui('login.refused.consumers', { account: ALICE_CONTOSO }), 'AADSTS50020');
  });

  test("on Fabrikam's own authority, alice@contoso.com (not a user of Fabrikam) is refused: AADSTS50020", async ({
    page,
    signIn,
    ui,
  }) => {
    await startSignIn(page, yourApp('fabrikam.com'));
    await signIn.fillUsername(ALICE_CONTOSO);
    await signIn.fillPassword(PASSWORD);
    await assertRefused(
      page,
      ui('login.refused.directory', { account: ALICE_CONTOSO, directory: 'Fabrikam' }),
      'AADSTS50020',
    );
  });

  test("on Contoso's own authority, alice@fabrikam.com signs in as Contoso's guest, and your app sees Contoso", async ({
    page,
    signIn,
  }) => {
    const finish = await startSignIn(page, yourApp(SEED_DIRECTORY_IDS.contoso));
    await signIn.signIn(ALICE_FABRIKAM, PASSWORD);
    const result = await finish();
    expect(result.tenantId).toBe(SEED_DIRECTORY_IDS.contoso);
    expect(result.account?.username).toBe(ALICE_FABRIKAM);
    expect(result.account?.homeAccountId, 'her home is still Fabrikam').toBe(
      `${result.uniqueId}.${SEED_DIRECTORY_IDS.fabrikam}`,
    );
  });
});
