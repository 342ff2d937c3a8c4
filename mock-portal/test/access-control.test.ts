import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLockedOut } from '../src/world/lockout.js';
import { createSeedWorld } from '../src/world/seed.js';
import type { World } from '../src/world/world.js';
import { accountOf, directoryNamed, signUp } from './helpers.js';

describe('the world refuses what names nothing', () => {
  it('refuses a wrong password for an account it does not have, without locking anything', () => {
    assert.equal(createSeedWorld().credentials.check('nobody', 'Passw0rd!'), 'wrong');
  });

  it('refuses a change to a subscription it does not have', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com').id;
    assert.deepEqual(world.grantRole(alice, 'nope', alice, 'Reader'), { ok: false, reason: 'unknown' });
  });

  it('answers unknown-account for the eligibility of an account it does not have', () => {
    assert.equal(createSeedWorld().freeTrialIneligibility('nobody'), 'unknown-account');
  });

  it('lists the Azure subscriptions of one directory only', () => {
    const world = createSeedWorld();
    const { subscription } = signUp(world, 'alice@fabrikam.com');
    assert.deepEqual(
      world.subscriptionsOf(directoryNamed(world, 'Fabrikam')).map((s) => s.id),
      [subscription.id],
    );
    assert.deepEqual(
      world.subscriptionsOf(directoryNamed(world, 'Contoso')).map((s) => s.offerId),
      ['MS-AZR-0003P'],
    );
  });
});

describe('lockout', () => {
  it('ends at the instant the minute is up', () => {
    assert.equal(isLockedOut({ count: 0, lockedUntil: 1_000 }, 999), true);
    assert.equal(isLockedOut({ count: 0, lockedUntil: 1_000 }, 1_000), false);
  });
});

describe('access control: revoking a role and removing a co-administrator', () => {
  function aliceWithTrial() {
    const world = createSeedWorld();
    const id = (name: string) => accountOf(world, name).id;
    const { subscription } = signUp(world, 'alice@contoso.com');
    return {
      world,
      sub: subscription.id,
      alice: id('alice@contoso.com'),
      bob: id('bob@contoso.com'),
      megan: id('megan@contoso.com'),
    };
  }
  const rolesOf = (world: World, sub: string) =>
    world.subscription(sub)?.roleAssignments.map((a) => `${a.role}:${a.principalId}`) ?? [];

  it('lets only an Owner revoke a role', () => {
    const { world, sub, alice, bob } = aliceWithTrial();
    assert.ok(world.grantRole(alice, sub, bob, 'Reader').ok);
    assert.deepEqual(world.revokeRole(bob, sub, bob, 'Reader'), { ok: false, reason: 'not-owner' });
    assert.deepEqual(rolesOf(world, sub), [`Owner:${alice}`, `Reader:${bob}`]);
  });

  it('refuses to revoke a role the person does not hold, even one someone else holds', () => {
    const { world, sub, alice, bob, megan } = aliceWithTrial();
    assert.ok(world.grantRole(alice, sub, bob, 'Reader').ok);
    assert.deepEqual(world.revokeRole(alice, sub, megan, 'Reader'), { ok: false, reason: 'no-such-assignment' });
    assert.deepEqual(world.revokeRole(alice, sub, bob, 'Contributor'), { ok: false, reason: 'no-such-assignment' });
  });

  it('revokes exactly the one role asked, keeping the person’s others and everyone else’s', () => {
    const { world, sub, alice, bob, megan } = aliceWithTrial();
    for (const [who, role] of [
      [bob, 'Reader'],
      [bob, 'Contributor'],
      [megan, 'Reader'],
    ] as const)
      assert.ok(world.grantRole(alice, sub, who, role).ok);
    assert.ok(world.revokeRole(alice, sub, bob, 'Reader').ok);
    assert.deepEqual(rolesOf(world, sub), [`Owner:${alice}`, `Contributor:${bob}`, `Reader:${megan}`]);
  });

  it('lets an Owner give up Owner while another Owner remains', () => {
    const { world, sub, alice, bob } = aliceWithTrial();
    assert.ok(world.grantRole(alice, sub, bob, 'Owner').ok);
    assert.ok(world.revokeRole(alice, sub, alice, 'Owner').ok);
    assert.deepEqual(rolesOf(world, sub), [`Owner:${bob}`]);
  });

  it('refuses to revoke the last Owner even when others hold lesser roles', () => {
    const { world, sub, alice, bob } = aliceWithTrial();
    assert.ok(world.grantRole(alice, sub, bob, 'Reader').ok);
    assert.deepEqual(world.revokeRole(alice, sub, alice, 'Owner'), { ok: false, reason: 'last-owner' });
  });

  it('refuses to make the Service Administrator a co-administrator too', () => {
    const { world, sub, alice } = aliceWithTrial();
    assert.deepEqual(world.addCoAdministrator(alice, sub, alice), { ok: false, reason: 'already-co-admin' });
  });

  it('lets only a classic administrator remove a co-administrator', () => {
    const { world, sub, alice, bob, megan } = aliceWithTrial();
    assert.ok(world.addCoAdministrator(alice, sub, bob).ok);
    assert.deepEqual(world.removeCoAdministrator(megan, sub, bob), { ok: false, reason: 'not-service-admin' });
    assert.deepEqual(world.subscription(sub)?.coAdministratorIds, [bob]);
  });
});
