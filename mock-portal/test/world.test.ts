import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_ACCOUNTS, SEED_DIRECTORY_IDS, SEED_PASSWORD, createSeedWorld } from '../src/world/seed.js';
import { WorldRegistry } from '../src/world/registry.js';
import { worldFromState, type World, type WorldState } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

describe('the seeded world', () => {
  it('has Contoso, Fabrikam and the unmanaged Adatum, each owning its Office 365 subscription', () => {
    const { directories } = createSeedWorld().snapshot();
    assert.deepEqual(
      directories.map((d) => [d.name, d.initialDomain, d.verifiedDomains, d.managed, d.office365Subscriptions]),
      [
        [
          'Contoso',
          'contoso.onmicrosoft.com',
          ['contoso.com'],
          true,
          [{ name: 'Office 365 Enterprise E3', licences: 25 }],
        ],
        [
          'Fabrikam',
          'fabrikam.onmicrosoft.com',
          ['fabrikam.com'],
          true,
          [{ name: 'Office 365 Business Premium', licences: 10 }],
        ],
        ['Adatum', 'adatum.onmicrosoft.com', [], false, [{ name: 'Power BI (free)', licences: 0 }]],
      ],
    );
  });

  it('has every seeded account the README lists, all with the same password', () => {
    const world = createSeedWorld();
    assert.equal(world.snapshot().accounts.length, SEED_ACCOUNTS.length);
    for (const seed of SEED_ACCOUNTS) {
      const account = accountOf(world, seed.signInName, seed.kind);
      const expected = seed.locked ? 'locked' : 'ok';
      assert.equal(
        world.credentials.check(account.id, 'passw0rd!'),
        seed.locked ? 'locked' : 'wrong',
        `${seed.signInName} password is case-sensitive`,
      );
      assert.equal(world.credentials.check(account.id, SEED_PASSWORD), expected, seed.signInName);
    }
  });

  it('makes alice@fabrikam.com a guest in Contoso and Megan its Global administrator', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@fabrikam.com');
    assert.deepEqual(
      world.membershipsOf(alice.id).map((m) => [m.directory.name, m.membership]),
      [
        ['Fabrikam', 'member'],
        ['Contoso', 'guest'],
      ],
    );
    assert.deepEqual(accountOf(world, 'megan@contoso.com').directoryRoles, [
      { directoryId: directoryNamed(world, 'Contoso'), role: 'Global administrator' },
    ]);
  });

  it('finds carol@contoso.com twice, as a work and as a personal account', () => {
    const world = createSeedWorld();
    assert.deepEqual(
      world
        .accountsBySignInName(' Carol@Contoso.com ')
        .map((a) => a.kind)
        .sort(),
      ['personal', 'work'],
    );
  });

  it('locks erin@contoso.com', () => {
    assert.equal(accountOf(createSeedWorld(), 'erin@contoso.com').locked, true);
  });

  it('gives each world its own account and subscription ids, and the seeded directories the same ids in every world', () => {
    const one = createSeedWorld().snapshot();
    const two = createSeedWorld().snapshot();
    const ids = (s: typeof one) => [...s.accounts.map((a) => a.id), ...s.subscriptions.map((x) => x.id)];
    assert.equal(new Set([...ids(one), ...ids(two)]).size, ids(one).length * 2);
    const directoryIds = (s: typeof one) => s.directories.map((d) => d.id);
    assert.deepEqual(directoryIds(one), Object.values(SEED_DIRECTORY_IDS));
    assert.deepEqual(directoryIds(two), directoryIds(one));
  });

  it('leaves passwords out of the snapshot', () => {
    assert.ok(!JSON.stringify(createSeedWorld().snapshot()).includes(SEED_PASSWORD));
  });
});

describe('visibility', () => {
  it('shows a subscription only to accounts holding a role on it: a Global administrator sees none', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    const contoso = directoryNamed(world, 'Contoso');
    assert.deepEqual(
      world.subscriptionsVisibleTo(alice.id, contoso).map((v) => [v.subscription.offerId, v.myRole, v.directory.name]),
      [['MS-AZR-0044P', 'Owner', 'Contoso']],
    );
    assert.deepEqual(world.subscriptionsVisibleTo(accountOf(world, 'megan@contoso.com').id, contoso), []);
    assert.deepEqual(world.subscriptionsVisibleTo(alice.id, directoryNamed(world, 'Fabrikam')), []);
  });
});

/** A new world of the registry's, which must have room for it. */
function createdIn(registry: WorldRegistry): World {
  const world = registry.createWorld();
  assert.ok(world, 'the registry had room');
  return world;
}

describe('the registry of worlds', () => {
  it("keeps test worlds apart and finds an account's world from its id alone", () => {
    const registry = new WorldRegistry();
    const one = createdIn(registry);
    const two = createdIn(registry);
    const aliceOne = accountOf(one, 'alice@contoso.com');
    one.signUpForFreeTrial(tokenFor(aliceOne), 'r1', PROFILE);
    assert.equal(registry.findAccount(aliceOne.id)?.world, one);
    assert.equal(registry.findAccount(accountOf(two, 'alice@contoso.com').id)?.world, two);
    assert.equal(two.snapshot().subscriptions.length, 1);
    assert.equal(registry.seeded.snapshot().subscriptions.length, 1);
  });

  it('forgets the accounts of a deleted world', () => {
    const registry = new WorldRegistry();
    const world = createdIn(registry);
    const alice = accountOf(world, 'alice@contoso.com');
    assert.ok(registry.delete(world.id));
    assert.equal(registry.world(world.id), undefined);
    assert.equal(registry.findAccount(alice.id), undefined);
  });

  it('drops the least recently used test world past its limit', () => {
    const registry = new WorldRegistry({ maxWorlds: 2, idleMs: 60_000, protectedMs: 0 });
    const first = createdIn(registry);
    createdIn(registry);
    createdIn(registry);
    assert.equal(registry.size, 2);
    assert.equal(registry.world(first.id), undefined);
    assert.equal(registry.findAccount(accountOf(first, 'bob@contoso.com').id), undefined);
  });

  it('keeps the seeded world that clients without a world read apart from every world', () => {
    const registry = new WorldRegistry();
    const world = createdIn(registry);
    const alice = accountOf(world, 'alice@contoso.com');
    world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(registry.seeded.snapshot().subscriptions.length, 1);
    assert.equal(
      registry.findAccount(accountOf(registry.seeded, 'alice@contoso.com').id),
      undefined,
      'no ID token can name an account of the seeded world',
    );
    assert.equal(registry.size, 1);
  });
});

describe('resetting a test world', () => {
  it('re-seeds it under the same id and forgets its old accounts', () => {
    const registry = new WorldRegistry();
    const world = createdIn(registry);
    const alice = accountOf(world, 'alice@contoso.com');
    world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    const fresh = registry.reset(world);
    assert.equal(fresh.id, world.id);
    assert.equal(registry.world(world.id), fresh);
    assert.equal(fresh.snapshot().subscriptions.length, 1);
    assert.equal(registry.findAccount(alice.id), undefined);
    assert.equal(registry.findAccount(accountOf(fresh, 'alice@contoso.com').id)?.world, fresh);
  });
});

describe('what a world tells its store', () => {
  it('tells it of a change a rule allowed, and of none it refused', () => {
    const world = createSeedWorld();
    const result = world.signUpForFreeTrial(tokenFor(accountOf(world, 'alice@fabrikam.com')), 'r1', PROFILE);
    assert.equal(result.status, 'created');
    const subscriptionId = result.status === 'created' ? result.subscription.id : '';
    let told = 0;
    world.onChange = () => (told += 1);
    const fabrikamAlice = accountOf(world, 'alice@fabrikam.com').id;
    assert.equal(world.changeDirectory(fabrikamAlice, subscriptionId, 'no-such-directory').ok, false);
    assert.equal(told, 0, 'a refused change is not saved');
    assert.ok(world.changeDirectory(fabrikamAlice, subscriptionId, directoryNamed(world, 'Contoso')).ok);
    assert.equal(told, 1, 'an allowed change is saved');
  });
});

describe("a world's whole state, for another process", () => {
  it('brings back the same world: ids, passwords, subscriptions, progress and the walk', () => {
    const world = createSeedWorld();
    world.madeFor('two-accounts');
    const alice = accountOf(world, 'alice@contoso.com');
    assert.equal(world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE).status, 'created');
    const again = worldFromState(JSON.parse(JSON.stringify(world.state())) as WorldState);
    const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    assert.deepEqual(asJson(again.snapshot()), asJson(world.snapshot()));
    assert.equal(again.credentials.check(alice.id, SEED_PASSWORD), 'ok');
  });

  it('keeps a sign-up exactly-once: the same request id finds the subscription it made, in the other process', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const made = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    const again = worldFromState(world.state());
    const replayed = again.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(replayed.status, 'created');
    assert.equal(
      replayed.status === 'created' && made.status === 'created' && replayed.subscription.id,
      made.status === 'created' && made.subscription.id,
    );
    assert.equal(again.snapshot().subscriptions.length, world.snapshot().subscriptions.length);
  });

  it('keeps wrong passwords counting toward a lockout, and tells its store of each', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    let told = 0;
    world.onChange = () => (told += 1);
    for (let n = 0; n < 9; n += 1) assert.equal(world.credentials.check(alice.id, 'wrong'), 'wrong');
    assert.equal(told, 9);
    const again = worldFromState(world.state());
    assert.equal(again.credentials.check(alice.id, 'wrong'), 'wrong', 'the tenth, in the other process, locks');
    assert.equal(again.credentials.check(alice.id, SEED_PASSWORD), 'locked');
  });

  it("keeps a scenario link's sign-ins, each used once, and none after its time", () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com').id;
    const megan = accountOf(world, 'megan@contoso.com').id;
    world.queueSignIns([alice, megan], 1_000);
    const again = worldFromState(world.state());
    assert.equal(again.takeQueuedSignIn(alice, 500), true);
    assert.equal(again.takeQueuedSignIn(alice, 500), false, 'used up');
    assert.equal(worldFromState(again.state()).takeQueuedSignIn(megan, 1_000), false, 'too late');
    assert.equal(again.takeQueuedSignIn('someone-else', 500), false);
  });
});
