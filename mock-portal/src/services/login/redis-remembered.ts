import type { RedisClient } from '../../store/redis-client.js';
import { WritesUnderWay } from '../../store/writes-under-way.js';
import { NINETY_DAYS_MS, type RememberedAccount, type SharedRememberedAccounts } from './remembered.js';

/**
 * The browsers' lists of remembered accounts in Redis, for several processes: one JSON string per
 * browser, forgotten after ninety days like the cookie that names it. Changes are written when
 * `flush` is called (before the answer that made them leaves).
 */
export class RedisRememberedAccounts implements SharedRememberedAccounts {
  readonly #redis: RedisClient;
  readonly #prefix: string;
  readonly #unsaved = new Map<string, readonly RememberedAccount[]>();
  readonly #writes = new WritesUnderWay();

  constructor(redis: RedisClient, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  async read(browserId: string): Promise<readonly RememberedAccount[] | undefined> {
    const text = await this.#redis.get(this.#key(browserId));
    return text === null ? undefined : (JSON.parse(text) as RememberedAccount[]);
  }

  write(browserId: string, list: readonly RememberedAccount[]): void {
    this.#unsaved.set(browserId, list);
  }

  /** Resolves once every change told so far is in Redis, those other calls are still writing included. */
  flush(): Promise<void> {
    if (this.#unsaved.size === 0) return this.#writes.flush(undefined);
    const multi = this.#redis.multi();
    for (const [browserId, list] of this.#unsaved)
      multi.set(this.#key(browserId), JSON.stringify(list), { expiration: { type: 'PX', value: NINETY_DAYS_MS } });
    this.#unsaved.clear();
    return this.#writes.flush(() => multi.exec());
  }

  #key(browserId: string): string {
    return `${this.#prefix}:${browserId}`;
  }
}
