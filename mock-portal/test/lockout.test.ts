import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOCKOUT_DURATION_MS, LOCKOUT_THRESHOLD } from '../src/world/lockout.js';
import { SEED_PASSWORD, createSeedWorld } from '../src/world/seed.js';
import { accountOf } from './helpers.js';

describe('lockout after repeated wrong passwords', () => {
  it(`locks an account after ${LOCKOUT_THRESHOLD} wrong passwords, for ${LOCKOUT_DURATION_MS / 1000} seconds`, () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const t0 = 1_000_000;
    for (let i = 1; i < LOCKOUT_THRESHOLD; i += 1)
      assert.equal(world.credentials.check(alice.id, `wrong ${i}`, t0 + i), 'wrong');
    assert.equal(
      world.credentials.check(alice.id, 'wrong again', t0 + LOCKOUT_THRESHOLD),
      'wrong',
      'the threshold-th is still answered "wrong"',
    );
    assert.equal(
      world.credentials.check(alice.id, SEED_PASSWORD, t0 + LOCKOUT_THRESHOLD + 1),
      'locked',
      'then even the right password is refused',
    );
    assert.equal(
      world.credentials.check(alice.id, SEED_PASSWORD, t0 + LOCKOUT_THRESHOLD + LOCKOUT_DURATION_MS + 1),
      'ok',
      'until the lockout ends',
    );
  });

  it('clears the count on a right password', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    for (let i = 1; i < LOCKOUT_THRESHOLD; i += 1) world.credentials.check(alice.id, 'wrong', i);
    assert.equal(world.credentials.check(alice.id, SEED_PASSWORD, 100), 'ok');
    for (let i = 1; i < LOCKOUT_THRESHOLD; i += 1)
      assert.equal(world.credentials.check(alice.id, 'wrong', 100 + i), 'wrong');
    assert.equal(world.credentials.check(alice.id, SEED_PASSWORD, 200), 'ok');
  });

  it('counts per account: locking one account leaves the others alone', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const bob = accountOf(world, 'bob@contoso.com');
    for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) world.credentials.check(alice.id, 'wrong', 10);
    assert.equal(world.credentials.check(alice.id, SEED_PASSWORD, 11), 'locked');
    assert.equal(world.credentials.check(bob.id, SEED_PASSWORD, 11), 'ok');
  });

  it('counts per world: the same address in another world is not locked', () => {
    const one = createSeedWorld();
    const two = createSeedWorld();
    for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1)
      one.credentials.check(accountOf(one, 'alice@contoso.com').id, 'wrong', 10);
    assert.equal(two.credentials.check(accountOf(two, 'alice@contoso.com').id, SEED_PASSWORD, 11), 'ok');
  });

  it('keeps erin@contoso.com locked whatever is typed', () => {
    const world = createSeedWorld();
    assert.equal(world.credentials.check(accountOf(world, 'erin@contoso.com').id, SEED_PASSWORD), 'locked');
  });
});
