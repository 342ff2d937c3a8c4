import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { translator } from '../src/i18n/index.js';
import { listen, type Running } from '../src/listen.js';
import { SIGN_IN_ATTEMPTS_PER_MINUTE } from '../src/services/login/rate-limit.js';
import { LOCKOUT_THRESHOLD } from '../src/world/lockout.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, csrfTokenOf, signInUntilCallback } from '../../testkit/cookie-client.js';
import { clientIn, newWorld, signInToSignup } from '../../testkit/flows.js';
import { OPEN_REDIRECTS } from './open-redirects.js';

const isOurs = (location: string | null, base: string) =>
  location !== null && !/^\/[/\\]/.test(location) && new URL(location, base).origin === new URL(base).origin;

describe('attacks, each asserting that nothing changed', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  it(`every return or redirect parameter refuses ${OPEN_REDIRECTS.length} open-redirect payloads`, async () => {
    assert.ok(OPEN_REDIRECTS.length >= 20);
    const worldId = await newWorld(running.url);
    for (const payload of OPEN_REDIRECTS) {
      for (const service of ['signup', 'portal']) {
        const signedOut = await fetch(
          new URL(`/${service}/signed-out?${new URLSearchParams({ state: payload }).toString()}`, running.url),
          { redirect: 'manual' },
        );
        assert.ok(
          isOurs(signedOut.headers.get('location'), running.url),
          `/${service}/signed-out?state=${payload} → ${signedOut.headers.get('location')}`,
        );
      }
      const client = clientIn(running.url, worldId);
      const callback = await signInUntilCallback(
        client,
        `/portal/signin?${new URLSearchParams({ returnTo: payload }).toString()}`,
        'alice@contoso.com',
        SEED_PASSWORD,
      );
      const landed = await client.send(callback);
      assert.ok(
        isOurs(landed.headers.get('location'), running.url),
        `/portal/signin?returnTo=${payload} → ${landed.headers.get('location')}`,
      );
    }
  });

  it('script and markup typed into a field come back escaped, under a CSP without unsafe-inline', async () => {
    const payload = `<script>alert(1)</script>"'><img src=x onerror=alert(1)>`;
    const client = clientIn(running.url, await newWorld(running.url));
    const form = await signInToSignup(client, 'alice@contoso.com', SEED_PASSWORD);
    const fields = { firstName: payload, lastName: payload, email: payload, workPhone: payload, organization: payload };
    const refused = await client.postForm('/signup/', {
      _csrf: csrfTokenOf(form),
      action: 'about',
      country: 'US',
      ...fields,
    });
    const html = await refused.text();
    assert.equal(refused.status, 422);
    assert.ok(!html.includes(payload) && !html.includes('<script>alert(1)'), 'the payload never comes back raw');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'it comes back escaped');
    const csp = refused.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);

    const login = new CookieClient(running.url);
    const { response, url } = await login.follow('/signup/');
    const answer = await login.postForm(`${url.pathname}/username`, {
      _csrf: csrfTokenOf(await response.text()),
      username: payload,
    });
    const shown = answer.status === 303 ? await login.send(answer.headers.get('location') ?? '/') : answer;
    const page = await shown.text();
    assert.ok(!page.includes('<script>alert(1)'), 'the sign-in page does not echo it raw');
  });

  it('a burst of passwords against one account from one address: locked, then rate-limited, while other accounts sign in', async () => {
    const worldId = await newWorld(running.url);
    const attacker = clientIn(running.url, worldId);
    const { response, url } = await attacker.follow('/signup/');
    const token = csrfTokenOf(await response.text());
    await attacker.postForm(`${url.pathname}/username`, { _csrf: token, username: 'alice@contoso.com' });
    const burst = SIGN_IN_ATTEMPTS_PER_MINUTE + 10;
    const statuses: number[] = [];
    const errors: string[] = [];
    for (let attempt = 0; attempt < burst; attempt += 1) {
      const answer = await attacker.postForm(`${url.pathname}/password`, {
        _csrf: token,
        password: `guess-${attempt}`,
      });
      statuses.push(answer.status);
      errors.push(/AADSTS\d+/.exec(await answer.text())?.[0] ?? '');
    }
    assert.deepEqual(
      errors.slice(0, LOCKOUT_THRESHOLD),
      Array<string>(LOCKOUT_THRESHOLD).fill('AADSTS50126'),
      'wrong passwords first',
    );
    assert.equal(errors[LOCKOUT_THRESHOLD], 'AADSTS50053', 'then the account is locked');
    assert.ok(
      statuses.slice(SIGN_IN_ATTEMPTS_PER_MINUTE).every((status) => status === 429),
      `then refused with 429: ${statuses.join(',')}`,
    );
    assert.ok(statuses.every((status) => status < 500));

    const colleague = clientIn(running.url, worldId);
    const signedIn = await colleague.follow(
      await signInUntilCallback(colleague, '/signup/', 'bob@contoso.com', SEED_PASSWORD),
    );
    assert.equal(signedIn.url.pathname, '/signup/', 'Bob, from the same address, signs in as usual');
    assert.equal(signedIn.response.status, 200);
  });

  it("the rate limit answers in the reader's language: a zh-TW browser gets the 429 page in zh-TW", async () => {
    const attacker = clientIn(running.url, await newWorld(running.url));
    attacker.cookies.set('lang', 'zh-TW');
    const { response, url } = await attacker.follow('/signup/');
    const token = csrfTokenOf(await response.text());
    let last: Response | undefined;
    for (let attempt = 0; attempt < SIGN_IN_ATTEMPTS_PER_MINUTE + 5 && last?.status !== 429; attempt += 1)
      last = await attacker.postForm(`${url.pathname}/username`, { _csrf: token, username: 'bob@contoso.com' });
    assert.equal(last?.status, 429);
    const page = (await last?.text()) ?? '';
    const zh = translator('zh-TW');
    assert.match(page, /<html lang="zh-TW">/);
    assert.ok(
      page.includes(zh('error.tooMany.title')) && page.includes(zh('error.tooMany.body')),
      'title and body in zh-TW',
    );
  });
});
