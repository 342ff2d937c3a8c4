import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedWorld } from '../src/world/seed.js';
import { WorldRegistry } from '../src/world/registry.js';
import { checkWalks, worldVerdict } from '../src/world/verdict.js';
import type { Walk } from '../src/world/walks.js';
import { worldFileOf, worldFromFile } from '../src/world/world-file.js';
import type { World } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

function signUp(world: World, signInName: string, kind: 'work' | 'personal' = 'work') {
  const result = world.signUpForFreeTrial(
    tokenFor(accountOf(world, signInName, kind)),
    `r-${signInName}-${kind}`,
    PROFILE,
  );
  assert.equal(result.status, 'created');
  return result.status === 'created' ? result.subscription.id : '';
}

const verdicts = (world: World) => Object.fromEntries(checkWalks(world).map((c) => [c.walk, c.verdict]));

describe('the verdict on a world, for the trainer', () => {
  it('is not yet in the seed, whose only subscription is Pay-As-You-Go', () => {
    assert.equal(worldVerdict(createSeedWorld()), 'not-yet');
  });

  it('is done with a Free Trial in Contoso', () => {
    const world = createSeedWorld();
    signUp(world, 'alice@contoso.com');
    assert.equal(worldVerdict(world), 'done');
  });

  it('is in the trap with a Free Trial in Fabrikam, or in a Default Directory', () => {
    const fabrikam = createSeedWorld();
    signUp(fabrikam, 'alice@fabrikam.com');
    assert.equal(worldVerdict(fabrikam), 'trap');
    const personal = createSeedWorld();
    signUp(personal, 'carol@contoso.com', 'personal');
    assert.equal(worldVerdict(personal), 'trap');
  });

  it('is in the trap while any Free Trial is astray, even beside one in Contoso', () => {
    const world = createSeedWorld();
    signUp(world, 'alice@contoso.com');
    signUp(world, 'alice@fabrikam.com');
    assert.equal(worldVerdict(world), 'trap');
  });

  it('is done again once Change directory took the astray one to Contoso', () => {
    const world = createSeedWorld();
    const id = signUp(world, 'alice@fabrikam.com');
    const alice = accountOf(world, 'alice@fabrikam.com');
    assert.ok(world.changeDirectory(alice.id, id, directoryNamed(world, 'Contoso')).ok);
    assert.equal(worldVerdict(world), 'done');
  });
});

/** A seeded world made by a walk's link, as the Scenarios page makes one. */
function madeFor(walk: Walk): World {
  const world = createSeedWorld();
  world.madeFor(walk);
  return world;
}

describe('Check my work, for the walk a world was made for', () => {
  it('answers for the article as written in a world made by browsing, and for no other walk', () => {
    assert.deepEqual(verdicts(createSeedWorld()), {
      'happy-path': 'not-yet',
      'two-accounts': 'other-walk',
      'work-or-personal': 'other-walk',
      'already-signed-in': 'other-walk',
    });
  });

  it("says done for the article when Alice's Free Trial is in Contoso, and nothing of the other walks", () => {
    const world = createSeedWorld();
    signUp(world, 'alice@contoso.com');
    assert.deepEqual(
      checkWalks(world).map((c) => [c.walk, c.verdict, c.directory]),
      [
        ['happy-path', 'done', 'Contoso'],
        ['two-accounts', 'other-walk', undefined],
        ['work-or-personal', 'other-walk', undefined],
        ['already-signed-in', 'other-walk', undefined],
      ],
    );
  });

  it('says done for the two-accounts walk only, in a world that walk made, although the other Alice walks are about her too', () => {
    const world = madeFor('two-accounts');
    signUp(world, 'alice@contoso.com');
    assert.deepEqual(verdicts(world), {
      'happy-path': 'other-walk',
      'two-accounts': 'done',
      'work-or-personal': 'other-walk',
      'already-signed-in': 'other-walk',
    });
  });

  it('says the walk is in the trap when alice@fabrikam.com signed up, naming Fabrikam', () => {
    const world = madeFor('already-signed-in');
    signUp(world, 'alice@fabrikam.com');
    assert.deepEqual(
      checkWalks(world).find((c) => c.walk === 'already-signed-in'),
      { walk: 'already-signed-in', person: 'Alice Chen', verdict: 'trap', directory: 'Fabrikam' },
    );
    assert.equal(verdicts(world)['two-accounts'], 'other-walk');
  });

  it("judges Carol's walk by Carol's sign-ups only: personal is the trap, work is done", () => {
    const personal = madeFor('work-or-personal');
    signUp(personal, 'carol@contoso.com', 'personal');
    assert.equal(verdicts(personal)['work-or-personal'], 'trap');
    const work = madeFor('work-or-personal');
    signUp(work, 'carol@contoso.com');
    signUp(work, 'alice@fabrikam.com');
    assert.equal(verdicts(work)['work-or-personal'], 'done', "Alice's trap is not Carol's walk");
  });

  it("does not count someone else's Free Trial in Contoso as Alice's", () => {
    const world = createSeedWorld();
    signUp(world, 'bob@contoso.com');
    assert.equal(verdicts(world)['happy-path'], 'not-yet');
    assert.equal(worldVerdict(world), 'done');
  });

  it('tells its store when it is made for a walk, and shows the walk in its state', () => {
    const world = createSeedWorld();
    const saved: string[] = [];
    world.onChange = (changed) => saved.push(changed.walk ?? '');
    world.madeFor('work-or-personal');
    assert.deepEqual(saved, ['work-or-personal']);
    assert.equal(world.snapshot().walk, 'work-or-personal');
    assert.equal('walk' in createSeedWorld().snapshot(), false);
  });

  it('keeps its walk through Start over, a restart (its file) and an export read back', () => {
    const registry = new WorldRegistry();
    const world = registry.createWorld();
    assert.ok(world);
    world.madeFor('two-accounts');
    assert.equal(registry.reset(world).walk, 'two-accounts');
    assert.equal(worldFromFile(worldFileOf(world)).walk, 'two-accounts');
    assert.equal(worldFromFile(worldFileOf(createSeedWorld())).walk, undefined);
  });
});

describe("a world's own sign-ups, for the trainer's rows", () => {
  it("names what was signed up for in this world, not the seed's Pay-As-You-Go", () => {
    const world = createSeedWorld();
    assert.deepEqual(world.signedUpSubscriptions(), []);
    const id = signUp(world, 'alice@fabrikam.com');
    assert.deepEqual(
      world.signedUpSubscriptions().map((subscription) => subscription.id),
      [id],
    );
  });
});
