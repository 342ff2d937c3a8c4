import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWorldFile, worldFromFile, type WorldFile } from '../src/world/world-file.js';
import { accountOf, PROFILE, richFile } from './helpers.js';

const problemsOf = (file: unknown) => {
  const parsed = parseWorldFile(JSON.stringify(file));
  return parsed.ok ? [] : parsed.problems;
};

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
