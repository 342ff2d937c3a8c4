import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedWorld } from '../src/world/seed.js';
import { MAX_CO_ADMINISTRATORS, addCoAdministrator, changeDirectory } from '../src/world/subscription-rules.js';
import type { World } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

/** A world where alice@contoso.com has just signed up: her Free Trial in Contoso, and everyone's ids. */
function afterAliceSignsUp() {
  const world = createSeedWorld();
  const id = (signInName: string) => accountOf(world, signInName).id;
  const alice = id('alice@contoso.com');
  const result = world.signUpForFreeTrial(tokenFor(accountOf(world, 'alice@contoso.com')), 'r1', PROFILE);
  if (result.status !== 'created') throw new Error('sign-up failed');
  return {
    world,
    subscriptionId: result.subscription.id,
    alice,
    aliceFabrikam: id('alice@fabrikam.com'),
    megan: id('megan@contoso.com'),
    bob: id('bob@contoso.com'),
    kim: id('kim@adatum.com'),
    contoso: directoryNamed(world, 'Contoso'),
    fabrikam: directoryNamed(world, 'Fabrikam'),
  };
}

const subscriptionIn = (world: World, id: string) => world.subscription(id);

describe('access control (IAM)', () => {
  it('lets the Owner give Owner, Contributor or Reader to members of the directory', () => {
    const { world, subscriptionId, alice, megan, bob } = afterAliceSignsUp();
    assert.ok(world.grantRole(alice, subscriptionId, bob, 'Contributor').ok);
    assert.ok(world.grantRole(alice, subscriptionId, megan, 'Reader').ok);
    assert.ok(world.grantRole(alice, subscriptionId, bob, 'Owner').ok);
    assert.deepEqual(
      subscriptionIn(world, subscriptionId)?.roleAssignments.map((a) => [a.role, a.principalId]),
      [
        ['Owner', alice],
        ['Contributor', bob],
        ['Reader', megan],
        ['Owner', bob],
      ],
    );
  });

  it('lets the Owner give a role to a guest of the directory (alice@fabrikam.com in Contoso)', () => {
    const { world, subscriptionId, alice, aliceFabrikam } = afterAliceSignsUp();
    assert.ok(world.grantRole(alice, subscriptionId, aliceFabrikam, 'Reader').ok);
  });

  it('refuses someone who is not a user of the directory, and changes nothing', () => {
    const { world, subscriptionId, alice, kim } = afterAliceSignsUp();
    const before = subscriptionIn(world, subscriptionId);
    assert.deepEqual(world.grantRole(alice, subscriptionId, kim, 'Reader'), { ok: false, reason: 'not-in-directory' });
    assert.equal(subscriptionIn(world, subscriptionId), before);
  });

  it('lets only Owners grant: a Contributor, and a Global administrator with no role, cannot', () => {
    const { world, subscriptionId, alice, megan, bob } = afterAliceSignsUp();
    world.grantRole(alice, subscriptionId, bob, 'Contributor');
    assert.deepEqual(world.grantRole(bob, subscriptionId, megan, 'Reader'), { ok: false, reason: 'not-owner' });
    assert.deepEqual(world.grantRole(megan, subscriptionId, megan, 'Owner'), { ok: false, reason: 'not-owner' });
  });

  it('refuses a duplicate assignment', () => {
    const { world, subscriptionId, alice, bob } = afterAliceSignsUp();
    world.grantRole(alice, subscriptionId, bob, 'Reader');
    assert.deepEqual(world.grantRole(alice, subscriptionId, bob, 'Reader'), { ok: false, reason: 'already-assigned' });
  });

  it('lets an Owner remove assignments, but never the last Owner', () => {
    const { world, subscriptionId, alice, bob } = afterAliceSignsUp();
    world.grantRole(alice, subscriptionId, bob, 'Reader');
    assert.ok(world.revokeRole(alice, subscriptionId, bob, 'Reader').ok);
    assert.deepEqual(world.revokeRole(alice, subscriptionId, bob, 'Reader'), {
      ok: false,
      reason: 'no-such-assignment',
    });
    assert.deepEqual(world.revokeRole(alice, subscriptionId, alice, 'Owner'), { ok: false, reason: 'last-owner' });
    world.grantRole(alice, subscriptionId, bob, 'Owner');
    assert.ok(world.revokeRole(bob, subscriptionId, alice, 'Owner').ok, 'with a second Owner, the first can go');
  });

  it('makes a subscription visible to Megan, Global administrator, only once she holds a role', () => {
    const { world, subscriptionId, alice, megan, contoso } = afterAliceSignsUp();
    assert.deepEqual(world.subscriptionsVisibleTo(megan, contoso), []);
    world.grantRole(alice, subscriptionId, megan, 'Reader');
    assert.deepEqual(
      world.subscriptionsVisibleTo(megan, contoso).map((v) => v.myRole),
      ['Reader'],
    );
  });
});

describe('administrators', () => {
  it('lets the Account admin change the Service admin, to a user of the directory only', () => {
    const { world, subscriptionId, alice, bob, kim } = afterAliceSignsUp();
    assert.deepEqual(world.changeServiceAdmin(bob, subscriptionId, bob), { ok: false, reason: 'not-account-admin' });
    assert.deepEqual(world.changeServiceAdmin(alice, subscriptionId, kim), { ok: false, reason: 'not-in-directory' });
    assert.ok(world.changeServiceAdmin(alice, subscriptionId, bob).ok);
    assert.equal(subscriptionIn(world, subscriptionId)?.serviceAdminId, bob);
    assert.equal(subscriptionIn(world, subscriptionId)?.accountAdminId, alice, 'billing ownership does not move');
  });

  it('lets the Service admin and co-administrators add and remove co-administrators', () => {
    const { world, subscriptionId, alice, bob, megan } = afterAliceSignsUp();
    assert.ok(world.addCoAdministrator(alice, subscriptionId, bob).ok);
    assert.ok(world.addCoAdministrator(bob, subscriptionId, megan).ok, 'a co-administrator adds another');
    assert.deepEqual(world.addCoAdministrator(alice, subscriptionId, bob), { ok: false, reason: 'already-co-admin' });
    assert.ok(world.removeCoAdministrator(alice, subscriptionId, megan).ok);
    assert.deepEqual(world.removeCoAdministrator(alice, subscriptionId, megan), { ok: false, reason: 'not-co-admin' });
    assert.deepEqual(subscriptionIn(world, subscriptionId)?.coAdministratorIds, [bob]);
  });

  it('refuses co-administrators from anyone else, and from outside the directory', () => {
    const { world, subscriptionId, alice, bob, megan, kim } = afterAliceSignsUp();
    assert.deepEqual(world.addCoAdministrator(megan, subscriptionId, bob), { ok: false, reason: 'not-service-admin' });
    assert.deepEqual(world.addCoAdministrator(alice, subscriptionId, kim), { ok: false, reason: 'not-in-directory' });
  });

  it(`stops at ${MAX_CO_ADMINISTRATORS} co-administrators`, () => {
    const { world, subscriptionId, alice, bob } = afterAliceSignsUp();
    const full = {
      ...world.subscription(subscriptionId)!,
      coAdministratorIds: Array.from({ length: MAX_CO_ADMINISTRATORS }, (_, i) => `co-${i}`),
    };
    assert.deepEqual(addCoAdministrator(full, alice, { id: bob, inDirectory: true }), {
      ok: false,
      reason: 'co-admin-limit',
    });
    const oneLess = { ...full, coAdministratorIds: full.coAdministratorIds.slice(1) };
    assert.ok(addCoAdministrator(oneLess, alice, { id: bob, inDirectory: true }).ok);
  });
});

describe('change directory', () => {
  /** Pitfall 1's aftermath: alice@fabrikam.com owns a Free Trial in Fabrikam. */
  function afterTheTrap() {
    const world = createSeedWorld();
    const wrong = accountOf(world, 'alice@fabrikam.com');
    const result = world.signUpForFreeTrial(tokenFor(wrong), 'r1', PROFILE);
    if (result.status !== 'created') throw new Error('sign-up failed');
    return {
      world,
      subscriptionId: result.subscription.id,
      mover: wrong.id,
      contoso: directoryNamed(world, 'Contoso'),
      fabrikam: directoryNamed(world, 'Fabrikam'),
      adatum: directoryNamed(world, 'Adatum'),
    };
  }

  it('lets an Owner who is a guest of the target move the subscription there (the way out of pitfall 1)', () => {
    const { world, subscriptionId, mover, contoso, fabrikam } = afterTheTrap();
    assert.ok(world.changeDirectory(mover, subscriptionId, contoso).ok);
    assert.equal(subscriptionIn(world, subscriptionId)?.directoryId, contoso);
    assert.deepEqual(
      world.subscriptionsVisibleTo(mover, contoso).map((v) => v.myRole),
      ['Owner'],
    );
    assert.deepEqual(world.subscriptionsVisibleTo(mover, fabrikam), []);
  });

  it("removes every role assignment and co-administrator except the mover's own; billing ownership stays", () => {
    const { world, subscriptionId, mover, contoso } = afterTheTrap();
    const before = world.subscription(subscriptionId)!;
    const shared = {
      ...before,
      accountAdminId: 'billing-owner',
      serviceAdminId: 'someone',
      roleAssignments: [
        ...before.roleAssignments,
        { principalId: 'someone', role: 'Owner' as const },
        { principalId: 'reader', role: 'Reader' as const },
      ],
      coAdministratorIds: ['someone', mover],
    };
    const result = changeDirectory(shared, mover, { id: contoso, actorIsUser: true });
    assert.ok(result.ok);
    if (!result.ok) return;
    assert.deepEqual(result.subscription.roleAssignments, [{ principalId: mover, role: 'Owner' }]);
    assert.deepEqual(result.subscription.coAdministratorIds, [mover]);
    assert.equal(result.subscription.accountAdminId, 'billing-owner');
    assert.equal(result.subscription.serviceAdminId, mover);
    assert.equal(result.subscription.directoryId, contoso);
  });

  it('refuses a mover who is not a user of the target directory', () => {
    const { world, subscriptionId, mover, adatum, fabrikam } = afterTheTrap();
    assert.deepEqual(world.changeDirectory(mover, subscriptionId, adatum), { ok: false, reason: 'not-in-directory' });
    assert.equal(subscriptionIn(world, subscriptionId)?.directoryId, fabrikam);
  });

  it('refuses a co-administrator who is not an Owner, and anyone without a role', () => {
    const { subscriptionId, mover, contoso, world } = afterTheTrap();
    const subscription = world.subscription(subscriptionId)!;
    const coAdminOnly = { ...subscription, coAdministratorIds: ['co'] };
    assert.deepEqual(changeDirectory(coAdminOnly, 'co', { id: contoso, actorIsUser: true }), {
      ok: false,
      reason: 'co-admin-cannot-move',
    });
    assert.deepEqual(changeDirectory(subscription, 'stranger', { id: contoso, actorIsUser: true }), {
      ok: false,
      reason: 'not-owner',
    });
    assert.ok(changeDirectory(subscription, mover, { id: contoso, actorIsUser: true }).ok);
  });

  it('refuses a move to the directory it is already in, or to one that does not exist', () => {
    const { world, subscriptionId, mover, fabrikam } = afterTheTrap();
    assert.deepEqual(world.changeDirectory(mover, subscriptionId, fabrikam), { ok: false, reason: 'same-directory' });
    assert.deepEqual(world.changeDirectory(mover, subscriptionId, 'nowhere'), { ok: false, reason: 'unknown' });
  });
});
