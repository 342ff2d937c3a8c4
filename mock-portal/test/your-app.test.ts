import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import * as client from 'openid-client';
import { listen, type Running } from '../src/listen.js';
import { PERSONAL_ACCOUNT_TENANT_ID } from '../src/world/model.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, signInUntilCallback, transportOf } from '../../testkit/cookie-client.js';
import { signInThroughPages, type Answer } from '../../testkit/sign-in.js';

const APP = {
  clientId: 'your-app',
  clientSecret: 'a-secret-for-this-test-only',
  redirectUri: 'http://localhost:5002/callback',
};
const CONTOSO = SEED_DIRECTORY_IDS.contoso;

/** Your app as openid-client builds it, at one authority of the mock. */
async function yourApp(running: Running, tenant: string): Promise<client.Configuration> {
  return client.discovery(
    new URL(`${running.url}/login/${tenant}/v2.0`),
    APP.clientId,
    undefined,
    client.ClientSecretPost(APP.clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
}

/** An authorization request of your app, with the checks it keeps for the callback. */
async function authorizationRequest(config: client.Configuration, extra: Record<string, string> = {}) {
  const checks = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: APP.redirectUri,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
    ...extra,
  });
  return { url, checks };
}

/** Signs in through the pages up to the password; returns the answer to it (a refusal, or the way on). */
function answerToPassword(browser: CookieClient, start: URL, signInName: string): Promise<Answer> {
  return signInThroughPages(transportOf(browser), start, { signInName, password: SEED_PASSWORD }, 'password');
}

describe("your app with openid-client, at a directory's own authority (no browser)", () => {
  let running: Running;
  before(async () => {
    running = await listen({
      clients: [{ clientId: APP.clientId, redirectUris: [APP.redirectUri], clientSecret: APP.clientSecret }],
    });
  });
  after(() => running.close());

  it("alice@contoso.com signs in at Contoso's authority: the issuer, tid and ver are Microsoft's v2.0 shape", async () => {
    const config = await yourApp(running, CONTOSO);
    assert.equal(config.serverMetadata().issuer, `${running.url}/login/${CONTOSO}/v2.0`);
    const { url, checks } = await authorizationRequest(config);
    const callback = await signInUntilCallback(
      new CookieClient(running.url),
      url.href,
      'alice@contoso.com',
      SEED_PASSWORD,
    );
    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
    });
    const { iss, tid, ver, preferred_username: name } = tokens.claims() as Record<string, unknown>;
    assert.deepEqual(
      { iss, tid, ver, name },
      { iss: `${running.url}/login/${CONTOSO}/v2.0`, tid: CONTOSO, ver: '2.0', name: 'alice@contoso.com' },
    );
  });

  it('names each authority in its discovery document: a domain by its id, consumers by its tenant, common by the template', async () => {
    const issuerAt = async (tenant: string) =>
      (
        (await (await fetch(`${running.url}/login/${tenant}/v2.0/.well-known/openid-configuration`)).json()) as {
          issuer: string;
        }
      ).issuer;
    assert.equal(await issuerAt('fabrikam.com'), `${running.url}/login/${SEED_DIRECTORY_IDS.fabrikam}/v2.0`);
    assert.equal(await issuerAt('consumers'), `${running.url}/login/${PERSONAL_ACCOUNT_TENANT_ID}/v2.0`);
    assert.equal(await issuerAt('organizations'), `${running.url}/login/{tenantid}/v2.0`);
  });

  it("refuses alice@contoso.com at Fabrikam's authority with AADSTS50020, even when the request names another authority", async () => {
    const { url } = await authorizationRequest(await yourApp(running, SEED_DIRECTORY_IDS.fabrikam), {
      authority: 'common',
    });
    const refused = await answerToPassword(new CookieClient(running.url), url, 'alice@contoso.com');
    assert.equal(refused.status, 400);
    const page = await refused.text();
    assert.match(page, /AADSTS50020/);
    assert.match(page, /does not exist in the Fabrikam directory/);
  });

  it("does not reuse a sign-in the authority refuses: signed in as alice@contoso.com, Fabrikam's authority refuses her", async () => {
    const browser = new CookieClient(running.url);
    const atContoso = await authorizationRequest(await yourApp(running, CONTOSO));
    await signInUntilCallback(browser, atContoso.url.href, 'alice@contoso.com', SEED_PASSWORD);
    const atFabrikam = await authorizationRequest(await yourApp(running, SEED_DIRECTORY_IDS.fabrikam));
    const { response, url } = await browser.follow(atFabrikam.url);
    assert.match(url.pathname, /^\/login\/interaction\//, 'asked, not signed in silently');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /AADSTS50020/);
  });

  it("refuses a Contoso user's code, issued at Contoso's authority, at Fabrikam's token endpoint", async () => {
    const { url, checks } = await authorizationRequest(await yourApp(running, CONTOSO));
    const callback = await signInUntilCallback(
      new CookieClient(running.url),
      url.href,
      'alice@contoso.com',
      SEED_PASSWORD,
    );
    const response = await fetch(`${running.url}/login/${SEED_DIRECTORY_IDS.fabrikam}/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: APP.redirectUri,
        code_verifier: checks.verifier,
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
      }),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error: string }).error, 'invalid_grant');
  });

  it("lets the sign-in pages' forms end at your app and the loopback, and no other page's", async () => {
    const formAction = async (path: string) =>
      /form-action ([^;]+)/.exec(
        (await fetch(`${running.url}${path}`, { redirect: 'manual' })).headers.get('content-security-policy') ?? '',
      )?.[1];
    // Your app's origin, and any loopback port: where Microsoft's native clients (the Azure CLI) come back.
    assert.equal(
      await formAction('/login/help/cant-access'),
      "'self' http://localhost:5002 http://localhost:* http://127.0.0.1:*",
    );
    assert.equal(await formAction('/'), "'self'");
    assert.equal(await formAction('/portal/'), "'self'");
  });

  it('answers any tenant and endpoint with a page or JSON that says what is wrong: never a 5xx, never a stack', async () => {
    const tenant = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        '{tenantid}',
        'CONTOSO.COM',
        '..',
        '%2e%2e',
        '9188040d-6c67-4c5b-b112-36a304b66dad',
        'x'.repeat(3000),
      ),
    );
    const endpoint = fc.constantFrom(
      '.well-known/openid-configuration',
      'authorize',
      'token',
      'keys',
      'logout',
      'userinfo',
      '',
    );
    await fc.assert(
      fc.asyncProperty(tenant, endpoint, fc.constantFrom('GET', 'POST'), async (name, where, method) => {
        const response = await fetch(`${running.url}/login/${encodeURIComponent(name)}/v2.0/${where}`, {
          method,
          redirect: 'manual',
        });
        const body = await response.text();
        return response.status < 500 && !/at .+\.(ts|js):\d+/.test(body);
      }),
      { numRuns: 60 },
    );
  });
});
