import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { WorldFiles } from '../src/store/world-files.js';
import { WorldRegistry } from '../src/world/registry.js';
import { worldFileOf as worldFile } from '../src/world/world-file.js';
import { accountOf, PROFILE, tokenFor, RecordingStore } from './helpers.js';
import { newDataDir } from './kept-worlds.js';

function registryIn(dir: string) {
  const store = new WorldFiles(dir);
  return { store, registry: new WorldRegistry({}, store, store.load()) };
}

describe('worlds kept in a data folder', () => {
  it('reads back every world, with its id, code and every change', async () => {
    const dir = newDataDir();
    const { store, registry } = registryIn(dir);
    const one = registry.createWorld();
    const two = registry.createWorld();
    assert.ok(one && two);
    one.signUpForFreeTrial(tokenFor(accountOf(one, 'alice@fabrikam.com')), 'r1', PROFILE);
    await store.flush();

    const again = registryIn(dir).registry;
    assert.equal(again.size, 2);
    const oneAgain = again.world(one.id);
    assert.equal(oneAgain?.code, one.code);
    assert.equal(oneAgain?.snapshot().subscriptions.length, 2);
    assert.equal(again.world(two.id)?.snapshot().subscriptions.length, 1);
    assert.equal(again.findAccount(accountOf(oneAgain ?? one, 'alice@fabrikam.com').id)?.world, oneAgain);
  });

  it('writes each world whole, leaving no temporary file behind, however fast the changes come', async () => {
    const dir = newDataDir();
    const { store, registry } = registryIn(dir);
    const world = registry.createWorld();
    assert.ok(world);
    for (const name of ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com', 'megan@contoso.com'])
      world.signUpForFreeTrial(tokenFor(accountOf(world, name)), name, PROFILE);
    await store.flush();
    assert.deepEqual(readdirSync(dir), [`${world.id}.json`]);
    assert.equal(
      registryIn(dir).registry.world(world.id)?.snapshot().subscriptions.length,
      5,
      'the last change is kept',
    );
  });

  it('forgets a deleted world on disk too', async () => {
    const dir = newDataDir();
    const { store, registry } = registryIn(dir);
    const world = registry.createWorld();
    assert.ok(world);
    await store.flush();
    assert.ok(registry.delete(world.id));
    await store.flush();
    assert.deepEqual(readdirSync(dir), []);
  });

  it('leaves a file that is not a world where it is, and says which', () => {
    const dir = newDataDir();
    writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
    writeFileSync(path.join(dir, '00000000-0000-4000-8000-000000000000.json'), JSON.stringify({ id: 'x' }));
    // The classes' file lives beside the worlds: it is no world, and no problem either.
    writeFileSync(path.join(dir, 'classes.json'), JSON.stringify({ format: 'mock-azure-classes/1', classes: [] }));
    const reported: string[] = [];
    const worlds = new WorldFiles(dir).load((file) => reported.push(path.basename(file)));
    assert.deepEqual(worlds, []);
    assert.deepEqual(reported.sort(), ['00000000-0000-4000-8000-000000000000.json', 'broken.json']);
    assert.equal(readdirSync(dir).length, 3);
  });
});

describe('the bounds of the registry', () => {
  it('refuses a new world rather than push out one used within the protected time', () => {
    const registry = new WorldRegistry({ maxWorlds: 2, protectedMs: 60 * 60 * 1000 });
    assert.ok(registry.createWorld());
    assert.ok(registry.createWorld());
    assert.equal(registry.createWorld(), undefined);
    assert.equal(registry.size, 2);
  });

  it('makes room by dropping the least recently used world once it is unused long enough', () => {
    const store = new RecordingStore();
    const registry = new WorldRegistry({ maxWorlds: 2, protectedMs: 0 }, store);
    const first = registry.createWorld();
    const second = registry.createWorld();
    assert.ok(first && second);
    registry.world(first.id);
    const third = registry.createWorld();
    assert.ok(third);
    assert.equal(registry.world(second.id), undefined, 'the least recently used went');
    assert.deepEqual(store.deleted, [second.id]);
  });

  it('does not bring back a world kept longer ago than WORLD_IDLE_HOURS, and deletes its file', () => {
    const store = new RecordingStore();
    const kept = registryIn(newDataDir());
    const world = kept.registry.createWorld();
    assert.ok(world);
    const file = { id: world.id, code: world.code, file: worldFile(world) };
    const hour = 60 * 60 * 1000;
    const registry = new WorldRegistry({ idleMs: 12 * hour }, store, [{ ...file, changedAt: Date.now() - 13 * hour }]);
    assert.equal(registry.size, 0);
    assert.deepEqual(store.deleted, [world.id]);
  });

  it('counts a world read back as last used when its file last changed', () => {
    const source = new WorldRegistry().createWorld();
    assert.ok(source);
    const twoHoursAgo = Date.now() - 2 * 60 * 60 * 1000;
    const registry = new WorldRegistry({}, new RecordingStore(), [
      { id: source.id, code: source.code, file: worldFile(source), changedAt: twoHoursAgo },
    ]);
    const [entry] = registry.entries();
    assert.ok(
      entry && Math.abs(entry.lastUsedAt - twoHoursAgo) < 1000,
      `last used ${entry?.lastUsedAt} ≠ ${twoHoursAgo}`,
    );
  });

  it('starting over keeps the id and code, and ends the old accounts', () => {
    const registry = new WorldRegistry();
    const world = registry.createWorld();
    assert.ok(world);
    const alice = accountOf(world, 'alice@contoso.com');
    registry.signedIn(world, alice.id);
    const fresh = registry.reset(world);
    assert.deepEqual([fresh.id, fresh.code], [world.id, world.code]);
    assert.equal(registry.findAccount(alice.id), undefined);
    assert.deepEqual(registry.entries()[0]?.signedIn, [], 'nobody is signed in to it any more');
  });
});
