import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { WRONG_KEYS_PER_QUARTER_HOUR } from '../src/services/trainer/access.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient } from '../../testkit/cookie-client.js';
import { signUpOverHttp } from '../../testkit/flows.js';
import { WORLD_COOKIE } from '../src/contract.js';

const KEY = 'a-trainer-key-for-tests-0123456789';

describe('the trainer view', () => {
  let running: Running;
  before(async () => {
    running = await listen({ trainerKey: KEY });
  });
  after(() => running.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(new URL(path, running.url), { headers, redirect: 'manual' });

  it('refuses no key and a wrong key with a 401 page that shows nothing of the class', async () => {
    const learner = new CookieClient(running.url);
    learner.cookies.set('lang', 'en-US');
    await signUpOverHttp(learner, 'alice@fabrikam.com', SEED_PASSWORD);
    const code = running.registry.world(learner.cookies.get(WORLD_COOKIE) ?? '')?.code ?? '';
    const attempts = [
      get('/trainer'),
      get('/trainer?key=wrong'),
      get(`/trainer?key=${KEY}x`),
      get(`/trainer?key=${KEY.slice(0, -1)}`),
      get('/trainer', { cookie: 'trainer.key=wrong' }),
      get('/trainer', { authorization: 'Bearer wrong' }),
      get('/trainer/worlds.csv'),
      get('/trainer/live'),
      get(`/trainer/worlds/${code}`),
      get(`/trainer?key=${'k'.repeat(5000)}`),
    ];
    for (const response of await Promise.all(attempts)) {
      assert.equal(response.status, 401);
      const html = await response.text();
      assert.match(html, /The trainer view needs its key/);
      assert.doesNotMatch(html, /alice@fabrikam\.com|In the trap|Fabrikam/);
    }
  });

  it('takes the printed link, swaps the key for a cookie, and shows every world with its verdict', async () => {
    const first = await get(`/trainer?key=${encodeURIComponent(KEY)}`);
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/trainer', 'the key leaves the address bar');
    const cookie = first.headers.getSetCookie().find((line) => line.startsWith('trainer.key='));
    assert.match(cookie ?? '', /HttpOnly/i);
    assert.match(cookie ?? '', /SameSite=Strict/i);
    const page = await get('/trainer', { cookie: (cookie ?? '').split(';')[0] ?? '' });
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /In the trap: 1</);
    assert.match(html, /<script src="\/static\/trainer.js" defer><\/script>/);
    assert.doesNotMatch(html, /<script>/, 'no inline script');
  });

  it('answers Authorization: Bearer, and downloads the class as CSV with formulas defused', async () => {
    const csv = await get('/trainer/worlds.csv', { authorization: `Bearer ${KEY}` });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\n');
    assert.equal(lines[0], 'world,verdict,last_used,signed_in,azure_subscriptions');
    assert.ok(lines.some((line) => /,trap,.*Free Trial in Fabrikam \(alice@fabrikam\.com\)/.test(line)));
    assert.ok(
      lines.every((line) => !line.includes('Pay-As-You-Go')),
      "the seed's own subscription, in every world, is not repeated in every row",
    );
  });

  it('opens a world read-only by its code, and answers an unknown code with 404', async () => {
    const [entry] = running.registry.entries();
    assert.ok(entry);
    const view = await get(`/trainer/worlds/${entry.world.code.toLowerCase()}`, { authorization: `Bearer ${KEY}` });
    assert.equal(view.status, 200);
    const html = await view.text();
    assert.match(html, /Read-only/);
    assert.doesNotMatch(html, /<form/, 'nothing on it changes anything');
    assert.equal((await get('/trainer/worlds/ZZZ-ZZZ', { authorization: `Bearer ${KEY}` })).status, 404);
    assert.equal((await get('/trainer/worlds/%3Cscript%3E', { authorization: `Bearer ${KEY}` })).status, 404);
  });
});

describe('guessing the trainer key', () => {
  it('is refused with 429 after too many wrong keys from one address, the right key included', async () => {
    const running = await listen({ trainerKey: KEY });
    try {
      const get = (key: string) => fetch(new URL(`/trainer?key=${key}`, running.url), { redirect: 'manual' });
      for (let i = 0; i < WRONG_KEYS_PER_QUARTER_HOUR; i += 1) assert.equal((await get(`guess-${i}`)).status, 401);
      const limited = await get('one-more-guess');
      assert.equal(limited.status, 429);
      assert.match(await limited.text(), /Too many wrong keys/);
      assert.equal((await get(KEY)).status, 429, 'guessing cannot go on behind the limit');
    } finally {
      await running.close();
    }
  });
});
