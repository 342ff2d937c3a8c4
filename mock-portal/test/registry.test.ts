import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LIMITS, WorldRegistry, type StoredWorld } from '../src/world/registry.js';
import { createSeedWorld } from '../src/world/seed.js';
import { worldFileOf } from '../src/world/world-file.js';
import { worldFromState } from '../src/world/world.js';
import { accountOf, PROFILE, RecordingStore, richFile, tokenFor } from './helpers.js';

const HOUR = 60 * 60 * 1000;

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

  it("reads one live world's entry without counting it as a use, and nothing for a world that is not there", () => {
    // Well after zero: lru-cache reads a start of 0 as no start at all.
    let now = 1_000 * HOUR;
    const clocks = { monotonic: () => now, wall: () => now };
    const registry = new WorldRegistry({}, undefined, [], clocks);
    const world = registry.createWorld();
    assert.ok(world);
    now += 5 * 60_000;
    const entry = registry.entry(world.id);
    assert.equal(entry?.world, world);
    assert.equal(entry?.lastUsedAt, 1_000 * HOUR, 'last used when made, five minutes ago');
    now += 60_000;
    assert.equal(registry.entry(world.id)?.lastUsedAt, 1_000 * HOUR, 'reading it was no use');
    assert.equal(registry.entry('no-such-world'), undefined);
  });
});

describe('the registry as one process among several (a shared store)', () => {
  /** A store other processes keep worlds in too, recording what it is told. */
  class SharedStore extends RecordingStore {
    readonly shared = true;
    readonly signedInTold: [string, readonly string[]][] = [];
    signedIn(world: { id: string }, accountIds: readonly string[]): void {
      this.signedInTold.push([world.id, accountIds]);
    }
  }
  let now = 1_000 * HOUR;
  const clock = () => now;
  const clocks = { monotonic: clock, wall: clock };

  it('lets a copy go when unused or out of room, but deletes a world from the store only when asked', () => {
    const store = new SharedStore();
    const registry = new WorldRegistry({ maxWorlds: 1 }, store, [], clocks);
    const first = registry.createWorld()!;
    const second = registry.createWorld();
    assert.ok(second, "room is the shared store's to judge: it was asked before");
    assert.equal(registry.holds(first.id), false, 'the copy went');
    now += 13 * HOUR;
    registry.purgeIdle();
    assert.equal(registry.holds(second.id), false);
    assert.deepEqual(store.deleted, [], 'nothing deleted: another process may be using them');
    const third = registry.createWorld()!;
    registry.delete(third.id);
    assert.deepEqual(store.deleted, [third.id]);
  });

  it("takes another process's copy under the same id: its accounts find it, who is signed in and when it was used", () => {
    const store = new SharedStore();
    const registry = new WorldRegistry({}, store, [], clocks);
    const mine = registry.createWorld()!;
    const elsewhere = worldFromState(mine.state());
    const alice = accountOf(elsewhere, 'alice@contoso.com');
    assert.equal(elsewhere.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE).status, 'created');
    const savedBefore = store.saved.length;
    const adopted = registry.adopt(elsewhere.state(), now - 5 * 60_000, [alice.id]);
    assert.equal(store.saved.length, savedBefore, 'a copy from the store is not saved back');
    assert.notEqual(adopted, mine);
    const entry = registry.entry(mine.id);
    assert.deepEqual(
      entry?.signedIn.map((account) => account.signInName),
      ['alice@contoso.com'],
    );
    assert.equal(entry?.lastUsedAt, now - 5 * 60_000);
    assert.equal(registry.findAccount(alice.id)?.world, adopted);
    assert.equal(registry.world(mine.id), adopted);
    registry.usedElsewhere(mine.id, now - 60_000);
    assert.equal(registry.entry(mine.id)?.lastUsedAt, now - 60_000);
    registry.usedElsewhere('no-such-world', now);
    assert.equal(registry.holds('no-such-world'), false);
  });

  it('tells the store who is signed in, with the world, at every sign-in and sign-out', () => {
    const store = new SharedStore();
    const registry = new WorldRegistry({}, store, [], clocks);
    const world = registry.createWorld()!;
    const alice = accountOf(world, 'alice@contoso.com').id;
    registry.signedIn(world, alice);
    registry.signedOut(world, alice);
    registry.signedOut(world, alice);
    assert.deepEqual(store.signedInTold, [
      [world.id, [alice]],
      [world.id, []],
    ]);
  });
});
