import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AuthorizationCodeCredential } from '@azure/identity';
import type { Page } from '@playwright/test';
import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { AZURE_CLI } from '../../testkit/azure-cli.js';
import { expect, proof, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import type { SignInPage } from '../pages/sign-in.js';
import { YOUR_APP_PORTAL } from '../support/your-app.js';

/** The cloud's metadata document: everything the SDKs are told about the mock comes from it. */
interface CloudMetadata {
  authentication: { loginEndpoint: string; audiences: string[] };
  resourceManager: string;
}

async function cloud(): Promise<CloudMetadata> {
  const response = await fetch(`${YOUR_APP_PORTAL}/management/metadata/endpoints?api-version=2022-09-01`);
  expect(response.status).toBe(200);
  return (await response.json()) as CloudMetadata;
}

/**
 * Signs in through the real pages as the Azure CLI's browser sign-in does, and returns Azure's
 * own subscription client with a credential holding the code the browser came back with.
 */
async function subscriptionClientAfterSignIn(page: Page, signIn: SignInPage, account: string) {
  const metadata = await cloud();
  const scope = `${metadata.authentication.audiences.at(-1)}.default`;
  // The CLI listens on its loopback port; here the test is the CLI and takes the code from there.
  await page.route(`${AZURE_CLI.redirectUri}/**`, (route) => route.fulfill({ body: 'back in the CLI' }));
  const query = new URLSearchParams({
    client_id: AZURE_CLI.clientId,
    response_type: 'code',
    redirect_uri: AZURE_CLI.redirectUri,
    scope: `${scope} openid profile offline_access`,
  });
  await page.goto(`${metadata.authentication.loginEndpoint}/organizations/v2.0/authorize?${query.toString()}`);
  await signIn.signIn(account, PASSWORD);
  await page.waitForURL(`${AZURE_CLI.redirectUri}/**`);
  const code = new URL(page.url()).searchParams.get('code') ?? '';
  const credential = new AuthorizationCodeCredential('organizations', AZURE_CLI.clientId, code, AZURE_CLI.redirectUri, {
    authorityHost: metadata.authentication.loginEndpoint,
    disableInstanceDiscovery: true,
  });
  return new SubscriptionClient(credential, { endpoint: metadata.resourceManager, credentials: { scopes: [scope] } });
}

async function listed(client: SubscriptionClient) {
  const subscriptions: { displayName?: string; tenantId?: string }[] = [];
  for await (const each of client.subscriptions.list()) subscriptions.push(each);
  return subscriptions.map(({ displayName, tenantId }) => ({ displayName, tenantId }));
}

async function tenantIds(client: SubscriptionClient) {
  const tenants: (string | undefined)[] = [];
  for await (const tenant of client.tenants.list()) tenants.push(tenant.tenantId);
  return tenants;
}

test.describe("Azure's own SDKs see where the subscription landed (@azure/identity, @azure/arm-resources-subscriptions)", () => {
  test.use({ baseURL: YOUR_APP_PORTAL, ignoreHTTPSErrors: true });

  test.describe('after the article as written', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

    test("alice@contoso.com's subscription client lists the Free Trial under Contoso's tenantId", async ({
      page,
      signIn,
    }) => {
      const client = await subscriptionClientAfterSignIn(page, signIn, ALICE_CONTOSO);
      await proof('rule-lands-in-home-directory', async () => {
        await expect
          .poll(() => listed(client))
          .toEqual([{ displayName: 'Free Trial', tenantId: SEED_DIRECTORY_IDS.contoso }]);
      });
    });
  });

  test.describe('after the trap', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test("alice@fabrikam.com's lists it under Fabrikam's tenantId, and her tenants are both directories", async ({
      page,
      signIn,
    }) => {
      const client = await subscriptionClientAfterSignIn(page, signIn, ALICE_FABRIKAM);
      await proof('pitfall-1', async () => {
        await expect
          .poll(() => listed(client))
          .toEqual([{ displayName: 'Free Trial', tenantId: SEED_DIRECTORY_IDS.fabrikam }]);
        await expect.poll(() => tenantIds(client)).toEqual([SEED_DIRECTORY_IDS.fabrikam, SEED_DIRECTORY_IDS.contoso]);
      });
    });

    test("alice@contoso.com's lists no Free Trial: it is not in Contoso", async ({ page, signIn }) => {
      const client = await subscriptionClientAfterSignIn(page, signIn, ALICE_CONTOSO);
      await proof('pitfall-1', async () => {
        await expect.poll(() => listed(client)).toEqual([]);
      });
    });
  });
});
