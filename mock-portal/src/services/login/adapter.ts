import { LRUCache } from 'lru-cache';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { GRANT_MEMBERS, keptFor } from './storage-rules.js';

export interface AdapterLimits {
  /** Sessions, grants, codes and tokens, with the indexes that point at them. */
  readonly maxEntries: number;
  /** Sign-ins in progress (oidc-provider's Interaction): each waits for the person on the sign-in pages. */
  readonly maxInteractions: number;
}

/**
 * oidc-provider's storage in bounded in-memory LRUs with per-entry expiry. The package's own
 * default holds 1,000 entries for the whole process, too few for many parallel test worlds, and it
 * warns that it is meant for development only. 10,000 entries hold about 2,500 signed-in browsers
 * at once (a session, a grant and its tokens each), far more than a parallel suite keeps alive.
 * Sign-ins in progress have a bound of their own: an abandoned one (a sign-in page never answered)
 * would otherwise wait out its hour, and enough of them would push signed-in sessions out. When
 * 1,000 newer sign-ins have started, the oldest unanswered one ends ("this sign-in has expired").
 * Past either bound the longest unused go first, which keeps memory flat over a long run
 * (npm run bench, ratio 4).
 */
export function createAdapterFactory(
  limits: AdapterLimits = { maxEntries: 10_000, maxInteractions: 1_000 },
): new (model: string) => Adapter {
  const main = new LRUCache<string, AdapterPayload | string | Set<string>>({ max: limits.maxEntries });
  const interactions = new LRUCache<string, AdapterPayload | string | Set<string>>({ max: limits.maxInteractions });
  const ttl = (expiresIn: number | undefined) => (expiresIn ? { ttl: expiresIn * 1000 } : {});
  const grantKey = (grantId: string) => `grant:${grantId}`;

  return class LruAdapter implements Adapter {
    readonly #model: string;
    readonly #store: typeof main;

    constructor(model: string) {
      this.#model = model;
      this.#store = model === 'Interaction' ? interactions : main;
    }

    #key(id: string): string {
      return `${this.#model}:${id}`;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<undefined> {
      const kept = keptFor(this.#model, expiresIn);
      const key = this.#key(id);
      this.#store.set(key, payload, ttl(kept));
      if (payload.grantId && GRANT_MEMBERS.has(this.#model)) {
        const members = main.get(grantKey(payload.grantId));
        const keys = members instanceof Set ? members : new Set<string>();
        keys.add(key);
        main.set(grantKey(payload.grantId), keys, ttl(kept));
      }
      if (this.#model === 'Session' && payload.uid) main.set(`sessionUid:${payload.uid}`, id, ttl(kept));
      if (this.#model === 'DeviceCode' && payload.userCode) main.set(`userCode:${payload.userCode}`, id, ttl(kept));
      return Promise.resolve(undefined);
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      const found = this.#store.get(this.#key(id));
      return Promise.resolve(typeof found === 'object' && !(found instanceof Set) ? found : undefined);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = main.get(`sessionUid:${uid}`);
      return typeof id === 'string' ? this.find(id) : Promise.resolve(undefined);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = main.get(`userCode:${userCode}`);
      return typeof id === 'string' ? this.find(id) : Promise.resolve(undefined);
    }

    consume(id: string): Promise<undefined> {
      const key = this.#key(id);
      const found = this.#store.get(key);
      if (typeof found === 'object' && !(found instanceof Set)) {
        this.#store.set(
          key,
          { ...found, consumed: Math.floor(Date.now() / 1000) },
          { ttl: this.#store.getRemainingTTL(key) || undefined },
        );
      }
      return Promise.resolve(undefined);
    }

    destroy(id: string): Promise<undefined> {
      const key = this.#key(id);
      // A session's uid index goes with it, or every signed-out session would leave one behind.
      const found = this.#store.get(key);
      if (this.#model === 'Session' && typeof found === 'object' && !(found instanceof Set) && found.uid)
        main.delete(`sessionUid:${found.uid}`);
      this.#store.delete(key);
      return Promise.resolve(undefined);
    }

    revokeByGrantId(grantId: string): Promise<undefined> {
      const members = main.get(grantKey(grantId));
      if (members instanceof Set) for (const key of members) main.delete(key);
      main.delete(grantKey(grantId));
      return Promise.resolve(undefined);
    }
  };
}
