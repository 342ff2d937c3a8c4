import { randomUUID } from 'node:crypto';
import { setTimeout as wait } from 'node:timers/promises';
import { TurnTimeout, type RedisClient } from './redis-client.js';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/** A turn held: given back once the request's changes are saved. */
export interface Turn {
  release(): Promise<void>;
}

export interface TurnTimes {
  /** How long a turn lasts unless renewed: a process that dies holding one frees it this soon. */
  readonly holdMs: number;
  /** How long a request waits for its turn before it is answered "try again". */
  readonly waitMs: number;
}

export const TURN_TIMES: TurnTimes = { holdMs: 5_000, waitMs: 10_000 };

/**
 * One request at a time per key, across every process: a key in Redis that only its holder may
 * delete, renewed while the request runs, and expiring by itself when its process dies. Waiting
 * requests try again after a short, growing pause.
 */
export async function takeTurn(redis: RedisClient, key: string, times: TurnTimes = TURN_TIMES): Promise<Turn> {
  const token = randomUUID();
  const deadline = Date.now() + times.waitMs;
  let pause = 1;
  while ((await redis.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: times.holdMs } })) === null) {
    if (Date.now() > deadline) throw new TurnTimeout(key);
    await wait(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 8);
  }
  const renewal = setInterval(() => {
    redis.eval(RENEW, { keys: [key], arguments: [token, String(times.holdMs)] }).catch(() => undefined);
  }, times.holdMs / 3);
  renewal.unref();
  return {
    release: async () => {
      clearInterval(renewal);
      await redis.eval(RELEASE, { keys: [key], arguments: [token] });
    },
  };
}
