import type { Classes, ClassesFile, ClassStore } from '../world/classroom.js';
import type { SharedClasses } from '../world/shared-worlds.js';
import type { RedisClient } from './redis-client.js';
import { takeTurn, type TurnTimes } from './redis-turns.js';
import { WritesUnderWay } from './writes-under-way.js';

/**
 * Every process's classes in Redis: the classes file as one hash (`{prefix}:classes`: the file
 * and its version), and each learner's world apart (`{prefix}:classes:worlds`, learner id → world
 * id), since a class that arrives at once changes them all and nothing else depends on them. Each
 * process keeps a copy, read again when the version moved; a change takes the classes' turn,
 * starts from the newest copy and is written before the turn is given back. A learner's world is
 * one field, written before the answer that changed it leaves, with no turn.
 */
export class RedisClasses implements ClassStore, SharedClasses {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #turnKey: string;
  readonly #turnTimes: TurnTimes | undefined;
  #classes: Classes | undefined;
  #version = 0;
  #unsaved: ClassesFile | undefined;
  /** When the last read began (a reader that may be a second late reads at most once a second). */
  #readAt = Number.NEGATIVE_INFINITY;
  readonly #worldsKey: string;
  readonly #entered = new Map<string, string>();
  readonly #writes = new WritesUnderWay();
  readonly #queued: { make: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  #changing = false;

  constructor(redis: RedisClient, { prefix = 'mock', turnTimes }: { prefix?: string; turnTimes?: TurnTimes } = {}) {
    this.#redis = redis;
    this.#key = `${prefix}:classes`;
    this.#worldsKey = `${prefix}:classes:worlds`;
    this.#turnKey = `${prefix}:turn:classes`;
    this.#turnTimes = turnTimes;
  }

  /** The classes whose copy this store keeps up to date (they are made with this store). */
  serve(classes: Classes): void {
    this.#classes = classes;
  }

  save(file: ClassesFile): void {
    this.#unsaved = file;
  }

  learnerEntered(learnerId: string, worldId: string): void {
    this.#entered.set(learnerId, worldId);
  }

  saved(): Promise<void> {
    if (this.#entered.size === 0) return this.#writes.flush(undefined);
    const worlds = Object.fromEntries(this.#entered);
    this.#entered.clear();
    return this.#writes.flush(() => this.#redis.hSet(this.#worldsKey, worlds));
  }

  /**
   * Brings the newest classes here when Redis's version moved. Only a newer version replaces this
   * process's copy: two reads may answer out of order, and a change under way here must never be
   * replaced by an older answer. A Redis that lost its data (no version while this copy has one)
   * empties the copy.
   */
  async read({ maxAgeMs = 0, everyWorld = false }: { maxAgeMs?: number; everyWorld?: boolean } = {}): Promise<void> {
    const now = performance.now();
    if (now - this.#readAt < maxAgeMs) return;
    this.#readAt = now;
    const version = Number((await this.#redis.hGet(this.#key, 'version')) ?? 0);
    if (version === this.#version) {
      if (everyWorld) this.#classes?.learnersEntered(await this.#learnersWorlds());
      return;
    }
    const [[kept, text], worlds] = await Promise.all([
      this.#redis.hmGet(this.#key, ['version', 'file']),
      this.#learnersWorlds(),
    ]);
    const keptVersion = Number(kept ?? 0);
    if (keptVersion !== 0 && keptVersion <= this.#version) return;
    this.#classes?.restore(
      typeof text === 'string' ? (JSON.parse(text) as ClassesFile) : { format: 'mock-azure-classes/1', classes: [] },
    );
    this.#classes?.learnersEntered(worlds);
    this.#version = keptVersion;
  }

  async #learnersWorlds(): Promise<Map<string, string>> {
    return new Map(Object.entries(await this.#redis.hGetAll(this.#worldsKey)));
  }

  /**
   * Changes wait in this process's queue; the first takes the classes' turn and makes, under it,
   * every change queued by then, with one read before and one write after (a class joining at
   * once would otherwise take the turn once per learner, one after the other across processes).
   */
  change<T>(make: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({ make, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#changing) void this.#changeQueued();
    });
  }

  async #changeQueued(): Promise<void> {
    this.#changing = true;
    while (this.#queued.length > 0) {
      const batch = this.#queued.splice(0);
      try {
        const turn = await takeTurn(this.#redis, this.#turnKey, this.#turnTimes);
        try {
          await this.read();
          this.#unsaved = undefined;
          const results = batch.map(({ make }) => {
            try {
              return { ok: true as const, value: make() };
            } catch (error) {
              return { ok: false as const, error };
            }
          });
          const file = this.#unsaved;
          if (file) {
            this.#unsaved = undefined;
            // The version written, not one more than this copy's: a read here may already have seen it.
            const version = this.#version + 1;
            await this.#redis.hSet(this.#key, { file: JSON.stringify(file), version });
            this.#version = version;
          }
          batch.forEach(({ resolve, reject }, i) => {
            const result = results[i];
            if (result?.ok) resolve(result.value);
            else reject(result?.error);
          });
        } finally {
          await turn.release().catch(() => undefined);
        }
      } catch (error) {
        // The changes happened here but not in Redis: the next read takes Redis's classes again.
        this.#version = -1;
        for (const { reject } of batch) reject(error);
      }
    }
    this.#changing = false;
  }
}
