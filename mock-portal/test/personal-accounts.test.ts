import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Account, Directory } from '../src/world/model.js';
import { PERSONAL_ACCOUNT_TENANT_ID } from '../src/world/model.js';
import { defaultDirectoryDomain, placementFor } from '../src/world/placement.js';
import { createSeedWorld } from '../src/world/seed.js';
import { worldFileOf, worldFromFile } from '../src/world/world-file.js';
import type { World } from '../src/world/world.js';
import { accountOf, signUp } from './helpers.js';

/** alice@contoso.com as plain data, with a change. */
function accountLike(change: Partial<Account>, world: World = createSeedWorld()): Account {
  return { ...accountOf(world, 'alice@contoso.com'), ...change };
}

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
