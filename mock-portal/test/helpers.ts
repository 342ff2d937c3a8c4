import assert from 'node:assert/strict';
import type { WorldStore } from '../src/world/registry.js';
import {
  PERSONAL_ACCOUNT_TENANT_ID,
  type Account,
  type SignUpProfile,
  type TokenIdentity,
} from '../src/world/model.js';
import type { World } from '../src/world/world.js';
import { createSeedWorld } from '../src/world/seed.js';
import { worldFileOf, type WorldFile } from '../src/world/world-file.js';

export const PROFILE: SignUpProfile = {
  country: 'US',
  firstName: 'Alice',
  lastName: 'Chen',
  email: 'alice@contoso.com',
  workPhone: '+1 425 555 0100',
  organization: 'Contoso',
};

/** The account a seeded world knows by this address and kind. */
export function accountOf(world: World, signInName: string, kind: Account['kind'] = 'work'): Account {
  const account = world.accountsBySignInName(signInName).find((candidate) => candidate.kind === kind);
  if (!account) throw new Error(`no ${kind} account ${signInName}`);
  return account;
}

/** The identity an ID token for this account carries, as the login service issues it. */
export function tokenFor(account: Account): TokenIdentity {
  const tenantId = account.kind === 'personal' ? PERSONAL_ACCOUNT_TENANT_ID : account.homeDirectoryId;
  if (!tenantId) throw new Error(`${account.signInName} has no home directory`);
  return { tenantId, accountId: account.id };
}

export function directoryNamed(world: World, name: string): string {
  const directory = world.snapshot().directories.find((candidate) => candidate.name === name);
  if (!directory) throw new Error(`no directory ${name}`);
  return directory.id;
}

/** A world store that only remembers what it was told: which worlds were saved and deleted. */
export class RecordingStore implements WorldStore {
  readonly saved: string[] = [];
  readonly deleted: string[] = [];
  save(world: { id: string }): void {
    this.saved.push(world.id);
  }
  delete(id: string): void {
    this.deleted.push(id);
  }
}

/** Signs this account up for a Free Trial in its world, as the form would; a refusal fails the test. */
export function signUp(world: World, signInName: string, kind: Account['kind'] = 'work') {
  const result = world.signUpForFreeTrial(
    tokenFor(accountOf(world, signInName, kind)),
    `r-${signInName}-${kind}`,
    PROFILE,
  );
  assert.equal(result.status, 'created');
  return result.status === 'created' ? result : assert.fail('not created');
}

/** A world file with a Free Trial, a role, a co-administrator and a personal Default Directory in it. */
export function richFile(): WorldFile {
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
