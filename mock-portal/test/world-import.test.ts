import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { WORLD_FILE_MAX_BYTES } from '../src/world/world-file.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { signUpOverHttp } from '../../testkit/flows.js';
import { WORLD_COOKIE } from '../src/contract.js';

/** Posts a file as the Scenarios page's form does; `fields` can leave out or forge the CSRF token. */
async function upload(
  browser: CookieClient,
  content: string | Uint8Array,
  fields: Record<string, string>,
  name = 'world.json',
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('world', new Blob([content], { type: 'application/json' }), name);
  return browser.send('/scenarios/import', { method: 'POST', body: form });
}

describe('export and import of a world', () => {
  let running: Running;
  let browser: CookieClient;
  let token: string;
  const world = () => running.registry.world(browser.cookies.get(WORLD_COOKIE) ?? '');
  const state = () => JSON.stringify(running.registry.world(browser.cookies.get(WORLD_COOKIE) ?? '')?.snapshot());
  /** The Scenarios page after an import, with the message it shows once. */
  const messageAfter = async (response: Response) => {
    assert.equal(response.status, 303);
    const html = await (await browser.send('/scenarios')).text();
    token = csrfTokenOf(html);
    return /class="(?:notice|error-summary)" role="(?:status|alert)">([^<]*)</.exec(html)?.[1] ?? '';
  };

  before(async () => {
    running = await listen({});
    browser = new CookieClient(running.url);
    browser.cookies.set('lang', 'en-US');
    await signUpOverHttp(browser, 'alice@fabrikam.com', SEED_PASSWORD);
    token = csrfTokenOf(await (await browser.send('/scenarios')).text());
  });
  after(() => running.close());

  it('downloads this world as a JSON file named by its code', async () => {
    const response = await browser.send('/scenarios/export');
    const code = running.registry.world(browser.cookies.get(WORLD_COOKIE) ?? '')?.code ?? '';
    assert.equal(response.headers.get('content-disposition'), `attachment; filename=world-${code}.json`);
    const file = (await response.json()) as { format: string; subscriptions: unknown[] };
    assert.equal(file.format, 'mock-azure-world/1');
    assert.equal(file.subscriptions.length, 2);
  });

  it('refuses a malformed, schema-breaking, empty or oversized file with a message, and changes nothing', async () => {
    const exported = (await (await browser.send('/scenarios/export')).json()) as Record<string, unknown>;
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['not JSON', '{"format": "mock-azure-world/1",', /not a world downloaded from this mock \(not JSON\)/],
      ['another schema', JSON.stringify({ ...exported, subscriptions: 'none' }), /not a world downloaded/],
      ['an extra field', JSON.stringify({ ...exported, __proto__: { admin: true }, extra: 1 }), /not a world/],
      ['a script for a name', JSON.stringify({ ...exported, directories: [{ name: '<script>' }] }), /not a world/],
      ['empty', '', /choose a world file first/],
      ['oversized', new Uint8Array(WORLD_FILE_MAX_BYTES + 1).fill(32), /larger than 512 KB/],
    ];
    for (const [what, content, message] of cases) {
      const before = state();
      const shown = await messageAfter(await upload(browser, content, { _csrf: token }));
      assert.match(shown, message, what);
      assert.doesNotMatch(shown, /<script>/, what);
      assert.equal(state(), before, `${what}: the world is unchanged`);
    }
  });

  it('refuses an import without its CSRF token (403) or with a forged one, and changes nothing', async () => {
    const exported = await (await browser.send('/scenarios/export')).text();
    const before = state();
    assert.equal((await upload(browser, exported, {})).status, 403);
    assert.equal((await upload(browser, exported, { _csrf: 'forged' })).status, 403);
    assert.equal(state(), before);
  });

  it('refuses more than one file or too many fields without a 500', async () => {
    const form = new FormData();
    form.append('_csrf', token);
    for (let i = 0; i < 3; i += 1) form.append('world', new Blob(['{}']), `w${i}.json`);
    const before = state();
    const shown = await messageAfter(await browser.send('/scenarios/import', { method: 'POST', body: form }));
    assert.match(shown, /could not be read/);
    assert.equal(state(), before);
  });

  it('never answers random bytes with a 500, and never changes the world for them', async () => {
    const before = state();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const response = await upload(browser, bytes, { _csrf: token });
        assert.equal(response.status, 303);
        await messageAfter(response);
      }),
      { numRuns: 25 },
    );
    assert.equal(state(), before);
  });

  it('replaces this world with a good file, signs this browser out, and the file can come back again', async () => {
    const fresh = new CookieClient(running.url);
    fresh.cookies.set('lang', 'en-US');
    const seedFile = await (await fresh.send('/scenarios/export')).text();
    const exported = await (await browser.send('/scenarios/export')).text();
    const shown = await messageAfter(await upload(browser, seedFile, { _csrf: token }, 'seed.json'));
    assert.match(shown, /The world in seed\.json is loaded/);
    assert.equal(world()?.snapshot().subscriptions.length, 1, 'only the seed subscription');
    assert.equal((await browser.send('/portal/subscriptions')).status, 303, 'signed out');
    await messageAfter(await upload(browser, exported, { _csrf: token }));
    assert.equal(world()?.snapshot().subscriptions.length, 2, 'the Free Trial is back');
  });
});
