import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { AuthorizationCodeCredential, DeviceCodeCredential, type DeviceCodeInfo } from '@azure/identity';
import { Client } from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js';
import type { Page } from '@playwright/test';
import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { AZURE_CLI } from '../../testkit/azure-cli.js';
import { expect, proof, test } from '../fixtures.js';
import { approveDeviceCode, signInToPortal } from '../support/flows.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';

const MEGAN = 'megan@contoso.com';
import type { Pages } from '../pages/index.js';
import type { SignInPage } from '../pages/sign-in.js';
import { YOUR_APP_PORTAL } from '../support/your-app.js';

/** The cloud's metadata document: everything the SDKs are told about the mock comes from it. */
interface CloudMetadata {
  authentication: { loginEndpoint: string; audiences: string[] };
  resourceManager: string;
  graph: string;
  microsoftGraphResourceId: string;
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

/**
 * A device's sign-in with Azure's own device code credential: the subscription client's first
 * request asks for a code and polls, while the person types the code in a browser of their own
 * (`device`), signs in, and answers Continue. The credential keeps one token cache for clients
 * that ask with continuous access evaluation (Azure's SDK clients do) and one for those that do
 * not; the Graph client asks as they do, so it is served by the same sign-in.
 */
async function deviceCodeSignIn(device: Page, pages: Pages, account: string) {
  const metadata = await cloud();
  const scope = `${metadata.authentication.audiences.at(-1)}.default`;
  let shown: (info: DeviceCodeInfo) => void = () => undefined;
  const prompt = new Promise<DeviceCodeInfo>((resolve) => (shown = resolve));
  const credential = new DeviceCodeCredential({
    tenantId: 'organizations',
    clientId: AZURE_CLI.clientId,
    authorityHost: metadata.authentication.loginEndpoint,
    disableInstanceDiscovery: true,
    userPromptCallback: shown,
  });
  const subscriptions = new SubscriptionClient(credential, {
    endpoint: metadata.resourceManager,
    credentials: { scopes: [scope] },
  });
  const firstRequest = listed(subscriptions);
  const { verificationUri, userCode } = await prompt;
  await device.goto(verificationUri);
  await approveDeviceCode(pages, userCode, account);
  await firstRequest;
  const graph = Client.initWithMiddleware({
    authProvider: new TokenCredentialAuthenticationProvider(credential, {
      scopes: [`${metadata.microsoftGraphResourceId}.default`],
      getTokenOptions: { enableCae: true },
    }),
    baseUrl: metadata.graph,
    customHosts: new Set([new URL(metadata.graph).hostname]),
  });
  return { subscriptions, graph };
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

test.describe('Pitfall 4 through the API: the Global administrator signs in on a device (DeviceCodeCredential, the Graph client)', () => {
  test.use({
    baseURL: YOUR_APP_PORTAL,
    ignoreHTTPSErrors: true,
    arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] },
  });

  test("megan@contoso.com's client lists no subscription until Alice gives her a role in the portal; Graph knows her as Contoso's", async ({
    page,
    ui,
    blade,
    privateWindow,
    pagesOn,
  }) => {
    const device = await privateWindow();
    const megan = await deviceCodeSignIn(device, pagesOn(device), MEGAN);
    await proof('pitfall-4', async () => {
      await expect.poll(() => listed(megan.subscriptions), 'Global administrator, but no role').toEqual([]);
      await expect
        .poll(async () => (await megan.graph.api('/me').get()) as { userPrincipalName: string })
        .toMatchObject({ userPrincipalName: MEGAN });
      await expect
        .poll(async () => ((await megan.graph.api('/organization').get()) as { value: { id: string }[] }).value)
        .toEqual([expect.objectContaining({ id: SEED_DIRECTORY_IDS.contoso })]);

      const alicePortal = await signInToPortal(page, ui, ALICE_CONTOSO);
      await alicePortal.openSubscription();
      await blade.openTab('portal.nav.iam');
      await blade.addRoleAssignment(MEGAN, 'Reader');
      await expect(blade.notice()).toHaveText(ui('portal.iam.added', { user: MEGAN, role: ui('role.Reader') }));

      await expect
        .poll(() => listed(megan.subscriptions))
        .toEqual([{ displayName: 'Free Trial', tenantId: SEED_DIRECTORY_IDS.contoso }]);
    });
  });
});
