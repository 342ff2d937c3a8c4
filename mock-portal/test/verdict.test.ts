import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedWorld } from '../src/world/seed.js';
import { checkWalks, worldVerdict } from '../src/world/verdict.js';
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

describe('Check my work, per walk', () => {
  it('says not yet for every walk in the seed', () => {
    assert.deepEqual(verdicts(createSeedWorld()), {
      'happy-path': 'not-yet',
      'two-accounts': 'not-yet',
      'work-or-personal': 'not-yet',
      'already-signed-in': 'not-yet',
    });
  });

  it("says done for Alice's walks when her Free Trial is in Contoso, and leaves Carol's not yet", () => {
    const world = createSeedWorld();
    signUp(world, 'alice@contoso.com');
    const checks = checkWalks(world);
    assert.deepEqual(
      checks.map((c) => [c.walk, c.verdict, c.directory]),
      [
        ['happy-path', 'done', 'Contoso'],
        ['two-accounts', 'done', 'Contoso'],
        ['work-or-personal', 'not-yet', undefined],
        ['already-signed-in', 'done', 'Contoso'],
      ],
    );
  });

  it("says Alice's walks are in the trap when she signed up as alice@fabrikam.com, naming Fabrikam", () => {
    const world = createSeedWorld();
    signUp(world, 'alice@fabrikam.com');
    const twoAccounts = checkWalks(world).find((c) => c.walk === 'two-accounts');
    assert.deepEqual(twoAccounts, {
      walk: 'two-accounts',
      person: 'Alice Chen',
      verdict: 'trap',
      directory: 'Fabrikam',
    });
  });

  it("judges Carol's walk by Carol's sign-ups only: personal is the trap, work is done", () => {
    const personal = createSeedWorld();
    signUp(personal, 'carol@contoso.com', 'personal');
    assert.equal(verdicts(personal)['work-or-personal'], 'trap');
    assert.equal(verdicts(personal)['happy-path'], 'not-yet');
    const work = createSeedWorld();
    signUp(work, 'carol@contoso.com');
    assert.equal(verdicts(work)['work-or-personal'], 'done');
  });

  it("does not count someone else's Free Trial in Contoso as Alice's", () => {
    const world = createSeedWorld();
    signUp(world, 'bob@contoso.com');
    assert.equal(verdicts(world)['happy-path'], 'not-yet');
    assert.equal(worldVerdict(world), 'done');
  });
});
