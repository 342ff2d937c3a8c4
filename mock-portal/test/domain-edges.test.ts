import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enUS } from '../src/i18n/en-US.js';
import { zhTW } from '../src/i18n/zh-TW.js';
import { arrange } from '../src/world/arrange.js';
import { isLockedOut } from '../src/world/lockout.js';
import { membershipsOf } from '../src/world/membership.js';
import type { Account, Directory } from '../src/world/model.js';
import { PERSONAL_ACCOUNT_TENANT_ID } from '../src/world/model.js';
import { defaultDirectoryDomain, placementFor } from '../src/world/placement.js';
import { DEFAULT_LIMITS, WorldRegistry, type StoredWorld } from '../src/world/registry.js';
import { createSeedWorld, SEED_ACCOUNTS, SEED_PASSWORD } from '../src/world/seed.js';
import { whyItLanded } from '../src/world/why-it-landed.js';
import { parseWorldFile, WORLD_FILE_FORMAT, worldFileOf, worldFromFile } from '../src/world/world-file.js';
import { World } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, RecordingStore, tokenFor } from './helpers.js';

/**
 * Edges of the domain that the mutation run found no test holding: each test pins one behaviour a
 * changed line would break. docs/testing.md lists the mutants left alive and why each is harmless.
 */

const HOUR = 60 * 60 * 1000;

/** alice@contoso.com as plain data, with a change. */
function accountLike(change: Partial<Account>, world: World = createSeedWorld()): Account {
  return { ...accountOf(world, 'alice@contoso.com'), ...change };
}

function signUp(world: World, signInName: string, kind: Account['kind'] = 'work') {
  const result = world.signUpForFreeTrial(
    tokenFor(accountOf(world, signInName, kind)),
    `r-${signInName}-${kind}`,
    PROFILE,
  );
  assert.equal(result.status, 'created');
  return result.status === 'created' ? result : assert.fail('not created');
}

describe('the seed: the people of PORTAL.md, each with a purpose on the Scenarios page', () => {
  it('has these people, by address, kind and name', () => {
    assert.deepEqual(
      createSeedWorld()
        .snapshot()
        .accounts.map((a) => `${a.signInName} ${a.kind} ${a.givenName} ${a.surname}`),
      [
        'alice@contoso.com work Alice Chen',
        'alice@fabrikam.com work Alice Chen',
        'megan@contoso.com work Megan Bowen',
        'bob@contoso.com work Bob Lin',
        'carol@contoso.com work Carol Huang',
        'carol@contoso.com personal Carol Huang',
        'dave@contoso.com work Dave Wu',
        'erin@contoso.com work Erin Lee',
        'kim@adatum.com work Kim Tsai',
      ],
    );
  });

  it('gives every persona its own line on the Scenarios page, in both languages', () => {
    const personas = SEED_ACCOUNTS.map((seed) => seed.persona);
    assert.equal(new Set(personas).size, personas.length);
    for (const persona of personas) {
      assert.ok(enUS[`scenarios.purpose.${persona}` as keyof typeof enUS], `en-US purpose of ${persona}`);
      assert.ok(zhTW[`scenarios.purpose.${persona}` as keyof typeof enUS], `zh-TW purpose of ${persona}`);
    }
  });

  it('makes each extra organisation a managed directory with one ordinary user, for load tests', () => {
    const snapshot = createSeedWorld({ extraOrganisations: 2 }).snapshot();
    const org2 = snapshot.directories.find((d) => d.name === 'Org 2');
    assert.deepEqual(org2?.office365Subscriptions, [{ name: 'Office 365 Business Premium', licences: 5 }]);
    const pat = snapshot.accounts.find((a) => a.signInName === 'user@org2.com');
    assert.deepEqual(
      pat && [pat.displayName, pat.givenName, pat.surname, pat.guestOfDirectoryIds, pat.directoryRoles],
      ['Pat Doe 2', 'Pat', 'Doe 2', [], []],
    );
  });
});

describe('placement: a personal account', () => {
  const directories = new Map<string, Directory>();
  const byId = (id: string) => directories.get(id);

  it('gets a new Default Directory when it has none', () => {
    const carol = accountLike({ kind: 'personal', homeDirectoryId: undefined });
    assert.deepEqual(placementFor(PERSONAL_ACCOUNT_TENANT_ID, carol, byId), { kind: 'new-default-directory' });
  });

  it('lands in its own Default Directory when it has one', () => {
    const own = createSeedWorld().snapshot().directories[0]!;
    directories.set(own.id, own);
    const carol = accountLike({ kind: 'personal', homeDirectoryId: own.id });
    assert.deepEqual(placementFor(PERSONAL_ACCOUNT_TENANT_ID, carol, byId), { kind: 'directory', directory: own });
  });

  it('names a Default Directory from an address without a domain, or with no letters at all', () => {
    assert.equal(
      defaultDirectoryDomain('carol', () => false),
      'carol.onmicrosoft.com',
    );
    assert.equal(
      defaultDirectoryDomain('@', () => false),
      'user.onmicrosoft.com',
    );
  });

  it('is given the next free Default Directory domain when its own is taken', () => {
    const file = worldFileOf(createSeedWorld());
    file.directories[0]!.initialDomain = 'carolcontoso.onmicrosoft.com';
    const world = worldFromFile(file);
    const { directory } = signUp(world, 'carol@contoso.com', 'personal');
    assert.deepEqual([directory.initialDomain, directory.managed], ['carolcontoso2.onmicrosoft.com', true]);
  });
});

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

describe('arranging a world (the test API)', () => {
  it('signs up with the billing contact a person of the seed would give', () => {
    const world = createSeedWorld();
    const result = arrange(world, { subscriptions: [{ signedUpBy: 'Alice@Contoso.com' }] });
    assert.ok(result.ok);
    const subscription = result.ok ? world.subscription(result.subscriptionIds[0]!) : undefined;
    assert.deepEqual(subscription?.billingContact, {
      country: 'US',
      firstName: 'Alice',
      lastName: 'Chen',
      email: 'alice@contoso.com',
      workPhone: '+1 425 555 0100',
      organization: '',
    });
  });

  it('names the co-administrator it could not find', () => {
    const result = arrange(createSeedWorld(), {
      subscriptions: [{ signedUpBy: 'alice@contoso.com', coAdministrators: ['nobody@contoso.com'] }],
    });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].coAdministrators[0]: no work account is called nobody@contoso.com',
    });
  });

  it('names the co-administrator a rule refused', () => {
    const result = arrange(createSeedWorld(), {
      subscriptions: [{ signedUpBy: 'alice@contoso.com', coAdministrators: ['alice@contoso.com'] }],
    });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].coAdministrators[0]: refused (already-co-admin)',
    });
  });

  it('refuses a signer with no directory to sign in to', () => {
    const file = worldFileOf(createSeedWorld());
    const erin = file.accounts.find((a) => a.signInName === 'erin@contoso.com')!;
    delete erin.homeDirectoryId;
    const result = arrange(worldFromFile(file), { subscriptions: [{ signedUpBy: 'erin@contoso.com' }] });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].signedUpBy: erin@contoso.com has no directory to sign in to',
    });
  });

  it('lets an error that is not a refusal through, rather than answering it as one', () => {
    class BrokenWorld extends World {
      override signUpForFreeTrial(): never {
        throw new Error('the disk is full');
      }
    }
    const { directories, accounts, subscriptions } = createSeedWorld().snapshot();
    const broken = new BrokenWorld({
      directories,
      accounts: accounts.map((account) => ({ ...account, password: SEED_PASSWORD })),
      subscriptions,
    });
    assert.throws(() => arrange(broken, { subscriptions: [{ signedUpBy: 'alice@contoso.com' }] }), /disk is full/);
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

describe('a world file', () => {
  it('says which format it is', () => {
    assert.equal(worldFileOf(createSeedWorld()).format, 'mock-azure-world/1');
    assert.equal(WORLD_FILE_FORMAT, 'mock-azure-world/1');
  });

  it('takes an address whose domain has several dots', () => {
    const file = worldFileOf(createSeedWorld());
    file.accounts[0]!.signInName = 'alice@mail.contoso.co.uk';
    assert.ok(parseWorldFile(JSON.stringify(file)).ok);
  });

  it('refuses an address whose domain has no dot', () => {
    const file = worldFileOf(createSeedWorld());
    file.accounts[0]!.signInName = 'alice@contoso';
    const parsed = parseWorldFile(JSON.stringify(file));
    assert.deepEqual(parsed.ok ? [] : parsed.problems.map((p) => p.split(':')[0]), ['accounts.0.signInName']);
  });

  it('names a dangling reference, names the file itself for a file that is no object, and lists at most five problems', () => {
    const file = worldFileOf(createSeedWorld());
    file.subscriptions[0]!.accountAdminId = 'gone';
    const dangling = parseWorldFile(JSON.stringify(file));
    assert.deepEqual(dangling.ok ? [] : dangling.problems, [
      'file: subscriptions[0].accountAdminId names gone, which is not in the file',
    ]);
    const notAnObject = parseWorldFile('[]');
    assert.match(notAnObject.ok ? '' : notAnObject.problems[0]!, /^file: /);
    const many = structuredClone(worldFileOf(createSeedWorld()));
    for (const account of many.accounts) account.signInName = 'not an address';
    const parsed = parseWorldFile(JSON.stringify(many));
    assert.equal(parsed.ok ? 0 : parsed.problems.length, 5);
  });

  it('brings no createdForAccountId to a directory that had none', () => {
    const world = worldFromFile(worldFileOf(createSeedWorld()));
    assert.ok(world.snapshot().directories.every((d) => !('createdForAccountId' in d)));
  });
});

describe('the registry', () => {
  it('has the documented limits: 2,000 worlds, 12 hours idle, a world used within the hour never pushed out', () => {
    assert.deepEqual(DEFAULT_LIMITS, { maxWorlds: 2_000, idleMs: 12 * HOUR, protectedMs: HOUR });
  });

  it('lists who is signed in to a world, and forgets them at sign-out, even a sign-out it never saw a sign-in for', () => {
    const registry = new WorldRegistry();
    const world = registry.createWorld()!;
    const alice = accountOf(world, 'alice@contoso.com');
    registry.signedOut(world, alice.id);
    registry.signedIn(world, alice.id);
    assert.deepEqual(
      registry.entries()[0]?.signedIn.map((a) => a.signInName),
      ['alice@contoso.com'],
    );
    registry.signedOut(world, alice.id);
    assert.deepEqual(registry.entries()[0]?.signedIn, []);
  });

  it('keeps a world, its file and its accounts when Start over puts it back under the same id', () => {
    const store = new RecordingStore();
    const registry = new WorldRegistry({}, store);
    const world = registry.createWorld()!;
    const fresh = registry.reset(world);
    assert.deepEqual(store.deleted, []);
    const alice = accountOf(fresh, 'alice@contoso.com');
    assert.equal(registry.findAccount(alice.id)?.world, fresh);
  });

  describe('on a clock moved by hand', () => {
    const IDLE = 12 * HOUR;
    /** One clock for both of the registry's, starting well after zero, moved by the test. */
    const handClock = () => {
      let now = 1_000 * HOUR;
      const clock = () => now;
      return { clocks: { monotonic: clock, wall: clock }, move: (ms: number) => (now += ms), now: clock };
    };
    const stored = (changedAt: number): StoredWorld => {
      const world = createSeedWorld();
      return { id: world.id, code: world.code, changedAt, file: worldFileOf(world) };
    };

    it('drops worlds idle longer than WORLD_IDLE_HOURS when asked to purge, and tells the store', () => {
      const { clocks, move } = handClock();
      const store = new RecordingStore();
      const registry = new WorldRegistry({}, store, [], clocks);
      const world = registry.createWorld()!;
      move(IDLE);
      registry.purgeIdle();
      assert.equal(registry.size, 1, 'idle exactly WORLD_IDLE_HOURS: kept');
      move(1);
      registry.purgeIdle();
      assert.deepEqual([registry.size, store.deleted], [0, [world.id]]);
    });

    it('lets a new world push out the least recent one only once that one has been unused for the protected hour', () => {
      const { clocks, move } = handClock();
      const registry = new WorldRegistry({ maxWorlds: 1 }, undefined, [], clocks);
      const first = registry.createWorld()!;
      move(HOUR - 1);
      assert.equal(registry.createWorld(), undefined, 'used within the hour: refused');
      move(1);
      const second = registry.createWorld();
      assert.ok(second);
      assert.deepEqual([registry.size, registry.world(first.id)], [1, undefined]);
    });

    it('makes room by purging idle worlds first, whatever the least recent of the others', () => {
      const { clocks, move } = handClock();
      const registry = new WorldRegistry({ maxWorlds: 2 }, undefined, [], clocks);
      const idle = registry.createWorld()!;
      move(IDLE);
      const busy = registry.createWorld()!;
      move(60_000);
      assert.ok(registry.world(busy.id), 'used a minute ago');
      assert.ok(registry.createWorld(), 'the idle world made room');
      assert.equal(registry.world(idle.id), undefined);
    });

    it('counts reading a world as a use, so a world read just now is never pushed out', () => {
      const { clocks, now } = handClock();
      const old = stored(now() - 2 * HOUR);
      const registry = new WorldRegistry({ maxWorlds: 1 }, new RecordingStore(), [old], clocks);
      assert.ok(registry.world(old.id));
      assert.equal(registry.createWorld(), undefined);
    });

    it('drops, at start, a world idle exactly WORLD_IDLE_HOURS, with no store to tell', () => {
      const { clocks, now } = handClock();
      const kept = stored(now() - HOUR);
      const registry = new WorldRegistry({}, undefined, [stored(now() - IDLE), kept], clocks);
      assert.deepEqual(
        registry.entries().map((entry) => [entry.world.id, entry.lastUsedAt]),
        [[kept.id, now() - HOUR]],
      );
    });

    it('keeps, at start, only the MAX_WORLDS most recent worlds, with no store to tell', () => {
      const { clocks, now } = handClock();
      const newest = stored(now() - HOUR);
      const registry = new WorldRegistry({ maxWorlds: 1 }, undefined, [stored(now() - 2 * HOUR), newest], clocks);
      assert.deepEqual(
        registry.entries().map((entry) => entry.world.id),
        [newest.id],
      );
    });
  });
});
