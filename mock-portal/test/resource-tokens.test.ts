import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { listen, type Running } from '../src/listen.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import { AZURE_CLI, azureCliCode, azureCliToken } from '../../testkit/azure-cli.js';
import type { CookieClient } from '../../testkit/cookie-client.js';
import { clientIn, newWorld, signUpOverHttp } from '../../testkit/flows.js';
import { TEST_API, WORLD_COOKIE } from '../src/contract.js';

const ARM = 'https://management.core.windows.net//.default';
const GRAPH = 'https://graph.microsoft.com/.default';
const OFFLINE = 'openid profile offline_access';

/** The id of the one Free Trial signed up in a world (the seeded subscriptions are others). */
async function freeTrialOf(running: Running, worldId: string): Promise<string> {
  const state = (await (await fetch(`${running.url}${TEST_API}/worlds/${worldId}`)).json()) as {
    subscriptions: { id: string; offerId: string; signUpTenantId?: string }[];
  };
  const [trial, ...more] = state.subscriptions.filter((each) => each.signUpTenantId !== undefined);
  assert.ok(trial && more.length === 0, 'one subscription signed up in this world');
  return trial.id;
}

/** Signs in as the Azure CLI in a new world (after `arrange`), and redeems the code for a Resource Manager token. */
async function signedInAsCli(
  running: Running,
  signInName: string,
  arrange?: (client: CookieClient) => Promise<unknown>,
): Promise<{ client: CookieClient; tokens: Record<string, string> }> {
  const client = clientIn(running.url, await newWorld(running.url));
  await arrange?.(client);
  const code = await azureCliCode(client, { tenant: 'organizations', scope: ARM, signInName, password: SEED_PASSWORD });
  const redeemed = await azureCliToken(running.url, 'organizations', {
    grant_type: 'authorization_code',
    code,
    redirect_uri: AZURE_CLI.redirectUri,
    scope: `${ARM} ${OFFLINE}`,
  });
  assert.equal(redeemed.status, 200, JSON.stringify(redeemed.body));
  return { client, tokens: redeemed.body };
}

describe("Tokens for Microsoft's APIs, and Resource Manager and Graph answering them", () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const cliTokens = (signInName: string, arrange?: (client: CookieClient) => Promise<unknown>) =>
    signedInAsCli(running, signInName, arrange).then(({ tokens }) => tokens);

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

  it('a browser that signed the CLI in for a sign-in only comes back at once when it then asks for Resource Manager', async () => {
    const client = clientIn(running.url, await newWorld(running.url));
    const signInOnly = await azureCliCode(client, {
      tenant: 'organizations',
      scope: 'email',
      signInName: 'alice@contoso.com',
      password: SEED_PASSWORD,
    });
    assert.ok(signInOnly);
    const code = await azureCliCode(client, {
      tenant: 'organizations',
      scope: GRAPH,
      signInName: 'alice@contoso.com',
      password: SEED_PASSWORD,
    });
    const graph = await azureCliToken(running.url, 'organizations', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: AZURE_CLI.redirectUri,
      scope: `${GRAPH} ${OFFLINE}`,
    });
    assert.equal(decodeJwt(graph.body.access_token ?? '').aud, 'https://graph.microsoft.com');
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

  it("pitfall 4 through the API: the Global administrator lists none of Contoso, and may not read Alice's", async () => {
    let subscriptionId = '';
    const tokens = await cliTokens('megan@contoso.com', async (client) => {
      await signUpOverHttp(client, 'alice@contoso.com', SEED_PASSWORD);
      const worldId = client.cookies.get(WORLD_COOKIE) ?? '';
      subscriptionId = await freeTrialOf(running, worldId);
      // Alice signs out of this browser, so that Megan signs in through the pages.
      client.cookies.clear();
      client.cookies.set(WORLD_COOKIE, worldId);
    });
    assert.equal(
      decodeJwt(tokens.access_token ?? '').wids !== undefined,
      true,
      'her token says she holds a directory role',
    );
    const listed = (await (await arm('/subscriptions?api-version=2022-12-01', tokens.access_token ?? '')).json()) as {
      value: unknown[];
    };
    assert.deepEqual(listed.value, []);
    const one = await arm(`/subscriptions/${subscriptionId}?api-version=2022-12-01`, tokens.access_token ?? '');
    assert.equal(one.status, 403);
    assert.equal(((await one.json()) as { error: { code: string } }).error.code, 'AuthorizationFailed');
  });
});

describe('Resource Manager and Graph refuse what proves nothing, and never fail', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const armError = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${running.url}/management${path}`, init);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, code: body.error.code, challenge: response.headers.get('www-authenticate') };
  };

  async function tokensOf(signInName: string) {
    const { client, tokens } = await signedInAsCli(running, signInName);
    const graphToken = await azureCliToken(running.url, 'organizations', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      scope: `${GRAPH} ${OFFLINE}`,
    });
    return { arm: tokens.access_token ?? '', graph: graphToken.body.access_token ?? '', client };
  }

  it('answers 401 with the challenge without a token, with a Graph token, or with a forged one', async () => {
    const { arm, graph } = await tokensOf('alice@contoso.com');
    const none = await armError('/subscriptions?api-version=2022-12-01');
    assert.deepEqual([none.status, none.code], [401, 'AuthenticationFailed']);
    assert.match(none.challenge ?? '', /^Bearer authorization_uri="http:\/\/localhost:\d+\/login\/"/);
    const wrongAudience = await armError('/subscriptions?api-version=2022-12-01', {
      headers: { authorization: `Bearer ${graph}` },
    });
    assert.deepEqual([wrongAudience.status, wrongAudience.code], [401, 'InvalidAuthenticationToken']);
    const [header, payload, signature] = arm.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, tid: SEED_DIRECTORY_IDS.fabrikam })).toString('base64url');
    const refused = await armError('/tenants?api-version=2022-12-01', {
      headers: { authorization: `Bearer ${header}.${forged}.${signature}` },
    });
    assert.deepEqual([refused.status, refused.code], [401, 'InvalidAuthenticationToken']);
    const graphRefused = await fetch(`${running.url}/graph/v1.0/me`, { headers: { authorization: `Bearer ${arm}` } });
    assert.equal(graphRefused.status, 401);
    assert.equal(((await graphRefused.json()) as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
  });

  it('asks for an api-version, and refuses one that is not a date', async () => {
    const { arm } = await tokensOf('alice@contoso.com');
    const auth = { headers: { authorization: `Bearer ${arm}` } };
    assert.equal((await armError('/subscriptions', auth)).code, 'MissingApiVersionParameter');
    assert.equal((await armError('/subscriptions?api-version=latest', auth)).code, 'InvalidApiVersionParameter');
    assert.equal((await armError('/metadata/endpoints')).code, 'MissingApiVersionParameter');
  });

  it("refuses a subscription of another tenant with Resource Manager's tenant error, and an unknown one with 404", async () => {
    const worldId = await newWorld(running.url);
    const browser = clientIn(running.url, worldId);
    await signUpOverHttp(browser, 'alice@fabrikam.com', SEED_PASSWORD);
    const trial = await freeTrialOf(running, worldId);
    // The same account's token for Contoso, where she is a guest: the Free Trial is Fabrikam's.
    const code = await azureCliCode(browser, {
      tenant: SEED_DIRECTORY_IDS.contoso,
      scope: ARM,
      signInName: 'alice@fabrikam.com',
      password: SEED_PASSWORD,
    });
    const atContoso = await azureCliToken(running.url, SEED_DIRECTORY_IDS.contoso, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: AZURE_CLI.redirectUri,
      scope: `${ARM} ${OFFLINE}`,
    });
    const auth = { headers: { authorization: `Bearer ${atContoso.body.access_token}` } };
    const other = await armError(`/subscriptions/${trial}?api-version=2022-12-01`, auth);
    assert.deepEqual([other.status, other.code], [401, 'InvalidAuthenticationTokenTenant']);
    const unknown = await armError('/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2022-12-01', auth);
    assert.deepEqual([unknown.status, unknown.code], [404, 'SubscriptionNotFound']);
  });

  it('refuses a token whose world is gone', async () => {
    const { arm, client } = await tokensOf('alice@contoso.com');
    await fetch(`${running.url}${TEST_API}/worlds/${client.cookies.get(WORLD_COOKIE)}`, { method: 'DELETE' });
    const gone = await armError('/tenants?api-version=2022-12-01', { headers: { authorization: `Bearer ${arm}` } });
    assert.deepEqual([gone.status, gone.code], [401, 'InvalidAuthenticationToken']);
  });

  it('answers random paths, methods and parameters with JSON errors: never a 5xx, never a stack', async () => {
    const { arm, graph } = await tokensOf('alice@contoso.com');
    const paths = [
      '/management/',
      '/management/subscriptions/%00?api-version=2022-12-01',
      '/management/subscriptions/../tenants?api-version=2022-12-01',
      `/management/subscriptions/${'a'.repeat(5000)}?api-version=2022-12-01`,
      '/management/subscriptions?api-version=2022-12-01&api-version=2023-01-01',
      '/management/providers?api-version=2022-12-01',
      '/graph/v1.0/users',
      '/graph/beta/me',
      '/graph/v1.0/me/%ZZ',
    ];
    for (const path of paths)
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'])
        for (const token of [arm, graph, 'x.y.z']) {
          const response = await fetch(`${running.url}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { body: '{"not": json' }),
          });
          const text = await response.text();
          assert.ok(response.status < 500, `${method} ${path.slice(0, 60)}: ${response.status}`);
          assert.doesNotMatch(text, /at .*\.(ts|js):\d+/, `${method} ${path.slice(0, 60)} shows no stack`);
        }
  });
});
