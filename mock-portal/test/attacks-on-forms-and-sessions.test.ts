import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, csrfTokenOf, signInUntilCallback } from '../../testkit/cookie-client.js';
import { clientIn, newWorld, signOutOverHttp, signUpOverHttp } from '../../testkit/flows.js';
import { fetchTrustingTestCertificate, listenTls } from './tls.js';

const snapshot = async (base: string, worldId: string) =>
  (await fetch(new URL(`/__test__/worlds/${worldId}`, base))).text();

/** Signs this client in at the portal through the login pages and returns the Subscriptions page. */
async function signInToPortal(client: CookieClient, signInName: string): Promise<string> {
  const { response } = await client.follow(
    await signInUntilCallback(client, '/portal/subscriptions', signInName, SEED_PASSWORD),
  );
  return response.text();
}

describe('attacks, each asserting that nothing changed', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  it('every state-changing request without a valid CSRF token gets 403 and changes nothing', async () => {
    const worldId = await newWorld(running.url);
    const signup = clientIn(running.url, worldId);
    await signUpOverHttp(signup, 'alice@fabrikam.com', SEED_PASSWORD);
    const portal = clientIn(running.url, worldId);
    const page = await signInToPortal(portal, 'alice@fabrikam.com');
    const subscriptionId = /\/portal\/subscriptions\/([0-9a-f-]{36})/.exec(page)?.[1];
    assert.ok(subscriptionId, 'the portal lists the new subscription');
    const state = JSON.parse(await snapshot(running.url, worldId)) as {
      accounts: { id: string; signInName: string }[];
      directories: { id: string; name: string }[];
    };
    const bob = state.accounts.find((account) => account.signInName === 'bob@contoso.com')?.id ?? '';
    const contoso = state.directories.find((directory) => directory.name === 'Contoso')?.id ?? '';
    const signingIn = clientIn(running.url, worldId);
    const { url: interaction } = await signingIn.follow('/signup/');
    const sub = `/portal/subscriptions/${subscriptionId}`;

    const attempts: [CookieClient, string, Record<string, string>][] = [
      [portal, '/portal/directories', { directoryId: contoso }],
      [portal, `${sub}/access-control/add`, { principalId: bob, role: 'Owner' }],
      [portal, `${sub}/access-control/remove`, { principalId: bob, role: 'Owner' }],
      [portal, `${sub}/administrators/service-admin`, { accountId: bob }],
      [portal, `${sub}/administrators/co-admins/add`, { accountId: bob }],
      [portal, `${sub}/administrators/co-admins/remove`, { accountId: bob }],
      [portal, `${sub}/change-directory`, { directoryId: contoso }],
      [portal, '/portal/signout', {}],
      [signup, '/signup/', { action: 'about', country: 'US', workPhone: '+1 425 555 0100' }],
      [signup, '/signup/signout', {}],
      [portal, '/scenarios/start-over', {}],
      ...(['pick', 'forget', 'sign-out', 'username', 'which', 'password', 'stay-signed-in'] as const).map(
        (step): [CookieClient, string, Record<string, string>] => [
          signingIn,
          `${interaction.pathname}/${step}`,
          { username: 'alice@contoso.com', password: SEED_PASSWORD, accountId: bob, kind: 'work', stay: 'yes' },
        ],
      ),
    ];
    const before = await snapshot(running.url, worldId);
    for (const [client, path, fields] of attempts) {
      for (const token of [undefined, 'forged-token', csrfTokenOf(page).slice(1)]) {
        const response = await client.postForm(path, token === undefined ? fields : { ...fields, _csrf: token });
        assert.equal(response.status, 403, `${path} with ${token === undefined ? 'no token' : 'a wrong token'}`);
      }
    }
    assert.equal(await snapshot(running.url, worldId), before, 'the world is as it was');
    assert.equal(
      (await portal.send('/portal/subscriptions')).status,
      200,
      'and Alice is still signed in at the portal',
    );
  });

  it("a tile's menu given ids it never showed, and help pages given topics and uids they do not know: nothing changes, nothing breaks", async () => {
    const worldId = await newWorld(running.url);
    const browser = clientIn(running.url, worldId);
    await signInToPortal(browser, 'alice@contoso.com');
    const { response, url: picker } = await browser.follow('/signup/signin?prompt=select_account');
    const pickerHtml = await response.text();
    const tilesOf = (html: string) => [...html.matchAll(/class="tile-account">([^<]+)</g)].map((m) => m[1]).sort();
    assert.deepEqual(tilesOf(pickerHtml), ['alice@contoso.com']);
    const before = await snapshot(running.url, worldId);
    for (const action of ['forget', 'sign-out'])
      for (const accountId of ['', 'nobody', '<script>alert(1)</script>', 'x'.repeat(5_000), '../../admin', '\u0000']) {
        const answer = await browser.postForm(`${picker.pathname}/${action}`, {
          accountId,
          _csrf: csrfTokenOf(pickerHtml),
        });
        assert.equal(answer.status, 303, `${action} ${accountId.slice(0, 20)}`);
        assert.equal(answer.headers.get('location'), `${picker.pathname}/pick`);
      }
    const again = await (await browser.send(`${picker.pathname}/pick`)).text();
    assert.deepEqual(tilesOf(again), ['alice@contoso.com'], 'the tile is still there');
    assert.match(again, />Signed in</, 'and still signed in');
    assert.equal(await snapshot(running.url, worldId), before, 'the world is as it was');

    for (const topic of ['', 'admin', '..%2F..%2Fetc%2Fpasswd', '<script>', 'cant-access%00'])
      assert.equal((await fetch(new URL(`/login/help/${topic}`, running.url))).status, 404, topic);
    for (const uid of ['<script>alert(1)</script>', '../../evil', 'a'.repeat(65), 'https://evil.example']) {
      const help = await fetch(new URL(`/login/help/forgot-password?uid=${encodeURIComponent(uid)}`, running.url));
      assert.equal(help.status, 200);
      assert.match(await help.text(), /<a href="\/">/, 'an unknown uid leads back home, not into it');
    }
  });

  it('a session only from sign-in on, with a new id; the pending sign-in and the signed-out session are worth nothing', async () => {
    const worldId = await newWorld(running.url);
    const client = clientIn(running.url, worldId);
    await client.follow('/signup/', (next) => next.pathname.startsWith('/login/'));
    assert.equal(client.cookies.get('signup.sid'), undefined, 'a browser on its way to sign in has no sign-up session');
    const pending = client.cookies.get('signup.signin');
    assert.ok(pending, 'the pending sign-in travels in its own cookie');
    await client.follow(await signInUntilCallback(client, '/signup/', 'alice@contoso.com', SEED_PASSWORD));
    const signedIn = client.cookies.get('signup.sid');
    assert.ok(signedIn, 'signed in, with a session');
    assert.equal(client.cookies.get('signup.signin'), undefined, 'the pending sign-in was used up at the callback');

    const thief = clientIn(running.url, worldId);
    thief.cookies.set('signup.sid', pending);
    thief.cookies.set('signup.signin', pending);
    assert.equal((await thief.send('/signup/')).status, 303, 'the pending sign-in cookie is not a session');

    const form = await (await client.send('/signup/')).text();
    await signOutOverHttp(client, form);
    thief.cookies.set('signup.sid', signedIn);
    const afterSignOut = await thief.send('/signup/');
    assert.equal(afterSignOut.status, 303, 'the signed-out session is gone');
    assert.match(afterSignOut.headers.get('location') ?? '', /\/login\/common\/v2\.0\/authorize\?/);
  });

  it('every cookie is HttpOnly and SameSite=Lax over HTTP, and Secure as well over HTTPS', async () => {
    const check = async (base: string, fetchImpl?: typeof fetch) => {
      const client = new CookieClient(base, fetchImpl);
      await client.send('/?lang=zh-TW');
      await client.follow(await signInUntilCallback(client, '/signup/', 'alice@contoso.com', SEED_PASSWORD));
      await client.send('/scenarios');
      return client.setCookieLines.filter((line) => !/expires=Thu, 01 Jan 1970/i.test(line));
    };
    const plain = await check(running.url);
    const names = new Set(plain.map((line) => line.split('=')[0]));
    for (const expected of [
      'lang',
      'signup.signin',
      'signup.sid',
      'login.sid',
      'login.accounts',
      '_session',
      '_interaction',
    ])
      assert.ok(names.has(expected), `saw ${expected}`);
    for (const line of plain) {
      assert.match(line, /;\s*httponly/i, line);
      assert.match(line, /;\s*samesite=lax/i, line);
      assert.doesNotMatch(line, /;\s*secure/i, `no Secure over plain HTTP: ${line}`);
    }
    const tls = await listenTls();
    try {
      const secure = await check(tls.url, fetchTrustingTestCertificate);
      assert.ok(secure.length >= plain.length - 1);
      for (const line of secure) assert.match(line, /;\s*secure/i, line);
    } finally {
      await tls.close();
    }
  });
});
