import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { postSection, signInToSignup } from '../../testkit/flows.js';
import { learnerJoins, trainerIn as trainerInWith } from '../../testkit/classes.js';
import { WORLD_COOKIE, LEARNER_COOKIE } from '../src/contract.js';

const KEY = 'a-trainer-key-for-tests-0123456789';

const trainerIn = (base: string) => trainerInWith(base, KEY);

const HOSTILE_NAMES: readonly [string, string, RegExp][] = [
  ['10,000 characters', 'x'.repeat(10_000), /at most/],
  ['a NUL and a bell', 'Dana\u0000\u0007', /control characters/],
  ['an escape sequence', '\u001b[31mDana', /control characters/],
  ['a right-to-left override', '\u202Eanad', /direction of text/],
  ['a right-to-left mark', 'Dana\u200F', /direction of text/],
  ['only spaces', '   ', /Type a name/],
];

describe('classes over HTTP', () => {
  let running: Running;
  let base: string;
  before(async () => {
    running = await listen({ trainerKey: KEY });
    base = running.url;
  });
  after(() => running.close());

  async function startClass(name: string): Promise<{ id: string; code: string }> {
    const { trainer, csrf } = await trainerIn(base);
    const response = await trainer.postForm('/trainer/classes', { _csrf: await csrf(), name });
    assert.equal(response.status, 303);
    const id = /\/trainer\/classes\/([0-9a-f-]+)$/.exec(response.headers.get('location') ?? '')?.[1] ?? '';
    const classroom = running.classes.byId(id);
    assert.ok(classroom);
    return { id, code: classroom.code };
  }

  it('a trainer starts a class only with the key and a CSRF token', async () => {
    const outsider = new CookieClient(base);
    assert.equal((await outsider.postForm('/trainer/classes', { name: 'Tuesday' })).status, 401);
    const { trainer } = await trainerIn(base);
    assert.equal((await trainer.postForm('/trainer/classes', { name: 'Tuesday' })).status, 403);
    assert.ok(running.classes.list().every((classroom) => classroom.name !== 'Tuesday'));
  });

  it('refuses hostile class names with a clear message and starts nothing; markup is only text', async () => {
    const { trainer, csrf } = await trainerIn(base);
    const before = running.classes.list().length;
    for (const [what, name, message] of HOSTILE_NAMES) {
      const response = await trainer.postForm('/trainer/classes', { _csrf: await csrf(), name });
      assert.equal(response.status, 422, what);
      assert.match(await response.text(), message, what);
    }
    assert.equal(running.classes.list().length, before);
    const { id } = await startClass('<img src=x onerror=alert(1)>');
    const html = await (await trainer.send(`/trainer/classes/${id}`)).text();
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(html, /<img src=x/);
  });

  it('refuses hostile learner names and joins nobody; a name with markup shows as text in the list and the CSV', async () => {
    const { id, code } = await startClass('Names');
    for (const [what, name, message] of HOSTILE_NAMES) {
      const { learner, response } = await learnerJoins(base, code, name);
      assert.equal(response.status, 422, what);
      assert.match(await response.text(), message, what);
      assert.equal(learner.cookies.get(LEARNER_COOKIE), undefined, what);
    }
    assert.deepEqual(running.classes.byId(id)?.learners, []);
    const { response } = await learnerJoins(base, code, '<script>alert(1)</script>');
    assert.equal(response.status, 303);
    const { trainer } = await trainerIn(base);
    const list = await (await trainer.send(`/trainer/classes/${id}/live`)).text();
    assert.match(list, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(list, /<script>/);
    await learnerJoins(base, code, '=HYPERLINK("http://evil")');
    const csv = await (await trainer.send(`/trainer/classes/${id}/learners.csv`)).text();
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/evil""\)"/, 'a formula is defused');
  });

  it('joining makes one world for the learner: the one a browser with none is given, or a fresh one', async () => {
    const { id, code } = await startClass('One world each');
    const before = running.registry.size;
    const { learner } = await learnerJoins(base, code, 'Dana');
    assert.equal(running.registry.size, before + 1, 'one world, not one for the post and one for the class');
    assert.equal(running.classes.byId(id)?.learners[0]?.worldId, learner.cookies.get(WORLD_COOKIE));
    const again = await learner.send(`/class/${code}`);
    const rejoined = await learner.postForm(`/class/${code}`, { _csrf: csrfTokenOf(await again.text()), name: 'Dana' });
    assert.equal(rejoined.status, 303);
    assert.equal(running.registry.size, before + 2, 'a browser that had a world gets a fresh one');
    assert.equal(running.classes.byId(id)?.learners[1]?.worldId, learner.cookies.get(WORLD_COOKIE));
  });

  it('a learner who changes their name mid-class keeps one row, with the new name and the same world', async () => {
    const { id, code } = await startClass('Renames');
    const { learner } = await learnerJoins(base, code, 'Dana');
    const world = running.classes.byId(id)?.learners[0]?.worldId;
    assert.ok(world, 'joining gave the learner a world');
    const page = await (await learner.send('/class')).text();
    assert.equal((await learner.postForm('/class/name', { _csrf: csrfTokenOf(page), name: 'Dana Lee' })).status, 303);
    const refused = await learner.postForm('/class/name', { _csrf: csrfTokenOf(page), name: 'x'.repeat(10_000) });
    assert.equal(refused.status, 422);
    assert.deepEqual(
      running.classes.byId(id)?.learners.map((l) => [l.name, l.worldId]),
      [['Dana Lee', world]],
    );
  });

  it("follows the learner's browser into every world it uses, and shows how far the current one got", async () => {
    const { id, code } = await startClass('Progress');
    const { learner } = await learnerJoins(base, code, 'Farid');
    const first = running.classes.byId(id)?.learners[0]?.worldId;
    // A walk's link makes a new world: it is Farid's now.
    await learner.follow('/scenarios/happy-path');
    const second = running.classes.byId(id)?.learners[0]?.worldId;
    assert.ok(first && second && first !== second);
    assert.equal(second, learner.cookies.get(WORLD_COOKIE));
    const form = await signInToSignup(learner, 'alice@contoso.com', SEED_PASSWORD);
    await postSection(learner, form, { action: 'about', country: 'US', workPhone: '+1 425 555 0100' });
    const { trainer } = await trainerIn(base);
    const list = await (await trainer.send(`/trainer/classes/${id}/live`)).text();
    assert.match(list, /Sign-up form, section 2: Identity verification by phone/);
    const csv = (await (await trainer.send(`/trainer/classes/${id}/learners.csv`)).text()).trim().split('\n');
    assert.equal(
      csv[0],
      'learner,world,verdict,how_far,how_far_detail,how_far_since,last_activity,signed_in,azure_subscriptions',
    );
    assert.match(csv[1] ?? '', /^Farid,[A-Z0-9]{3}-[A-Z0-9]{3},not-yet,form-section,2,/);
    assert.equal(csv.length, 2, 'one row per learner');
  });

  it('refuses joining an ended class (410), and an ended class lets its learners go while its list stays', async () => {
    const { id, code } = await startClass('Ended');
    const { learner } = await learnerJoins(base, code, 'Dana');
    // Another learner has the join page open when the class ends.
    const late = new CookieClient(base);
    const joinPage = await (await late.send(`/class/${code}`)).text();
    const { trainer, csrf } = await trainerIn(base);
    assert.equal((await trainer.postForm(`/trainer/classes/${id}/end`, { _csrf: await csrf() })).status, 303);
    const refused = await late.postForm(`/class/${code}`, { _csrf: csrfTokenOf(joinPage), name: 'Late' });
    assert.equal(refused.status, 410);
    assert.equal(late.cookies.get(LEARNER_COOKIE), undefined);
    assert.equal((await new CookieClient(base).send(`/class/${code}`)).status, 410);
    const page = await learner.send('/class');
    assert.match(await page.text(), /This browser is in no class/);
    assert.equal(learner.cookies.get(LEARNER_COOKIE), undefined, 'the browser left the class');
    assert.deepEqual(
      running.classes.byId(id)?.learners.map((l) => l.name),
      ['Dana'],
    );
    assert.match(await (await trainer.send(`/trainer/classes/${id}/learners.csv`)).text(), /\nDana,/);
  });

  it('answers a made-up learner cookie as no learner, and a class id that names nothing with 404', async () => {
    const stranger = new CookieClient(base);
    stranger.cookies.set(LEARNER_COOKIE, '<script>');
    const page = await stranger.send('/class');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /This browser is in no class/);
    const { trainer } = await trainerIn(base);
    for (const path of [
      '/trainer/classes/nothing',
      '/trainer/classes/nothing/live',
      '/trainer/classes/nothing/learners.csv',
    ])
      assert.equal((await trainer.send(path)).status, 404, path);
  });
});
