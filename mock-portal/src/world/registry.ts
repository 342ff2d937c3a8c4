import { LRUCache } from 'lru-cache';
import { arrange, type WorldArrangement } from './arrange.js';
import { createSeedWorld, type SeedOptions } from './seed.js';
import type { Account } from './model.js';
import type { World } from './world.js';

export interface RegistryLimits {
  /** Test worlds kept at once; the least recently used goes first. */
  readonly maxWorlds: number;
  /** A test world unused this long is dropped. */
  readonly idleMs: number;
}

const DEFAULT_LIMITS: RegistryLimits = { maxWorlds: 500, idleMs: 60 * 60 * 1000 };

/**
 * Every world the process holds: the shared one people browse by hand, and one per test. Because
 * account ids are unique across worlds, an ID token's `oid` alone finds the world it belongs to;
 * the relying parties never have to trust a browser to say which world it is in.
 */
export class WorldRegistry {
  #shared: World = createSeedWorld();
  readonly #accountIndex = new Map<string, World>();
  readonly #testWorlds: LRUCache<string, World>;

  constructor(limits: RegistryLimits = DEFAULT_LIMITS) {
    this.#testWorlds = new LRUCache<string, World>({
      max: limits.maxWorlds,
      ttl: limits.idleMs,
      updateAgeOnGet: true,
      dispose: (world) => this.#unindex(world),
    });
    this.#index(this.#shared);
  }

  get shared(): World {
    return this.#shared;
  }

  /** Puts the shared world back as seeded. Sessions of the old world stop resolving. */
  resetShared(): World {
    this.#unindex(this.#shared);
    this.#shared = createSeedWorld();
    this.#index(this.#shared);
    return this.#shared;
  }

  /**
   * Puts a world back as seeded: the shared one, or a test world under its same id so that the
   * browser's world cookie keeps working. New account ids end the old world's sign-ins.
   */
  reset(world: World): World {
    if (world === this.#shared) return this.resetShared();
    if (this.#testWorlds.get(world.id) !== world) return world;
    const fresh = createSeedWorld(world.id);
    this.#testWorlds.set(world.id, fresh);
    this.#index(fresh);
    return fresh;
  }

  createTestWorld(options: SeedOptions = {}): World {
    return this.#keep(createSeedWorld(undefined, options));
  }

  /**
   * A new test world, seeded and then arranged as asked. A world whose arrangement a rule refused
   * is never kept: the answer names the refused step instead.
   */
  arrangeTestWorld(
    options: SeedOptions,
    arrangement: WorldArrangement,
  ): { world: World; subscriptionIds: readonly string[] } | { problem: string } {
    const world = createSeedWorld(undefined, options);
    const arranged = arrange(world, arrangement);
    if (!arranged.ok) return { problem: arranged.problem };
    return { world: this.#keep(world), subscriptionIds: arranged.subscriptionIds };
  }

  testWorld(id: string): World | undefined {
    return this.#testWorlds.get(id);
  }

  deleteTestWorld(id: string): boolean {
    return this.#testWorlds.delete(id);
  }

  get testWorldCount(): number {
    return this.#testWorlds.size;
  }

  /** The world and account an ID token's `oid` names, or undefined once that world is gone. */
  findAccount(accountId: string): { world: World; account: Account } | undefined {
    const world = this.#accountIndex.get(accountId);
    const account = world?.account(accountId);
    return world && account ? { world, account } : undefined;
  }

  #keep(world: World): World {
    this.#index(world);
    this.#testWorlds.set(world.id, world);
    return world;
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
