import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { listen, type Running } from '../src/listen.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import { AZURE_CLI, azureCliCode, azureCliToken } from '../../testkit/azure-cli.js';
import { clientIn, newWorld, signUpOverHttp } from '../../testkit/flows.js';

const ARM = 'https://management.core.windows.net//.default';
const GRAPH = 'https://graph.microsoft.com/.default';
const OFFLINE = 'openid profile offline_access';

describe("Tokens for Microsoft's APIs, and Resource Manager and Graph answering them", () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  /** Signs in as the Azure CLI in a new world (after `arrange`), and redeems the code for a Resource Manager token. */
  async function cliTokens(signInName: string, arrange?: (client: ReturnType<typeof clientIn>) => Promise<unknown>) {
    const client = clientIn(running.url, await newWorld(running.url));
    await arrange?.(client);
    const code = await azureCliCode(client, {
      tenant: 'organizations',
      scope: ARM,
      signInName,
      password: SEED_PASSWORD,
    });
    const redeemed = await azureCliToken(running.url, 'organizations', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: AZURE_CLI.redirectUri,
      scope: `${ARM} ${OFFLINE}`,
    });
    assert.equal(redeemed.status, 200, JSON.stringify(redeemed.body));
    return redeemed.body;
  }

  const arm = (path: string, token: string) =>
    fetch(`${running.url}/management${path}`, { headers: { authorization: `Bearer ${token}` } });

  it("the article as written: alice@contoso.com's Resource Manager token lists her Free Trial under Contoso", async () => {
    const tokens = await cliTokens('alice@contoso.com', (client) =>
      signUpOverHttp(client, 'alice@contoso.com', SEED_PASSWORD),
    );
    const claims = decodeJwt(tokens.access_token ?? '');
    assert.deepEqual(
      { aud: claims.aud, tid: claims.tid, ver: claims.ver, scp: claims.scp, upn: claims.upn, appid: claims.appid },
      {
        aud: 'https://management.core.windows.net/',
        tid: SEED_DIRECTORY_IDS.contoso,
        ver: '1.0',
        scp: 'user_impersonation',
        upn: 'alice@contoso.com',
        appid: AZURE_CLI.clientId,
      },
    );
    assert.equal(claims.iss, `https://sts.windows.net/${SEED_DIRECTORY_IDS.contoso}/`);
    const listed = (await (await arm('/subscriptions?api-version=2022-12-01', tokens.access_token ?? '')).json()) as {
      value: { displayName: string; tenantId: string; subscriptionId: string }[];
    };
    assert.deepEqual(
      listed.value.map(({ displayName, tenantId }) => ({ displayName, tenantId })),
      [{ displayName: 'Free Trial', tenantId: SEED_DIRECTORY_IDS.contoso }],
    );
    const one = await arm(
      `/subscriptions/${listed.value[0]?.subscriptionId}?api-version=2022-12-01`,
      tokens.access_token ?? '',
    );
    assert.equal(one.status, 200);
  });

  it("a guest's refresh token redeems at the directory she is a guest of: alice@fabrikam.com lists both, and gets Contoso's token", async () => {
    const tokens = await cliTokens('alice@fabrikam.com');
    const tenants = (await (await arm('/tenants?api-version=2022-12-01', tokens.access_token ?? '')).json()) as {
      value: { tenantId: string }[];
    };
    assert.deepEqual(
      tenants.value.map((tenant) => tenant.tenantId),
      [SEED_DIRECTORY_IDS.fabrikam, SEED_DIRECTORY_IDS.contoso],
    );
    const atContoso = await azureCliToken(running.url, SEED_DIRECTORY_IDS.contoso, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      scope: `${ARM} ${OFFLINE}`,
    });
    assert.equal(atContoso.status, 200, JSON.stringify(atContoso.body));
    assert.equal(decodeJwt(atContoso.body.access_token ?? '').tid, SEED_DIRECTORY_IDS.contoso);
    const graph = await azureCliToken(running.url, SEED_DIRECTORY_IDS.contoso, {
      grant_type: 'refresh_token',
      refresh_token: atContoso.body.refresh_token ?? '',
      scope: `${GRAPH} ${OFFLINE}`,
    });
    assert.equal(graph.status, 200, JSON.stringify(graph.body));
    const organization = (await (
      await fetch(`${running.url}/graph/v1.0/organization`, {
        headers: { authorization: `Bearer ${graph.body.access_token}` },
      })
    ).json()) as { value: { id: string }[] };
    assert.deepEqual(
      organization.value.map((each) => each.id),
      [SEED_DIRECTORY_IDS.contoso],
    );
    const me = (await (
      await fetch(`${running.url}/graph/v1.0/me`, { headers: { authorization: `Bearer ${graph.body.access_token}` } })
    ).json()) as { userPrincipalName: string };
    assert.equal(me.userPrincipalName, 'alice@fabrikam.com');
  });

  it('a refresh token does not redeem at a directory the account is not a user of', async () => {
    const tokens = await cliTokens('alice@contoso.com');
    const atFabrikam = await azureCliToken(running.url, SEED_DIRECTORY_IDS.fabrikam, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      scope: `${ARM} ${OFFLINE}`,
    });
    assert.equal(atFabrikam.status, 400);
    assert.equal(atFabrikam.body.error, 'invalid_grant');
  });
});
