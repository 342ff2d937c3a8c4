import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { signUpOverHttp } from '../../testkit/flows.js';
import { listenKeepingWorlds, newDataDir, restartKeepingWorlds } from './kept-worlds.js';
import { WORLD_COOKIE } from '../src/contract.js';

/** A browser's first request: the home page, which leaves a cookie (the language's) as any visit would. */
function browserAt(base: string): CookieClient {
  const browser = new CookieClient(base);
  browser.cookies.set('lang', 'en-US');
  return browser;
}

const freeTrialDirectories = (running: Running, worldId: string | undefined) => {
  const world = worldId ? running.registry.world(worldId) : undefined;
  return (world?.snapshot().subscriptions ?? [])
    .filter((s) => s.offerId === 'MS-AZR-0044P')
    .map((s) => world?.directory(s.directoryId)?.name);
};

describe('worlds for everyone', () => {
  let running: Running;
  before(async () => {
    running = await listen({});
  });
  after(() => running.close());

  it('gives two browsers signing up as alice@contoso.com each a Free Trial in Contoso, in worlds of their own', async () => {
    const one = browserAt(running.url);
    const two = browserAt(running.url);
    for (const browser of [one, two]) {
      const signedUp = await signUpOverHttp(browser, 'alice@contoso.com', SEED_PASSWORD);
      assert.equal(signedUp.location, '/signup/done');
    }
    const worldOf = (browser: CookieClient) => browser.cookies.get(WORLD_COOKIE);
    assert.notEqual(worldOf(one), worldOf(two));
    assert.deepEqual(freeTrialDirectories(running, worldOf(one)), ['Contoso']);
    assert.deepEqual(freeTrialDirectories(running, worldOf(two)), ['Contoso']);
  });

  it('creates no world for clients that send no cookies, whatever they ask', async () => {
    const before = running.registry.size;
    for (const path of ['/', '/scenarios', '/healthz', '/signup/', '/portal/', '/free', '/scenarios/export'])
      assert.ok((await fetch(new URL(path, running.url), { redirect: 'manual' })).status < 500, path);
    for (const path of ['/scenarios/start-over', '/scenarios/import', '/signup/', '/login/interaction/x/username'])
      assert.ok((await fetch(new URL(path, running.url), { method: 'POST', redirect: 'manual' })).status < 500, path);
    const walk = await fetch(new URL('/scenarios/happy-path', running.url), { redirect: 'manual' });
    assert.equal(walk.status, 303, 'a scenario link first checks that cookies work');
    const again = await fetch(new URL(walk.headers.get('location') ?? '', running.url), { redirect: 'manual' });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /keeps no cookies/);
    assert.equal(running.registry.size, before);
  });

  it('opens the same world, signed in as nobody, from the link on the Scenarios page', async () => {
    const owner = browserAt(running.url);
    await signUpOverHttp(owner, 'alice@contoso.com', SEED_PASSWORD);
    const page = await (await owner.send('/scenarios')).text();
    const link = /id="join-link"[^>]*value="([^"]+)"/.exec(page)?.[1];
    assert.ok(link, 'the Scenarios page shows the link');
    const privateWindow = new CookieClient(running.url);
    const joined = await privateWindow.send(new URL(link).pathname);
    assert.equal(joined.status, 303);
    assert.equal(privateWindow.cookies.get(WORLD_COOKIE), owner.cookies.get(WORLD_COOKIE));
    const portal = await privateWindow.send('/portal/subscriptions');
    assert.equal(portal.status, 303, 'signed in as nobody: the portal asks for a sign-in');
    const scenarios = await (await privateWindow.send('/scenarios')).text();
    assert.match(scenarios, /Free Trial<\/td><td>Contoso<\/td><td>alice@contoso\.com/);
  });

  it('answers a link to no world with the world-gone page, and leaves the browser as it was', async () => {
    const browser = browserAt(running.url);
    for (const id of ['00000000-0000-4000-8000-000000000000', 'x', '..%2F..%2Fetc', "'%20OR%201=1"]) {
      const response = await browser.send(`/worlds/join/${id}`);
      assert.equal(response.status, 410, id);
      assert.equal(browser.cookies.get(WORLD_COOKIE), undefined);
    }
  });

  it("Start over puts back only this browser's world", async () => {
    const one = browserAt(running.url);
    const two = browserAt(running.url);
    await signUpOverHttp(one, 'alice@contoso.com', SEED_PASSWORD);
    await signUpOverHttp(two, 'alice@contoso.com', SEED_PASSWORD);
    const page = await (await one.send('/scenarios')).text();
    const response = await one.postForm('/scenarios/start-over', { _csrf: csrfTokenOf(page) });
    assert.equal(response.status, 303);
    assert.deepEqual(freeTrialDirectories(running, one.cookies.get(WORLD_COOKIE)), []);
    assert.deepEqual(freeTrialDirectories(running, two.cookies.get(WORLD_COOKIE)), ['Contoso']);
  });
});

describe('the bounds on new worlds', () => {
  it('refuses more new worlds from one address than NEW_WORLDS_PER_ADDRESS, with a page, making none', async () => {
    const running = await listen({ newWorldsPerAddress: 2 });
    try {
      for (let i = 0; i < 2; i += 1) {
        const browser = browserAt(running.url);
        assert.equal((await signUpOverHttp(browser, 'bob@contoso.com', SEED_PASSWORD)).location, '/signup/done');
      }
      const third = browserAt(running.url);
      const refused = await third.follow('/scenarios/happy-path');
      assert.equal(refused.response.status, 429);
      assert.match(await refused.response.text(), /Too many new worlds from your address/);
      assert.equal(running.registry.size, 2);
    } finally {
      await running.close();
    }
  });
});

describe('worlds across a restart', () => {
  it('keeps every world, and its people sign in again', async () => {
    let running = await listenKeepingWorlds(newDataDir());
    try {
      const browsers = [browserAt(running.url), browserAt(running.url)];
      await signUpOverHttp(browsers[0]!, 'alice@contoso.com', SEED_PASSWORD);
      await signUpOverHttp(browsers[1]!, 'alice@fabrikam.com', SEED_PASSWORD);
      const codes = browsers.map((b) => running.registry.world(b.cookies.get(WORLD_COOKIE) ?? '')?.code);
      running = await restartKeepingWorlds(running);
      assert.equal(running.registry.size, 2);
      assert.deepEqual(freeTrialDirectories(running, browsers[0]!.cookies.get(WORLD_COOKIE)), ['Contoso']);
      assert.deepEqual(freeTrialDirectories(running, browsers[1]!.cookies.get(WORLD_COOKIE)), ['Fabrikam']);
      assert.deepEqual(
        browsers.map((b) => running.registry.world(b.cookies.get(WORLD_COOKIE) ?? '')?.code),
        codes,
      );
      const portal = await browsers[0]!.send('/portal/subscriptions');
      assert.equal(portal.status, 303, 'sessions end with the process: the portal asks for a sign-in');
    } finally {
      await running.close();
    }
  });
});
