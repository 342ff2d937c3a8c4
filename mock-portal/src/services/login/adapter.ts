import { LRUCache } from 'lru-cache';
import type { Adapter, AdapterPayload } from 'oidc-provider';

/**
 * oidc-provider's storage (sessions, interactions, codes, grants, tokens) in one bounded in-memory
 * LRU with per-entry expiry. The package's own default holds 1,000 entries for the whole process,
 * too few for many parallel test worlds, and it warns that it is meant for development only.
 * 10,000 entries hold about 2,500 sign-ins at once (a grant, its token, a session, an
 * interaction each), far more than a parallel suite keeps alive; past that the longest unused go
 * first, which keeps memory flat over a long run (npm run bench, ratio 4).
 */
/** The models that belong to a grant and go when it is revoked; never Interaction or Session. */
const GRANT_MEMBERS = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode']);

export function createAdapterFactory(maxEntries = 10_000): new (model: string) => Adapter {
  const store = new LRUCache<string, AdapterPayload | string | Set<string>>({ max: maxEntries });
  const ttl = (expiresIn: number | undefined) => (expiresIn ? { ttl: expiresIn * 1000 } : {});
  const grantKey = (grantId: string) => `grant:${grantId}`;

  return class LruAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return `${this.#model}:${id}`;
    }

    upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<undefined> {
      const key = this.#key(id);
      store.set(key, payload, ttl(expiresIn));
      if (payload.grantId && GRANT_MEMBERS.has(this.#model)) {
        const members = store.get(grantKey(payload.grantId));
        const keys = members instanceof Set ? members : new Set<string>();
        keys.add(key);
        store.set(grantKey(payload.grantId), keys, ttl(expiresIn));
      }
      if (this.#model === 'Session' && payload.uid) store.set(`sessionUid:${payload.uid}`, id, ttl(expiresIn));
      if (this.#model === 'DeviceCode' && payload.userCode) store.set(`userCode:${payload.userCode}`, id, ttl(expiresIn));
      return Promise.resolve(undefined);
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      const found = store.get(this.#key(id));
      return Promise.resolve(typeof found === 'object' && !(found instanceof Set) ? found : undefined);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = store.get(`sessionUid:${uid}`);
      return typeof id === 'string' ? this.find(id) : Promise.resolve(undefined);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = store.get(`userCode:${userCode}`);
      return typeof id === 'string' ? this.find(id) : Promise.resolve(undefined);
    }

    consume(id: string): Promise<undefined> {
      const key = this.#key(id);
      const found = store.get(key);
      if (typeof found === 'object' && !(found instanceof Set)) {
        store.set(key, { ...found, consumed: Math.floor(Date.now() / 1000) }, { ttl: store.getRemainingTTL(key) || undefined });
      }
      return Promise.resolve(undefined);
    }

    destroy(id: string): Promise<undefined> {
      store.delete(this.#key(id));
      return Promise.resolve(undefined);
    }

    revokeByGrantId(grantId: string): Promise<undefined> {
      const members = store.get(grantKey(grantId));
      if (members instanceof Set) for (const key of members) store.delete(key);
      store.delete(grantKey(grantId));
      return Promise.resolve(undefined);
    }
  };
}
