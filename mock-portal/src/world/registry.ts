import { LRUCache } from 'lru-cache';
import { arrange, type WorldArrangement } from './arrange.js';
import type { Account } from './model.js';
import { randomProvenance } from './provenance.js';
import {
  DEFAULT_LIMITS,
  mayMakeRoom,
  SYSTEM_CLOCKS,
  type RegistryClocks,
  type RegistryLimits,
} from './registry-limits.js';
import { createSeedWorld, type SeedOptions } from './seed.js';
import { worldFromFile, type WorldFile } from './world-file.js';
import { worldFromState, type World, type WorldState } from './world.js';

export { DEFAULT_LIMITS, mayMakeRoom, type RegistryClocks, type RegistryLimits } from './registry-limits.js';

/** A world as a store keeps it, with the time it last changed. */
export interface StoredWorld {
  readonly id: string;
  readonly code: string;
  readonly file: WorldFile;
  readonly changedAt: number;
}

/** Where worlds are kept across a restart. The registry tells it every change; it may write later. */
export interface WorldStore {
  save(world: World): void;
  delete(id: string): void;
  /**
   * Other processes keep their worlds in this store too. The registry then holds only this
   * process's copies of some of them: a copy it lets go (unused here, or no room) stays in the
   * store, since another process may be using it, and the store decides when a world is idle or
   * makes room for another. Only a world deleted on purpose leaves the store.
   */
  readonly shared?: boolean;
  /** Who is signed in to a world changed (a shared store keeps it for every process's trainer view). */
  signedIn?(world: World, accountIds: readonly string[]): void;
}

/** A world as the trainer sees it: the world, when it was last used, and who is signed in to it. */
export interface WorldEntry {
  readonly world: World;
  readonly lastUsedAt: number;
  readonly signedIn: readonly Account[];
}

/**
 * Every world the process holds: one per browser and one per test, by the same mechanism, plus
 * the seeded world that clients without a world of their own read (and never change). Account
 * ids are unique across worlds, so an ID token's `oid` alone finds the world it belongs to.
 */
export class WorldRegistry {
  /** What a client with no world reads: the seed, never changed (nothing that changes state gets it). */
  readonly seeded: World = createSeedWorld();
  readonly #limits: RegistryLimits;
  readonly #accountIndex = new Map<string, World>();
  readonly #worlds: LRUCache<string, World>;
  /** World id → the accounts signed in to the portal or the sign-up site in it (this process's sessions only). */
  readonly #signedIn = new Map<string, Set<string>>();
  readonly #store: WorldStore | undefined;
  readonly #clocks: RegistryClocks;

  constructor(
    limits: Partial<RegistryLimits> = {},
    store?: WorldStore,
    stored: readonly StoredWorld[] = [],
    clocks: RegistryClocks = SYSTEM_CLOCKS,
  ) {
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
    this.#clocks = clocks;
    this.#worlds = new LRUCache<string, World>({
      max: this.#limits.maxWorlds,
      ttl: this.#limits.idleMs,
      // Ages read the clock every time (no cached "now"): a world's age is exact, and a moved clock is seen at once.
      ttlResolution: 0,
      perf: { now: clocks.monotonic },
      updateAgeOnGet: true,
      dispose: (world, id, reason) => {
        this.#unindex(world);
        if (reason === 'set') return;
        this.#signedIn.delete(id);
        if (reason === 'delete' || !this.#store?.shared) this.#store?.delete(id);
      },
    });
    this.#store = store;
    this.#restore(stored);
  }

  /**
   * A new seeded world for a browser, or undefined when the registry is full of worlds in use.
   * The caller limits how often one address may ask.
   */
  createWorld(options: SeedOptions = {}): World | undefined {
    if (!this.#roomForOneMore()) return undefined;
    return this.#keep(createSeedWorld(options));
  }

  /**
   * A new world, seeded and then arranged as asked (the test API). A world whose arrangement a
   * rule refused is never kept: the answer names the refused step instead.
   */
  arrangeWorld(
    options: SeedOptions,
    arrangement: WorldArrangement,
  ): { world: World; subscriptionIds: readonly string[] } | { problem: string } {
    if (!this.#roomForOneMore()) return { problem: 'the registry is full of worlds in use (MAX_WORLDS)' };
    const world = createSeedWorld(options);
    const arranged = arrange(world, arrangement);
    if (!arranged.ok) return { problem: arranged.problem };
    // A picture world made again (its id is fixed) replaces the last one of its number.
    this.delete(world.id);
    return { world: this.#keep(world), subscriptionIds: arranged.subscriptionIds };
  }

  /** The world this id names, counting as a use; undefined once it has gone. */
  world(id: string): World | undefined {
    return this.#worlds.get(id);
  }

  /** Whether this process holds a copy of this world. */
  holds(id: string): boolean {
    return this.#worlds.has(id);
  }

  /**
   * Holds the newest copy of a world that another process changed (a shared store's): as it was
   * last used, with who is signed in to it.
   */
  adopt(state: WorldState, lastUsedAt: number, signedIn: readonly string[]): World {
    const world = this.#keep(worldFromState(state), lastUsedAt);
    this.#signedIn.set(world.id, new Set(signedIn));
    return world;
  }

  /** Another process used this world at this time (a shared store's): the trainer view shows it. */
  usedElsewhere(id: string, lastUsedAt: number): void {
    const world = this.#worlds.peek(id);
    if (world) this.#worlds.set(id, world, { start: this.#startOf(lastUsedAt) });
  }

  /** The world with this code, without counting as a use (the trainer's read-only view). */
  worldByCode(code: string): World | undefined {
    for (const world of this.#worlds.values()) if (world.code === code) return world;
    return undefined;
  }

  /**
   * Puts a world back as seeded, under its same id and code, so the browser's world cookie keeps
   * working; a world made for a walk stays made for it.
   */
  reset(world: World): World {
    const fresh = createSeedWorld({}, randomProvenance(world.id, world.code));
    if (world.walk) fresh.madeFor(world.walk);
    return this.#replace(world, fresh);
  }

  /** Replaces a world with one read from a file, under its same id and code. */
  replaceFromFile(world: World, file: WorldFile): World {
    return this.#replace(world, worldFromFile(file, world.id, world.code));
  }

  delete(id: string): boolean {
    return this.#worlds.delete(id);
  }

  get size(): number {
    return this.#worlds.size;
  }

  /** Every live world, most recently used first, without counting as a use. */
  entries(): WorldEntry[] {
    const now = this.#clocks.wall();
    return [...this.#worlds.entries()].map(([id, world]) => this.#entryOf(id, world, now));
  }

  /** One live world as the trainer sees it, without counting as a use; undefined once it has gone. */
  entry(id: string): WorldEntry | undefined {
    const world = this.#worlds.peek(id);
    return world && this.#entryOf(id, world, this.#clocks.wall());
  }

  /** Drops worlds unused for WORLD_IDLE_HOURS (their stores' files too). */
  purgeIdle(): void {
    this.#worlds.purgeStale();
  }

  /** The world and account an ID token's `oid` names, or undefined once that world is gone. */
  findAccount(accountId: string): { world: World; account: Account } | undefined {
    const world = this.#accountIndex.get(accountId);
    const account = world?.account(accountId);
    return world && account ? { world, account } : undefined;
  }

  /** A relying party signed this account in (for the trainer's "who is signed in"). */
  signedIn(world: World, accountId: string): void {
    const accounts = this.#signedIn.get(world.id) ?? new Set<string>();
    this.#signedIn.set(world.id, accounts.add(accountId));
    this.#store?.signedIn?.(world, [...accounts]);
  }

  signedOut(world: World, accountId: string): void {
    const accounts = this.#signedIn.get(world.id);
    if (accounts?.delete(accountId)) this.#store?.signedIn?.(world, [...accounts]);
  }

  #entryOf(id: string, world: World, now: number): WorldEntry {
    return {
      world,
      lastUsedAt: now - (this.#limits.idleMs - this.#worlds.getRemainingTTL(id)),
      signedIn: [...(this.#signedIn.get(id) ?? [])].flatMap((accountId) => world.account(accountId) ?? []),
    };
  }

  #roomForOneMore(): boolean {
    // A shared store counts every process's worlds: the caller asked it before.
    if (this.#store?.shared) return true;
    if (this.#worlds.size < this.#limits.maxWorlds) return true;
    this.#worlds.purgeStale();
    if (this.#worlds.size < this.#limits.maxWorlds) return true;
    const leastRecent = this.#worlds.rkeys().next();
    if (leastRecent.done) return true;
    const unusedMs = this.#limits.idleMs - this.#worlds.getRemainingTTL(leastRecent.value);
    return mayMakeRoom(unusedMs, this.#limits);
  }

  #replace(old: World, fresh: World): World {
    if (this.#worlds.peek(old.id) !== old) return old;
    this.#signedIn.delete(old.id);
    return this.#keep(fresh);
  }

  /**
   * Holds a world, and saves it now and after every change. A restored world is already saved,
   * and counts as last used when its file last changed (a wall-clock time).
   */
  #keep(world: World, restoredFrom?: number): World {
    this.#index(world);
    // lru-cache counts age on the monotonic clock, not the wall clock.
    this.#worlds.set(world.id, world, restoredFrom === undefined ? {} : { start: this.#startOf(restoredFrom) });
    world.onChange = (changed) => this.#store?.save(changed);
    if (restoredFrom === undefined) this.#store?.save(world);
    return world;
  }

  /** A wall-clock time on the monotonic clock lru-cache ages worlds on. */
  #startOf(wallTime: number): number {
    return this.#clocks.monotonic() - (this.#clocks.wall() - wallTime);
  }

  #restore(stored: readonly StoredWorld[]): void {
    const now = this.#clocks.wall();
    const newestFirst = [...stored].sort((a, b) => b.changedAt - a.changedAt);
    // Oldest first into the cache, so that the newest are the most recently used.
    for (const entry of newestFirst.slice(0, this.#limits.maxWorlds).reverse()) {
      if (now - entry.changedAt >= this.#limits.idleMs) {
        this.#store?.delete(entry.id);
        continue;
      }
      this.#keep(worldFromFile(entry.file, entry.id, entry.code), entry.changedAt);
    }
    for (const entry of newestFirst.slice(this.#limits.maxWorlds)) this.#store?.delete(entry.id);
  }

  #index(world: World): void {
    for (const id of world.accountIds()) this.#accountIndex.set(id, world);
  }

  #unindex(world: World): void {
    for (const id of world.accountIds()) {
      if (this.#accountIndex.get(id) === world) this.#accountIndex.delete(id);
    }
  }
}
