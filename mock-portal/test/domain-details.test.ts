import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorldRegistry } from '../src/world/registry.js';
import { accessOf } from '../src/world/roles.js';
import { createSeedWorld } from '../src/world/seed.js';
import { parseWorldFile, worldFileOf, worldFromFile, type WorldFile } from '../src/world/world-file.js';
import { accountOf, directoryNamed, PROFILE, tokenFor, RecordingStore } from './helpers.js';

/** Details of the domain that the mutation run showed no test held: each pins one behaviour. */

const problemsOf = (file: unknown) => {
  const parsed = parseWorldFile(JSON.stringify(file));
  return parsed.ok ? [] : parsed.problems;
};

/** A world file with a Free Trial, a role, a co-administrator and a personal Default Directory in it. */
function richFile(): WorldFile {
  const world = createSeedWorld();
  const alice = accountOf(world, 'alice@contoso.com');
  const made = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
  assert.equal(made.status, 'created');
  const id = made.status === 'created' ? made.subscription.id : '';
  assert.ok(world.grantRole(alice.id, id, accountOf(world, 'bob@contoso.com').id, 'Reader').ok);
  assert.ok(world.addCoAdministrator(alice.id, id, accountOf(world, 'megan@contoso.com').id).ok);
  const carol = accountOf(world, 'carol@contoso.com', 'personal');
  assert.equal(world.signUpForFreeTrial(tokenFor(carol), 'r2', PROFILE).status, 'created');
  return worldFileOf(world);
}

describe('a world file: every reference is checked', () => {
  const file = richFile();
  const trialIndex = file.subscriptions.findIndex((s) => s.roleAssignments.length > 1);
  const defaultDirectoryIndex = file.directories.findIndex((d) => d.createdForAccountId !== undefined);
  const guestIndex = file.accounts.findIndex((a) => a.guestOfDirectoryIds.length > 0);
  const adminIndex = file.accounts.findIndex((a) => a.directoryRoles.length > 0);
  const change = (path: string, edit: (copy: WorldFile) => void) => {
    const copy = structuredClone(file);
    edit(copy);
    return [path, problemsOf(copy)] as const;
  };
  const cases = [
    change(`directories.${defaultDirectoryIndex}`, (c) => {
      c.directories[defaultDirectoryIndex] = { ...c.directories[defaultDirectoryIndex]!, createdForAccountId: 'gone' };
    }),
    change(`accounts[0].homeDirectoryId`, (c) => {
      c.accounts[0] = { ...c.accounts[0]!, homeDirectoryId: 'gone' };
    }),
    change(`accounts[${guestIndex}].guestOfDirectoryIds[0]`, (c) => {
      c.accounts[guestIndex] = { ...c.accounts[guestIndex]!, guestOfDirectoryIds: ['gone'] };
    }),
    change(`accounts[${adminIndex}].directoryRoles[0]`, (c) => {
      c.accounts[adminIndex] = {
        ...c.accounts[adminIndex]!,
        directoryRoles: [{ directoryId: 'gone', role: 'Global administrator' }],
      };
    }),
    change(`subscriptions[${trialIndex}].accountAdminId`, (c) => {
      c.subscriptions[trialIndex] = { ...c.subscriptions[trialIndex]!, accountAdminId: 'gone' };
    }),
    change(`subscriptions[${trialIndex}].serviceAdminId`, (c) => {
      c.subscriptions[trialIndex] = { ...c.subscriptions[trialIndex]!, serviceAdminId: 'gone' };
    }),
    change(`subscriptions[${trialIndex}].coAdministratorIds[0]`, (c) => {
      c.subscriptions[trialIndex] = { ...c.subscriptions[trialIndex]!, coAdministratorIds: ['gone'] };
    }),
    change(`subscriptions[${trialIndex}].roleAssignments[1].principalId`, (c) => {
      const s = c.subscriptions[trialIndex]!;
      c.subscriptions[trialIndex] = {
        ...s,
        roleAssignments: [s.roleAssignments[0]!, { principalId: 'gone', role: 'Reader' }],
      };
    }),
  ];
  for (const [path, problems] of cases)
    it(`names ${path} when it names nothing`, () => {
      assert.ok(
        problems.some(
          (p) => p.includes('gone, which is not in the file') && p.includes(path.split('.')[0]!.split('[')[0]!),
        ),
        problems.join('; '),
      );
    });

  it('refuses two directories with one id, addresses in capitals, bad domains, long country codes and unknown roles', () => {
    const [first] = file.directories;
    assert.ok(first);
    assert.ok(
      problemsOf({ ...file, directories: [...file.directories, first] })
        .join()
        .includes('two directories share an id'),
    );
    const account = file.accounts[0]!;
    for (const bad of ['Alice@contoso.com', 'alice@contoso.com extra', 'alice@contoso']) {
      assert.notDeepEqual(
        problemsOf({ ...file, accounts: [{ ...account, signInName: bad }, ...file.accounts.slice(1)] }),
        [],
        bad,
      );
    }
    const directory = file.directories[0]!;
    for (const bad of ['contoso', 'contoso.com evil', ' contoso.com'])
      assert.notDeepEqual(
        problemsOf({ ...file, directories: [{ ...directory, initialDomain: bad }, ...file.directories.slice(1)] }),
        [],
        bad,
      );
    const trial = file.subscriptions[trialIndex]!;
    const withTrial = (s: typeof trial) => ({
      ...file,
      subscriptions: file.subscriptions.map((x) => (x === trial ? s : x)),
    });
    assert.notDeepEqual(problemsOf(withTrial({ ...trial, billingContact: { ...PROFILE, country: 'USA' } })), []);
    assert.notDeepEqual(
      problemsOf(
        withTrial({ ...trial, roleAssignments: [{ principalId: trial.accountAdminId, role: 'Admin' as 'Owner' }] }),
      ),
      [],
    );
    assert.deepEqual(
      problemsOf(
        withTrial({ ...trial, roleAssignments: [{ principalId: trial.accountAdminId, role: 'Contributor' }] }),
      ),
      [],
    );
  });

  it('brings every reference to an account along to its new id', () => {
    const world = worldFromFile(file);
    const snapshot = world.snapshot();
    const ids = new Set(snapshot.accounts.map((a) => a.id));
    const trial = snapshot.subscriptions.find((s) => s.roleAssignments.length > 1);
    assert.ok(trial);
    for (const id of [
      trial.accountAdminId,
      trial.serviceAdminId,
      ...trial.coAdministratorIds,
      ...trial.roleAssignments.map((r) => r.principalId),
    ])
      assert.ok(ids.has(id), id);
    const carol = accountOf(world, 'carol@contoso.com', 'personal');
    assert.equal(snapshot.directories.find((d) => d.createdForAccountId !== undefined)?.createdForAccountId, carol.id);
    assert.equal(snapshot.directories.filter((d) => d.createdForAccountId === undefined).length, 3);
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

describe('the extra organisations of a load-test world', () => {
  it('adds "Org n" directories, each with one member, user@orgn.com, Pat Doe n', () => {
    const world = createSeedWorld({ extraOrganisations: 2 });
    const org2 = directoryNamed(world, 'Org 2');
    assert.deepEqual(
      world.usersOf(org2).map((u) => [u.account.signInName, u.account.displayName, u.membership, u.account.locked]),
      [['user@org2.com', 'Pat Doe 2', 'member', false]],
    );
    assert.equal(world.directory(org2)?.initialDomain, 'org2.onmicrosoft.com');
    assert.equal(world.directory(org2)?.office365Subscriptions[0]?.licences, 5);
    assert.equal(world.freeTrialIneligibility(accountOf(world, 'user@org1.com').id), undefined, 'a managed directory');
    assert.equal(createSeedWorld().snapshot().directories.length, 3);
  });
});

describe('the registry, in detail', () => {
  it('refuses an arranged world when full of worlds in use, and keeps none whose arrangement was refused', () => {
    const registry = new WorldRegistry({ maxWorlds: 1 });
    assert.ok(!('problem' in registry.arrangeWorld({}, {})));
    const full = registry.arrangeWorld({}, {});
    assert.ok('problem' in full && /full/.test(full.problem));
    const roomy = new WorldRegistry();
    const refused = roomy.arrangeWorld({}, { subscriptions: [{ signedUpBy: 'dave@contoso.com' }] });
    assert.ok('problem' in refused);
    assert.equal(roomy.size, 0);
  });

  it('finds a world by its code, and replaces one from a file under its same id and code', () => {
    const store = new RecordingStore();
    const registry = new WorldRegistry({}, store);
    const world = registry.createWorld();
    assert.ok(world);
    assert.equal(registry.worldByCode(world.code), world);
    assert.equal(registry.worldByCode('ZZZ-ZZZ'), undefined);
    const alice = accountOf(world, 'alice@contoso.com');
    const replaced = registry.replaceFromFile(world, richFile());
    assert.deepEqual([replaced.id, replaced.code], [world.id, world.code]);
    assert.equal(registry.world(world.id), replaced);
    assert.equal(registry.findAccount(alice.id), undefined, 'the old accounts are forgotten');
    assert.equal(registry.findAccount(accountOf(replaced, 'alice@contoso.com').id)?.world, replaced);
    assert.deepEqual(store.saved, [world.id, world.id], 'saved when made and when replaced');
  });

  it('leaves alone a world it no longer holds when asked to start it over', () => {
    const registry = new WorldRegistry();
    const world = registry.createWorld();
    assert.ok(world && registry.delete(world.id));
    assert.equal(registry.reset(world), world);
    assert.equal(registry.size, 0);
  });

  it('says who is signed in to each world until they sign out', () => {
    const registry = new WorldRegistry();
    const world = registry.createWorld();
    assert.ok(world);
    const alice = accountOf(world, 'alice@contoso.com');
    registry.signedIn(world, alice.id);
    registry.signedIn(world, 'an-account-of-no-world');
    assert.deepEqual(
      registry.entries()[0]?.signedIn.map((a) => a.signInName),
      ['alice@contoso.com'],
    );
    registry.signedOut(world, alice.id);
    assert.deepEqual(registry.entries()[0]?.signedIn, []);
  });

  it('reads back the newest worlds first, as many as it may hold, and deletes the files of the rest', () => {
    const store = new RecordingStore();
    const file = worldFileOf(createSeedWorld());
    const now = Date.now();
    const stored = ['a', 'b', 'c'].map((id, index) => ({
      id,
      code: `AAA-AA${index}`,
      file,
      changedAt: now - (3 - index) * 1000,
    }));
    const registry = new WorldRegistry({ maxWorlds: 2 }, store, stored);
    assert.deepEqual(
      registry.entries().map((entry) => entry.world.id),
      ['c', 'b'],
      'most recently used first',
    );
    assert.deepEqual(store.deleted, ['a']);
    assert.deepEqual(store.saved, [], 'what was read back is not written again');
  });
});
