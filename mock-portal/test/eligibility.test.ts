import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedWorld } from '../src/world/seed.js';
import { accountOf, PROFILE, tokenFor } from './helpers.js';

describe('eligibility for the free trial', () => {
  it('offers it to a plain user of a managed directory', () => {
    const world = createSeedWorld();
    assert.equal(world.freeTrialIneligibility(accountOf(world, 'alice@contoso.com').id), undefined);
  });

  it('refuses dave@contoso.com, who already owns a Pay-As-You-Go subscription', () => {
    const world = createSeedWorld();
    const dave = accountOf(world, 'dave@contoso.com');
    assert.equal(world.freeTrialIneligibility(dave.id), 'free-trial-used');
    assert.deepEqual(world.signUpForFreeTrial(tokenFor(dave), 'r1', PROFILE), {
      status: 'refused',
      reason: 'free-trial-used',
    });
    assert.equal(world.snapshot().subscriptions.length, 1);
  });

  it('refuses kim@adatum.com, whose directory is unmanaged', () => {
    const world = createSeedWorld();
    const kim = accountOf(world, 'kim@adatum.com');
    assert.equal(world.freeTrialIneligibility(kim.id), 'account-type-not-supported');
    assert.deepEqual(world.signUpForFreeTrial(tokenFor(kim), 'r1', PROFILE), {
      status: 'refused',
      reason: 'account-type-not-supported',
    });
    assert.equal(world.snapshot().subscriptions.length, 1);
  });

  it('offers it once per person: a second sign-up with a new form is refused', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    assert.equal(world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE).status, 'created');
    assert.deepEqual(world.signUpForFreeTrial(tokenFor(alice), 'r2', PROFILE), {
      status: 'refused',
      reason: 'free-trial-used',
    });
    assert.equal(world.snapshot().subscriptions.length, 2);
  });

  it('treats a personal account as a person of its own: Carol can take one as work and one as personal', () => {
    const world = createSeedWorld();
    const work = accountOf(world, 'carol@contoso.com', 'work');
    const personal = accountOf(world, 'carol@contoso.com', 'personal');
    assert.equal(world.signUpForFreeTrial(tokenFor(work), 'r1', PROFILE).status, 'created');
    assert.equal(world.signUpForFreeTrial(tokenFor(personal), 'r2', PROFILE).status, 'created');
  });

  it('needs no directory admin role: a Global administrator is offered it like anyone', () => {
    const world = createSeedWorld();
    assert.equal(world.freeTrialIneligibility(accountOf(world, 'megan@contoso.com').id), undefined);
  });
});

describe('exactly-once placement', () => {
  it('answers a replayed request id with the subscription it made first', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const first = world.signUpForFreeTrial(tokenFor(alice), 'same', PROFILE);
    const again = world.signUpForFreeTrial(tokenFor(alice), 'same', { ...PROFILE, firstName: 'Changed' });
    assert.equal(first.status, 'created');
    assert.deepEqual(again, first);
    assert.equal(world.snapshot().subscriptions.length, 2);
  });

  it('makes one subscription from many submissions of the same form', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const ids = new Set(
      Array.from({ length: 20 }, () => world.signUpForFreeTrial(tokenFor(alice), 'f', PROFILE)).map((result) =>
        result.status === 'created' ? result.subscription.id : result.reason,
      ),
    );
    assert.equal(ids.size, 1);
  });
});
