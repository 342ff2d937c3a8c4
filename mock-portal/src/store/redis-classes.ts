import type { Classes, ClassesFile, ClassStore } from '../world/classroom.js';
import type { SharedClasses } from '../world/shared-worlds.js';
import type { RedisClient } from './redis-client.js';
import { takeTurn, type TurnTimes } from './redis-turns.js';

/**
 * Every process's classes in Redis: the classes file as one hash (`{prefix}:classes`: the file
 * and its version). Each process keeps a copy, read again when the version moved; a change takes
 * the classes' turn, starts from the newest copy and is written before the turn is given back.
 */
export class RedisClasses implements ClassStore, SharedClasses {
  readonly #redis: RedisClient;
  readonly #key: string;
  readonly #turnKey: string;
  readonly #turnTimes: TurnTimes | undefined;
  #classes: Classes | undefined;
  #version = 0;
  #unsaved: ClassesFile | undefined;

  constructor(redis: RedisClient, { prefix = 'mock', turnTimes }: { prefix?: string; turnTimes?: TurnTimes } = {}) {
    this.#redis = redis;
    this.#key = `${prefix}:classes`;
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

  /**
   * Brings the newest classes here when Redis's version moved. Only a newer version replaces this
   * process's copy: two reads may answer out of order, and a change under way here must never be
   * replaced by an older answer. A Redis that lost its data (no version while this copy has one)
   * empties the copy.
   */
  async read(): Promise<void> {
    const version = Number((await this.#redis.hGet(this.#key, 'version')) ?? 0);
    if (version === this.#version) return;
    const [kept, text] = await this.#redis.hmGet(this.#key, ['version', 'file']);
    const keptVersion = Number(kept ?? 0);
    if (keptVersion !== 0 && keptVersion <= this.#version) return;
    this.#classes?.restore(
      typeof text === 'string' ? (JSON.parse(text) as ClassesFile) : { format: 'mock-azure-classes/1', classes: [] },
    );
    this.#version = keptVersion;
  }

  async change<T>(make: () => T): Promise<T> {
    const turn = await takeTurn(this.#redis, this.#turnKey, this.#turnTimes);
    try {
      await this.read();
      this.#unsaved = undefined;
      const result = make();
      const file = this.#unsaved;
      if (file) {
        this.#unsaved = undefined;
        await this.#redis.hSet(this.#key, { file: JSON.stringify(file), version: this.#version + 1 });
        this.#version += 1;
      }
      return result;
    } catch (error) {
      // The change happened here but not in Redis: the next read takes Redis's classes again.
      this.#version = -1;
      throw error;
    } finally {
      await turn.release().catch(() => undefined);
    }
  }
}
