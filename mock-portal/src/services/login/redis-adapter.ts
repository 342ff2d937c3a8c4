import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { RedisClient } from '../../store/redis-client.js';
import { GRANT_MEMBERS, keptFor } from './storage-rules.js';

/**
 * oidc-provider's models in Redis, for several processes that serve one class: each entry a JSON
 * string under `oidc:{model}:{id}` that Redis itself expires, and the indexes oidc-provider looks
 * things up by (a grant's members, a session's uid, a device code's user code) beside it, kept
 * as long as what they point at. The same rules as the in-memory adapter (storage-rules.ts).
 */
export function createRedisAdapterFactory(
  /** The one connection every model's commands share. */
  redis: RedisClient,
  prefix = 'oidc',
): new (model: string) => Adapter {
  const grantKey = (grantId: string) => `${prefix}:grant:${grantId}`;
  const uidKey = (uid: string) => `${prefix}:sessionUid:${uid}`;
  const userCodeKey = (userCode: string) => `${prefix}:userCode:${userCode}`;

  const parsed = (text: string | null | undefined): AdapterPayload | undefined => {
    if (typeof text !== 'string') return undefined;
    try {
      return JSON.parse(text) as AdapterPayload;
    } catch {
      return undefined;
    }
  };

  return class RedisAdapter implements Adapter {
    readonly #model: string;

    constructor(model: string) {
      this.#model = model;
    }

    #key(id: string): string {
      return `${prefix}:${this.#model}:${id}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<undefined> {
      const key = this.#key(id);
      const seconds = keptFor(this.#model, expiresIn);
      const expiry = seconds ? { expiration: { type: 'EX', value: seconds } as const } : {};
      const multi = redis.multi().set(key, JSON.stringify(payload), expiry);
      if (payload.grantId && GRANT_MEMBERS.has(this.#model)) {
        const members = grantKey(payload.grantId);
        multi.sAdd(members, key);
        // The index lives as long as its longest-lived member.
        if (seconds) multi.expire(members, seconds, 'GT').expire(members, seconds, 'NX');
      }
      if (this.#model === 'Session' && payload.uid) multi.set(uidKey(payload.uid), id, expiry);
      if (this.#model === 'DeviceCode' && payload.userCode) multi.set(userCodeKey(payload.userCode), id, expiry);
      await multi.exec();
      return undefined;
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return parsed(await redis.get(this.#key(id)));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = await redis.get(uidKey(uid));
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = await redis.get(userCodeKey(userCode));
      return typeof id === 'string' ? this.find(id) : undefined;
    }

    async consume(id: string): Promise<undefined> {
      const key = this.#key(id);
      const found = parsed(await redis.get(key));
      if (found)
        await redis
          .multi()
          .set(key, JSON.stringify({ ...found, consumed: Math.floor(Date.now() / 1000) }), {
            condition: 'XX',
            KEEPTTL: true,
          })
          .exec();
      return undefined;
    }

    async destroy(id: string): Promise<undefined> {
      const key = this.#key(id);
      const found = this.#model === 'Session' ? parsed(await redis.get(key)) : undefined;
      await redis.del(found?.uid ? [key, uidKey(found.uid)] : [key]);
      return undefined;
    }

    async revokeByGrantId(grantId: string): Promise<undefined> {
      const members = await redis.sMembers(grantKey(grantId));
      await redis.del([...members, grantKey(grantId)]);
      return undefined;
    }
  };
}
