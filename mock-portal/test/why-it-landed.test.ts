import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedWorld } from '../src/world/seed.js';
import { whyItLanded } from '../src/world/why-it-landed.js';
import type { World } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

function signUp(world: World, signInName: string, kind: 'work' | 'personal' = 'work'): string {
  const result = world.signUpForFreeTrial(tokenFor(accountOf(world, signInName, kind)), 'r1', PROFILE);
  assert.equal(result.status, 'created');
  return result.status === 'created' ? result.subscription.id : '';
}

describe('Why did it land here?', () => {
  it("in the trap: names the token's directory, the other account, and that Change directory can take it there", () => {
    const world = createSeedWorld();
    const why = whyItLanded(world, signUp(world, 'alice@fabrikam.com'));
    assert.ok(why);
    assert.equal(why.signer.signInName, 'alice@fabrikam.com');
    assert.equal(why.tokenDirectory?.name, 'Fabrikam');
    assert.equal(why.directory.name, 'Fabrikam');
    assert.equal(why.moved, false);
    assert.equal(why.whereTheArticleWantsIt, false);
    assert.deepEqual(
      why.others.map((o) => [o.account.signInName, o.directory.name, o.canChangeDirectory]),
      [['alice@contoso.com', 'Contoso', true]],
    );
  });

  it('on the happy path: names the other account too, and that Change directory cannot take it to Fabrikam', () => {
    const world = createSeedWorld();
    const why = whyItLanded(world, signUp(world, 'alice@contoso.com'));
    assert.equal(why?.whereTheArticleWantsIt, true, 'said first: Contoso is where the article wants it');
    assert.deepEqual(
      why?.others.map((o) => [o.account.signInName, o.directory.name, o.canChangeDirectory]),
      [['alice@fabrikam.com', 'Fabrikam', false]],
    );
  });

  it('for a personal account: no directory in the token, a Default Directory made for it', () => {
    const world = createSeedWorld();
    const why = whyItLanded(world, signUp(world, 'carol@contoso.com', 'personal'));
    assert.ok(why);
    assert.equal(why.tokenDirectory, undefined);
    assert.equal(why.placedIn?.name, 'Default Directory');
    assert.equal(why.moved, false);
    assert.deepEqual(
      why.others.map((o) => [o.account.signInName, o.account.kind, o.directory.name, o.canChangeDirectory]),
      [['carol@contoso.com', 'work', 'Contoso', false]],
    );
  });

  it('after Change directory: says it moved, and where it was put first', () => {
    const world = createSeedWorld();
    const id = signUp(world, 'alice@fabrikam.com');
    assert.ok(
      world.changeDirectory(accountOf(world, 'alice@fabrikam.com').id, id, directoryNamed(world, 'Contoso')).ok,
    );
    const why = whyItLanded(world, id);
    assert.equal(why?.moved, true);
    assert.equal(why?.placedIn?.name, 'Fabrikam');
    assert.equal(why?.directory.name, 'Contoso');
    assert.equal(why?.whereTheArticleWantsIt, true, 'moved into Contoso, it is where the article wants it');
    assert.deepEqual(why?.others, [], 'no other account has its home directory elsewhere than where it now is');
  });

  it('has nothing to say of a subscription nobody signed up for here, or of no subscription', () => {
    const world = createSeedWorld();
    const [seeded] = world.snapshot().subscriptions;
    assert.equal(whyItLanded(world, seeded?.id ?? ''), undefined);
    assert.equal(whyItLanded(world, 'no-such-id'), undefined);
  });
});

describe('why it landed', () => {
  it('has nothing to say of a subscription it does not have, or of one nobody signed up for here', () => {
    const world = createSeedWorld();
    const davesPayAsYouGo = world.snapshot().subscriptions[0]!;
    assert.equal(whyItLanded(world, 'nope'), undefined);
    assert.equal(whyItLanded(world, davesPayAsYouGo.id), undefined);
  });
});
