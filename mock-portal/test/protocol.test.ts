import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CustomFetch } from 'openid-client';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, signInUntilCallback } from '../../testkit/cookie-client.js';

const ALICE = 'alice@contoso.com';

/** Swaps the ID token in the login service's token responses when `substitute` is set; keeps every one it saw. */
function tokenTamperer() {
  const seen: string[] = [];
  let substitute: ((idToken: string) => string) | undefined;
  const fetchWithTampering: CustomFetch = async (url, options) => {
    const response = await fetch(url, options);
    if (!url.endsWith('/v2.0/token')) return response;
    const body = (await response.json()) as { id_token: string };
    seen.push(body.id_token);
    if (substitute) body.id_token = substitute(body.id_token);
    return new Response(JSON.stringify(body), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return {
    fetch: fetchWithTampering,
    seen,
    replaceWith(next: ((idToken: string) => string) | undefined) {
      substitute = next;
    },
  };
}

/** Whether the sign-up service now has Alice signed in (its form), or sends the browser to sign in. */
async function signedInAtSignup(client: CookieClient): Promise<boolean> {
  return (await client.send('/signup/')).status === 200;
}

describe('OpenID Connect between the relying parties and the login service', () => {
  let running: Running;
  const tamper = tokenTamperer();
  before(async () => {
    running = await listen({ testMode: true }, { relyingPartyFetch: tamper.fetch });
  });
  after(() => running.close());
  const registered = () => `${running.url}/signup/callback`;

  it('signs Alice in end to end over plain HTTP: code, PKCE, state, nonce', async () => {
    const client = new CookieClient(running.url);
    const callback = await signInUntilCallback(client, '/signup/', ALICE, SEED_PASSWORD);
    assert.ok(callback.searchParams.get('code'));
    assert.equal(callback.searchParams.has('iss'), false, "no iss in the response, as Microsoft's");
    const done = await client.send(callback);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/signup/');
    const form = await (await client.send('/signup/')).text();
    assert.match(form, /alice@contoso\.com \(Contoso\)/);
  });

  it('requires PKCE: an authorization request without code_challenge is refused', async () => {
    const client = new CookieClient(running.url);
    const query = new URLSearchParams({
      client_id: 'signup-azure',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: registered(),
      state: 's',
      nonce: 'n',
    });
    const response = await client.send(`/login/common/v2.0/authorize?${query.toString()}`);
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '');
    assert.equal(location.origin + location.pathname, registered());
    assert.equal(location.searchParams.get('error'), 'invalid_request');
    assert.match(location.searchParams.get('error_description') ?? '', /PKCE|code_challenge/i);
  });

  it('accepts only S256 PKCE, not plain', async () => {
    const client = new CookieClient(running.url);
    const query = new URLSearchParams({
      client_id: 'signup-azure',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: registered(),
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'plain',
      state: 's',
    });
    const location = new URL(
      (await client.send(`/login/common/v2.0/authorize?${query.toString()}`)).headers.get('location') ?? '',
    );
    assert.equal(location.searchParams.get('error'), 'invalid_request');
  });

  it('refuses an unregistered redirect_uri with a page, never a redirect to it', async () => {
    const client = new CookieClient(running.url);
    const query = new URLSearchParams({
      client_id: 'signup-azure',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'https://evil.example/callback',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    const response = await client.send(`/login/common/v2.0/authorize?${query.toString()}`);
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null);
    assert.match(await response.text(), /We could not sign you in/);
  });

  it('refuses a callback whose state is not the one this browser was given', async () => {
    const client = new CookieClient(running.url);
    const callback = await signInUntilCallback(client, '/signup/', ALICE, SEED_PASSWORD);
    callback.searchParams.set('state', 'forged-state');
    const response = await client.send(callback);
    assert.equal(response.status, 400);
    assert.equal(await signedInAtSignup(client), false);
  });

  it('refuses a tampered code', async () => {
    const client = new CookieClient(running.url);
    const callback = await signInUntilCallback(client, '/signup/', ALICE, SEED_PASSWORD);
    const code = callback.searchParams.get('code') ?? '';
    callback.searchParams.set('code', `${code.slice(0, -1)}${code.endsWith('A') ? 'B' : 'A'}`);
    assert.equal((await client.send(callback)).status, 400);
    assert.equal(await signedInAtSignup(client), false);
  });

  it('refuses a replayed code, even presented with a fresh state', async () => {
    const client = new CookieClient(running.url);
    const callback = await signInUntilCallback(client, '/signup/', ALICE, SEED_PASSWORD);
    assert.equal((await client.send(callback)).status, 303, 'the first use signs in');
    assert.equal((await client.send(callback)).status, 400, 'the same callback again is refused');

    const attacker = new CookieClient(running.url);
    const started = await attacker.send('/signup/signin');
    const freshState = new URL(started.headers.get('location') ?? '').searchParams.get('state') ?? '';
    callback.searchParams.set('state', freshState);
    assert.equal((await attacker.send(callback)).status, 400, 'the spent code cannot sign anyone else in');
    assert.equal(await signedInAtSignup(attacker), false);
  });
});

describe('the relying parties verify the ID token before trusting a claim', () => {
  let running: Running;
  let elsewhere: Running;
  const tamper = tokenTamperer();
  before(async () => {
    running = await listen({ testMode: true }, { relyingPartyFetch: tamper.fetch });
    elsewhere = await listen({ testMode: true }, { relyingPartyFetch: tamper.fetch });
  });
  after(async () => {
    tamper.replaceWith(undefined);
    await Promise.all([running.close(), elsewhere.close()]);
  });

  /** Signs Alice in to `start` on `server` with the token endpoint's ID token replaced; true if it worked. */
  async function signInWith(
    server: Running,
    start: string,
    replace: ((idToken: string) => string) | undefined,
  ): Promise<boolean> {
    const client = new CookieClient(server.url);
    const callback = await signInUntilCallback(client, start, ALICE, SEED_PASSWORD);
    tamper.replaceWith(replace);
    try {
      return (await client.send(callback)).status === 303;
    } finally {
      tamper.replaceWith(undefined);
    }
  }

  async function someIdToken(server: Running, start: string): Promise<string> {
    assert.ok(await signInWith(server, start, undefined));
    const token = tamper.seen.at(-1);
    assert.ok(token);
    return token;
  }

  it('refuses a token whose claims were changed after signing (here: tid moved to another directory)', async () => {
    const signedIn = await signInWith(running, '/signup/', (idToken) => {
      const [header = '', payload = '', signature = ''] = idToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      claims.tid = '00000000-0000-0000-0000-000000000000';
      return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    });
    assert.equal(signedIn, false);
  });

  it('refuses a genuine token issued to the other relying party (wrong audience)', async () => {
    const portalToken = await someIdToken(running, '/portal/');
    assert.equal(await signInWith(running, '/signup/', () => portalToken), false);
  });

  it('refuses a genuine token of another sign-in (wrong nonce)', async () => {
    const earlier = await someIdToken(running, '/signup/');
    assert.equal(await signInWith(running, '/signup/', () => earlier), false);
  });

  it('refuses a token from another login service (wrong issuer and key)', async () => {
    const foreign = await someIdToken(elsewhere, '/signup/');
    assert.equal(await signInWith(running, '/signup/', () => foreign), false);
  });
});
