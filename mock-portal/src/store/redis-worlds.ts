import { mayMakeRoom, type RegistryLimits, type WorldRegistry, type WorldStore } from '../world/registry.js';
import type { SharedWorlds } from '../world/shared-worlds.js';
import { isWorldId } from '../world/provenance.js';
import type { World, WorldState } from '../world/world.js';
import type { RedisClient } from './redis-client.js';
import { takeTurn, type TurnTimes } from './redis-turns.js';
import { WritesUnderWay } from './writes-under-way.js';

/**
 * Every process's worlds in Redis, each process's registry holding copies of those it serves.
 *
 * A world is a hash (`{prefix}:world:{id}`: its whole state, a version, who is signed in to it)
 * that expires when unused for WORLD_IDLE_HOURS, with three indexes beside it: when each world
 * was last used (a sorted set, which also counts them against MAX_WORLDS), the world of each
 * account id (a token's `oid` finds its world), and the world of each code. A request that uses
 * a world takes its turn on it first, so that the copy it reads is the newest and no two
 * processes change one world at once; its changes are written, with the version one higher,
 * before its answer leaves and its turn is given back.
 */
export class RedisWorlds implements WorldStore, SharedWorlds {
  readonly shared = true;
  readonly #redis: RedisClient;
  readonly #limits: RegistryLimits;
  readonly #turnTimes: TurnTimes | undefined;
  readonly #now: () => number;
  readonly #keys: ReturnType<typeof keysOf>;
  #registry: WorldRegistry | undefined;
  /** World id → the version of this process's copy. */
  readonly #versions = new Map<string, number>();
  /** World id → what the store last knew of it here: its code, accounts and who is signed in. */
  readonly #known = new Map<string, { code: string; accounts: string[]; signedIn: readonly string[] }>();
  /** Changes told and not yet written. */
  readonly #changed = new Map<string, World>();
  readonly #deleted = new Set<string>();
  readonly #writes = new WritesUnderWay();
  /** Worlds made here whose first write has not finished: Redis does not know them yet. */
  readonly #unwritten = new Set<string>();

  constructor(
    redis: RedisClient,
    limits: RegistryLimits,
    { prefix = 'mock', turnTimes, now = Date.now }: RedisWorldsOptions = {},
  ) {
    this.#redis = redis;
    this.#now = now;
    this.#limits = limits;
    this.#turnTimes = turnTimes;
    this.#keys = keysOf(prefix);
  }

  /** The registry whose copies this store keeps up to date (it is made with this store). */
  serve(registry: WorldRegistry): void {
    this.#registry = registry;
  }

  save(world: World): void {
    this.#deleted.delete(world.id);
    this.#changed.set(world.id, world);
    if (!this.#versions.has(world.id)) this.#unwritten.add(world.id);
  }

  signedIn(world: World, accountIds: readonly string[]): void {
    this.#knownOf(world).signedIn = accountIds;
    this.save(world);
  }

  delete(id: string): void {
    this.#changed.delete(id);
    this.#unwritten.delete(id);
    this.#deleted.add(id);
  }

  /**
   * Resolves once every change told so far is in Redis: this call's own, and those that calls
   * before it are still writing (a request that made a world may find it already being written
   * by another's flush, and must not answer before it is written).
   */
  flush(): Promise<void> {
    return this.#writes.flush(this.#changed.size > 0 || this.#deleted.size > 0 ? () => this.#write() : undefined);
  }

  async #write(): Promise<void> {
    const changed = [...this.#changed.values()];
    const deleted = [...this.#deleted];
    this.#changed.clear();
    this.#deleted.clear();
    const multi = this.#redis.multi();
    const now = this.#now();
    for (const world of changed) {
      const version = (this.#versions.get(world.id) ?? 0) + 1;
      this.#versions.set(world.id, version);
      const known = this.#knownOf(world);
      const accounts = [...world.accountIds()];
      const gone = known.accounts.filter((id) => !accounts.includes(id));
      known.accounts = accounts;
      const key = this.#keys.world(world.id);
      multi
        .hSet(key, {
          state: JSON.stringify(world.state()),
          version,
          code: world.code,
          accounts: JSON.stringify(accounts),
          signedIn: JSON.stringify(known.signedIn),
        })
        .pExpire(key, this.#limits.idleMs)
        .zAdd(this.#keys.used, { score: now, value: world.id })
        .hSet(this.#keys.codes, world.code, world.id);
      if (accounts.length > 0)
        multi.hSet(this.#keys.accounts, Object.fromEntries(accounts.map((id) => [id, world.id])));
      if (gone.length > 0) multi.hDel(this.#keys.accounts, gone);
    }
    await multi.exec();
    for (const world of changed) this.#unwritten.delete(world.id);
    await this.#forget(deleted);
  }

  async take(worldId: string) {
    if (!isWorldId(worldId)) return undefined;
    const turn = await takeTurn(this.#redis, this.#keys.turn(worldId), this.#turnTimes);
    try {
      if (await this.#refresh(worldId, true)) return turn;
    } catch (error) {
      await turn.release().catch(() => undefined);
      throw error;
    }
    await turn.release();
    return undefined;
  }

  read(worldId: string): Promise<boolean> {
    return isWorldId(worldId) ? this.#refresh(worldId, false) : Promise.resolve(false);
  }

  async readAccount(accountId: string): Promise<void> {
    const worldId = await this.#redis.hGet(this.#keys.accounts, accountId);
    if (worldId) await this.read(worldId);
  }

  async readCode(code: string): Promise<void> {
    const worldId = await this.#redis.hGet(this.#keys.codes, code);
    if (worldId) await this.read(worldId);
  }

  async readAll(): Promise<void> {
    const registry = this.#registryOrThrow();
    const ids = await this.#redis.zRange(this.#keys.used, 0, -1);
    const live = new Set(ids);
    const gone = registry.entries().flatMap(({ world }) => (live.has(world.id) ? [] : [world.id]));
    await this.readMany([...ids, ...gone]);
  }

  async readMany(worldIds: readonly string[]): Promise<void> {
    const registry = this.#registryOrThrow();
    if (worldIds.length === 0) return;
    const check = this.#redis.multi();
    for (const id of worldIds) check.hmGet(this.#keys.world(id), ['version', 'signedIn']).zScore(this.#keys.used, id);
    const answers = (await check.exec()) as unknown as ([string | null, string | null] | number | null)[];
    const stale: { id: string; version: number; signedIn: string | null; usedAt: number }[] = [];
    worldIds.forEach((id, i) => {
      const [version, signedIn] = answers[2 * i] as [string | null, string | null];
      const usedAt = (answers[2 * i + 1] as number | null) ?? this.#now();
      if (version === null) this.#forgetHere(id);
      else if (registry.holds(id) && this.#versions.get(id) === Number(version)) registry.usedElsewhere(id, usedAt);
      else stale.push({ id, version: Number(version), signedIn, usedAt });
    });
    if (stale.length === 0) return;
    const states = await Promise.all(stale.map(({ id }) => this.#redis.hGet(this.#keys.world(id), 'state')));
    stale.forEach((entry, i) => {
      const state = states[i];
      if (state) this.#adopt(entry.id, state, entry.version, entry.signedIn, entry.usedAt);
    });
  }

  async roomForOneMore(): Promise<boolean> {
    if ((await this.#redis.zCard(this.#keys.used)) < this.#limits.maxWorlds) return true;
    await this.purgeIdle();
    if ((await this.#redis.zCard(this.#keys.used)) < this.#limits.maxWorlds) return true;
    const [leastRecent] = await this.#redis.zRangeWithScores(this.#keys.used, 0, 0);
    if (!leastRecent) return true;
    if (!mayMakeRoom(this.#now() - leastRecent.score, this.#limits)) return false;
    await this.#forget([leastRecent.value]);
    return true;
  }

  /** Forgets every world unused for WORLD_IDLE_HOURS, whichever process last used it. */
  async purgeIdle(): Promise<void> {
    const idle = await this.#redis.zRangeByScore(this.#keys.used, 0, this.#now() - this.#limits.idleMs);
    await this.#forget(idle);
  }

  /**
   * Brings the newest copy of a world into the registry, when this process's is older or absent;
   * `use` counts it as used now. False when the world has gone (this process's copy goes too).
   */
  async #refresh(worldId: string, use: boolean): Promise<boolean> {
    const registry = this.#registryOrThrow();
    const key = this.#keys.world(worldId);
    const multi = this.#redis.multi().hmGet(key, ['version', 'signedIn']).zScore(this.#keys.used, worldId);
    if (use)
      multi
        .zAdd(this.#keys.used, { score: this.#now(), value: worldId }, { XX: true })
        .pExpire(key, this.#limits.idleMs);
    const [[version, signedIn], usedAt] = (await multi.exec()) as unknown as [
      [string | null, string | null],
      number | null,
    ];
    if (version === null) {
      this.#forgetHere(worldId);
      return this.#unwritten.has(worldId);
    }
    const lastUsedAt = use ? this.#now() : (usedAt ?? this.#now());
    if (registry.holds(worldId) && this.#versions.get(worldId) === Number(version)) {
      if (!use) registry.usedElsewhere(worldId, lastUsedAt);
      return true;
    }
    const stateText = await this.#redis.hGet(key, 'state');
    if (stateText === null) return false;
    this.#adopt(worldId, stateText, Number(version), signedIn, lastUsedAt);
    return true;
  }

  /**
   * Takes a copy read from Redis, unless this process already holds one as new: two reads of one
   * world in one process may answer out of order, and the later answer must never replace the
   * copy a request holding the world's turn is changing.
   */
  #adopt(worldId: string, stateText: string, version: number, signedInText: string | null, lastUsedAt: number): void {
    if (this.#registryOrThrow().holds(worldId) && (this.#versions.get(worldId) ?? 0) >= version) return;
    const state = JSON.parse(stateText) as WorldState;
    const signedIn = JSON.parse(signedInText ?? '[]') as string[];
    this.#registryOrThrow().adopt(state, lastUsedAt, signedIn);
    this.#versions.set(worldId, version);
    this.#known.set(worldId, { code: state.code, accounts: state.accounts.map((account) => account.id), signedIn });
  }

  /** A world gone from Redis (deleted, idle, or making room): this process's copy goes too. */
  #forgetHere(worldId: string): void {
    const registry = this.#registryOrThrow();
    // Made here and not yet written (its request has not answered): not gone, not yet shared.
    if (this.#unwritten.has(worldId)) return;
    this.#versions.delete(worldId);
    this.#known.delete(worldId);
    if (!registry.holds(worldId)) return;
    registry.delete(worldId);
    // Deleting the copy tells this store to delete the world: it is gone already.
    this.#deleted.delete(worldId);
  }

  #registryOrThrow(): WorldRegistry {
    if (!this.#registry) throw new Error('RedisWorlds.serve(registry) was not called');
    return this.#registry;
  }

  #knownOf(world: World) {
    let known = this.#known.get(world.id);
    if (!known) {
      known = { code: world.code, accounts: [], signedIn: [] };
      this.#known.set(world.id, known);
    }
    return known;
  }

  /** Deletes worlds and their index entries, whichever process made them. */
  async #forget(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const read = this.#redis.multi();
    for (const id of ids) read.hmGet(this.#keys.world(id), ['code', 'accounts']);
    const indexed = (await read.exec()) as unknown as [string | null, string | null][];
    const multi = this.#redis.multi();
    ids.forEach((id, i) => {
      const [code, accounts] = indexed[i] ?? [null, null];
      multi.del(this.#keys.world(id)).zRem(this.#keys.used, id);
      if (code !== null) multi.hDel(this.#keys.codes, code);
      const accountIds = JSON.parse(accounts ?? '[]') as string[];
      if (accountIds.length > 0) multi.hDel(this.#keys.accounts, accountIds);
      this.#versions.delete(id);
      this.#known.delete(id);
    });
    await multi.exec();
  }
}

export interface RedisWorldsOptions {
  readonly prefix?: string;
  readonly turnTimes?: TurnTimes;
  /** The wall clock (tests move their own). */
  readonly now?: () => number;
}

function keysOf(prefix: string) {
  return {
    world: (id: string) => `${prefix}:world:${id}`,
    turn: (id: string) => `${prefix}:turn:world:${id}`,
    used: `${prefix}:worlds:used`,
    accounts: `${prefix}:worlds:accounts`,
    codes: `${prefix}:worlds:codes`,
  };
}
