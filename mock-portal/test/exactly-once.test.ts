import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { csrfTokenOf } from '../../testkit/cookie-client.js';
import { clientIn, fillFormUntilAgreement, newWorld, signInToSignup, signUpOverHttp } from '../../testkit/flows.js';
import { proofIt, type Assert } from './proof.js';

interface State {
  directories: { id: string; name: string }[];
  accounts: { id: string; signInName: string }[];
  subscriptions: { offerId: string; directoryId: string; accountAdminId: string }[];
}

/** Exactly once: however the form is sent again, one subscription. */
describe('a sign-up is placed exactly once', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const freeTrials = async (worldId: string) => {
    const state = (await (await fetch(new URL(`/__test__/worlds/${worldId}`, running.url))).json()) as State;
    const name = (id: string) => state.accounts.find((account) => account.id === id)?.signInName;
    const directory = (id: string) => state.directories.find((each) => each.id === id)?.name;
    return state.subscriptions
      .filter((s) => s.offerId === 'MS-AZR-0044P')
      .map((s) => ({ admin: name(s.accountAdminId), directory: directory(s.directoryId) }));
  };

  /** Alice signed in, every section filled: the form's last page, ready for Sign up. */
  const readyToSignUp = async () => {
    const worldId = await newWorld(running.url);
    const client = clientIn(running.url, worldId);
    const ready = await fillFormUntilAgreement(
      client,
      await signInToSignup(client, 'alice@contoso.com', SEED_PASSWORD),
    );
    const signUp = () => client.postForm('/signup/', { _csrf: csrfTokenOf(ready), action: 'signup', agree: 'on' });
    return { worldId, client, ready, signUp };
  };

  proofIt('rule-exactly-once', 'a double click (two posts at once) makes one subscription', async (check: Assert) => {
    const { worldId, signUp } = await readyToSignUp();
    const answers = await Promise.all([signUp(), signUp()]);
    check.deepEqual(
      answers.map((answer) => answer.status),
      [303, 303],
    );
    check.deepEqual(await freeTrials(worldId), [{ admin: 'alice@contoso.com', directory: 'Contoso' }]);
  });

  proofIt('rule-exactly-once', 'ten concurrent posts of the same form make one subscription', async (check: Assert) => {
    const { worldId, signUp } = await readyToSignUp();
    const answers = await Promise.all(Array.from({ length: 10 }, signUp));
    check.ok(answers.every((answer) => answer.status === 303 && answer.headers.get('location') === '/signup/done'));
    check.equal((await freeTrials(worldId)).length, 1);
  });

  proofIt(
    'rule-exactly-once',
    'resubmitting, and replaying the old page after Back, both land on the same confirmation',
    async (check: Assert) => {
      const { worldId, client, ready, signUp } = await readyToSignUp();
      check.equal((await signUp()).headers.get('location'), '/signup/done');
      check.equal((await signUp()).headers.get('location'), '/signup/done', 'resubmitted');
      const replay = await client.postForm('/signup/', {
        _csrf: csrfTokenOf(ready),
        action: 'about',
        country: 'US',
        workPhone: '+1 425 555 0100',
      });
      check.equal(replay.headers.get('location'), '/signup/done', 'an earlier section replayed from the Back button');
      check.equal((await freeTrials(worldId)).length, 1);
    },
  );

  it("50 concurrent sign-ups of 50 accounts make 50 subscriptions, each in its own account's directory", async () => {
    const worldId = await newWorld(running.url, 50);
    const people = Array.from({ length: 50 }, (_, index) => `user@org${index + 1}.com`);
    const results = await Promise.all(
      people.map((person) => signUpOverHttp(clientIn(running.url, worldId), person, SEED_PASSWORD)),
    );
    assert.ok(
      results.every((result) => result.status === 303 && result.location === '/signup/done'),
      JSON.stringify(results.filter((r) => r.location !== '/signup/done')),
    );
    const placed = await freeTrials(worldId);
    assert.equal(placed.length, 50);
    for (const [index, person] of people.entries())
      assert.deepEqual(
        placed.filter((p) => p.admin === person),
        [{ admin: person, directory: `Org ${index + 1}` }],
      );
  });
});
