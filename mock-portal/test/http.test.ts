import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { WORLD_COOKIE } from '../src/contract.js';

/** A GET or POST that never follows redirects, so tests see what the server answered. */
async function call(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(new URL(path, base), { redirect: 'manual', ...init });
}

function json(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A GET whose request line carries this exact path, as a hand-written request would. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; location: string | undefined }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    })
      .on('error', reject)
      .end();
  });
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('the server outside test mode', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: false });
  });
  after(() => running.close());

  it('has no test-only API: its paths are ordinary 404 pages', async () => {
    for (const [method, path] of [
      ['POST', '/__test__/worlds'],
      ['GET', '/__test__/worlds/x'],
      ['DELETE', '/__test__/worlds/x'],
    ] as const) {
      const response = await call(running.url, path, { method });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    }
  });

  it('answers a cookie that names no world with a page that says the world has gone, and forgets the cookie', async () => {
    const response = await call(running.url, '/scenarios', { headers: { cookie: `${WORLD_COOKIE}=whatever` } });
    assert.equal(response.status, 410);
    assert.match(await response.text(), /This world has gone/);
    assert.match(response.headers.get('set-cookie') ?? '', new RegExp(`${WORLD_COOKIE}=;.*Expires=Thu, 01 Jan 1970`));
  });
});

describe('the server in test mode', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  it('makes, reads and deletes a world through the test-only API', async () => {
    const created = await call(running.url, '/__test__/worlds', json({}));
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const state = (await (await call(running.url, `/__test__/worlds/${id}`)).json()) as {
      accounts: unknown[];
      subscriptions: unknown[];
    };
    assert.equal(state.accounts.length, 9);
    assert.equal(state.subscriptions.length, 1);
    assert.equal((await call(running.url, `/__test__/worlds/${id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await call(running.url, `/__test__/worlds/${id}`)).status, 404);
  });

  it('refuses a form posted without its CSRF token with 403, and changes nothing', async () => {
    const { id } = (await (await call(running.url, '/__test__/worlds', json({}))).json()) as { id: string };
    const world = running.registry.world(id);
    const before = JSON.stringify(world?.snapshot());
    const response = await call(running.url, '/scenarios/start-over', {
      ...form({}),
      headers: { ...form({}).headers, cookie: `${WORLD_COOKIE}=${id}` },
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /could not be verified/);
    assert.equal(running.registry.world(id), world, 'the world was not replaced');
    assert.equal(JSON.stringify(world?.snapshot()), before);
  });

  it('refuses a forged CSRF token with 403', async () => {
    const response = await call(running.url, '/scenarios/start-over', form({ _csrf: 'forged' }));
    assert.equal(response.status, 403);
  });

  it('answers an unknown path with a 404 page and no stack trace', async () => {
    const response = await call(running.url, '/no/such/page');
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /Page not found/);
    assert.doesNotMatch(html, /at \w+ \(|node_modules|Error:/);
  });

  it('refuses a body over the limit with 413 and a malformed one with 400, never a 5xx', async () => {
    const tooLarge = await call(running.url, '/scenarios/start-over', form({ _csrf: 'x', filler: 'a'.repeat(10_000) }));
    assert.equal(tooLarge.status, 413);
    const malformed = await call(running.url, '/__test__/worlds', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken',
    });
    assert.equal(malformed.status, 400);
    assert.doesNotMatch(await malformed.text(), /SyntaxError|at JSON/);
  });

  it('sends a Content-Security-Policy without unsafe-inline on every page', async () => {
    for (const path of ['/', '/free', '/scenarios', '/no/such/page']) {
      const csp = (await call(running.url, path)).headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline/, path);
    }
  });

  it('switches language with ?lang=, remembers it in a cookie, and stays on this origin', async () => {
    const switched = await call(running.url, '/free?lang=zh-TW');
    assert.equal(switched.status, 303);
    assert.equal(switched.headers.get('location'), '/free');
    assert.match(switched.headers.get('set-cookie') ?? '', /lang=zh-TW/);
    const page = await (await call(running.url, '/free', { headers: { cookie: 'lang=zh-TW' } })).text();
    assert.match(page, /開始免費使用/);
    assert.match(page, /<html lang="zh-TW">/);
    for (const path of [
      '//evil.example/?lang=zh-TW',
      '/\\evil.example/?lang=zh-TW',
      '/%2F%2Fevil.example/?lang=zh-TW',
    ]) {
      const sneaky = await rawGet(running.url, path);
      assert.equal(sneaky.status, 303, path);
      assert.doesNotMatch(sneaky.location ?? '', /^\/\/|^\/\\|^https?:|evil/, path);
    }
  });

  it('chooses the language from Accept-Language when no cookie says otherwise', async () => {
    const zh = await (
      await call(running.url, '/', { headers: { 'accept-language': 'zh-TW,zh;q=0.9,en;q=0.8' } })
    ).text();
    assert.match(zh, /開始免費使用/);
    const en = await (await call(running.url, '/', { headers: { 'accept-language': 'fr-FR, en;q=0.5' } })).text();
    assert.match(en, /Start free/);
  });

  it('sends a browser that is not signed in from the sign-up page to the login service with PKCE, state and nonce', async () => {
    const response = await call(running.url, '/signup/');
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '', running.url);
    assert.equal(location.pathname, '/login/common/v2.0/authorize', "Microsoft's common authority");
    for (const parameter of ['code_challenge', 'state', 'nonce'])
      assert.ok(location.searchParams.get(parameter), parameter);
    assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
    // The checks for the callback travel in an encrypted cookie that only the callback receives; no session yet.
    const cookies = response.headers.get('set-cookie') ?? '';
    assert.match(cookies, /signup\.signin=[^;]+; Max-Age=3600; Path=\/signup\/callback;.*HttpOnly.*SameSite=Lax/i);
    assert.doesNotMatch(cookies, /signup\.sid=/);
    for (const secret of [location.searchParams.get('state') ?? '', location.searchParams.get('nonce') ?? ''])
      assert.ok(!cookies.includes(secret), 'state and nonce are not readable in the cookie');
  });
});
