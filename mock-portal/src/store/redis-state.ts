import { RedisStore as RedisSessionStore } from 'connect-redis';
import type { Store as LimitStore } from 'express-rate-limit';
import type { Store as SessionStore } from 'express-session';
import { RedisStore as RedisLimitStore } from 'rate-limit-redis';
import type { AppSecrets } from '../identity-platform/app-secrets.js';
import { Classes } from '../world/classroom.js';
import { DEFAULT_LIMITS, WorldRegistry, type RegistryLimits } from '../world/registry.js';
import { RedisClasses } from './redis-classes.js';
import type { RedisClient } from './redis-client.js';
import { secretsSharedThrough } from './redis-secrets.js';
import { RedisWorlds } from './redis-worlds.js';

const TWO_HOURS_S = 2 * 60 * 60;

/**
 * Everything one process keeps in Redis so that others serve the same portal (REDIS_URL): the
 * worlds and classes (this process's registry and classes are copies), every service's sessions,
 * the rate limits' counters, and the secrets. The sign-in service's models go in beside them
 * (under `{prefix}:oidc`).
 */
export interface RedisState {
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly registry: WorldRegistry;
  readonly worlds: RedisWorlds;
  readonly classes: Classes;
  readonly sharedClasses: RedisClasses;
  readonly secrets: AppSecrets;
  readonly trainerKey: string;
  /** A service's sessions, by its cookie's name. */
  sessionStore(name: string): SessionStore;
  /** A rate limit's counters, by the limit's name. */
  limitStore(name: string): LimitStore;
}

export async function redisState(
  redis: RedisClient,
  limits: Partial<RegistryLimits>,
  trainerKey: string | undefined,
  prefix = 'mock',
): Promise<RedisState> {
  const worlds = new RedisWorlds(redis, { ...DEFAULT_LIMITS, ...limits }, { prefix });
  const registry = new WorldRegistry(limits, worlds);
  worlds.serve(registry);
  const sharedClasses = new RedisClasses(redis, { prefix });
  const classes = new Classes(undefined, sharedClasses);
  sharedClasses.serve(classes);
  await sharedClasses.read();
  const kept = await secretsSharedThrough(redis, trainerKey, prefix);
  return {
    redis,
    prefix,
    registry,
    worlds,
    classes,
    sharedClasses,
    ...kept,
    sessionStore: (name) =>
      new RedisSessionStore({ client: redis, prefix: `${prefix}:session:${name}:`, ttl: TWO_HOURS_S }),
    limitStore: (name) =>
      new RedisLimitStore({
        sendCommand: (...args: string[]) => redis.sendCommand(args),
        prefix: `${prefix}:limit:${name}:`,
      }),
  };
}
