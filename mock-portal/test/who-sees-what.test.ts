import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { membershipsOf } from '../src/world/membership.js';
import type { Account } from '../src/world/model.js';
import { createSeedWorld } from '../src/world/seed.js';
import type { World } from '../src/world/world.js';
import { directoryNamed, accountOf } from './helpers.js';
import { accessOf } from '../src/world/roles.js';

/** alice@contoso.com as plain data, with a change. */
function accountLike(change: Partial<Account>, world: World = createSeedWorld()): Account {
  return { ...accountOf(world, 'alice@contoso.com'), ...change };
}

describe('memberships', () => {
  it('leaves out a directory the account is a guest of that the world does not have', () => {
    const world = createSeedWorld();
    const contoso = directoryNamed(world, 'Contoso');
    const guest = accountLike({ guestOfDirectoryIds: ['gone', contoso] }, world);
    assert.deepEqual(
      membershipsOf(guest, (id) => world.directory(id)).map((m) => [m.directory.name, m.membership]),
      [
        ['Contoso', 'member'],
        ['Contoso', 'guest'],
      ],
    );
  });

  it('says an unknown account is a user of no directory', () => {
    const world = createSeedWorld();
    assert.equal(world.isUserOf('nobody', directoryNamed(world, 'Contoso')), false);
  });
});

describe('who may see what, and who belongs where', () => {
  it('lists members first, then guests, each by address', () => {
    const world = createSeedWorld();
    const users = world.usersOf(directoryNamed(world, 'Contoso'));
    assert.deepEqual(
      users.map((u) => `${u.membership} ${u.account.signInName}`),
      [
        'member alice@contoso.com',
        'member bob@contoso.com',
        'member carol@contoso.com',
        'member dave@contoso.com',
        'member erin@contoso.com',
        'member megan@contoso.com',
        'guest alice@fabrikam.com',
      ],
    );
  });

  it('offers an account its home directory first, then those it is a guest of; a personal account none before sign-up', () => {
    const world = createSeedWorld();
    assert.deepEqual(
      world.membershipsOf(accountOf(world, 'alice@fabrikam.com').id).map((m) => `${m.membership} ${m.directory.name}`),
      ['member Fabrikam', 'guest Contoso'],
    );
    assert.deepEqual(world.membershipsOf(accountOf(world, 'carol@contoso.com', 'personal').id), []);
    assert.deepEqual(world.membershipsOf('nobody'), []);
  });

  it("shows an account's strongest role, else its classic administrator role", () => {
    const subscription = {
      id: 's',
      offerId: 'MS-AZR-0044P' as const,
      directoryId: 'd',
      accountAdminId: 'owner',
      serviceAdminId: 'service',
      coAdministratorIds: ['co'],
      roleAssignments: [
        { principalId: 'bob', role: 'Reader' as const },
        { principalId: 'bob', role: 'Contributor' as const },
        { principalId: 'bob', role: 'Reader' as const },
        { principalId: 'owner', role: 'Owner' as const },
      ],
      createdAt: new Date(0).toISOString(),
    };
    assert.equal(accessOf(subscription, 'bob'), 'Contributor');
    assert.equal(accessOf(subscription, 'owner'), 'Owner');
    assert.equal(accessOf(subscription, 'service'), 'ServiceAdmin');
    assert.equal(accessOf(subscription, 'co'), 'CoAdministrator');
    assert.equal(accessOf(subscription, 'stranger'), undefined);
  });

  it('shows one subscription only to those who may see it', () => {
    const world = createSeedWorld();
    const [daves] = world.snapshot().subscriptions;
    assert.ok(daves);
    assert.equal(world.visibleSubscription(accountOf(world, 'dave@contoso.com').id, daves.id)?.myRole, 'Owner');
    assert.equal(world.visibleSubscription(accountOf(world, 'bob@contoso.com').id, daves.id), undefined);
    assert.equal(world.visibleSubscription(accountOf(world, 'dave@contoso.com').id, 'no-such-id'), undefined);
  });
});
