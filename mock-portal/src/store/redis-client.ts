import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  createClient,
  SocketClosedUnexpectedlyError,
  TimeoutError,
} from 'redis';

/**
 * A node-redis client for `REDIS_URL`, not yet connected. It reconnects by itself after Redis
 * goes away, waiting longer each time up to two seconds, so the portal works again when Redis is
 * back. While it is away, commands fail at once rather than queue (a request answers "try again"
 * instead of hanging), and those errors are the caller's to answer (503), never unhandled.
 */
export function redisClient(url: string) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
  });
  client.on('error', () => undefined);
  return client;
}

export type RedisClient = ReturnType<typeof redisClient>;

/** Waiting for a world or the classes took longer than any request should (another process holds them). */
export class TurnTimeout extends Error {
  constructor(what: string) {
    super(`waited too long for ${what}`);
    this.name = 'TurnTimeout';
  }
}

/** Whether an error means Redis could not be reached (or was too busy): a "try again" answer, not a fault. */
export function isRedisUnreachable(error: unknown): boolean {
  return (
    error instanceof ClientOfflineError ||
    error instanceof ClientClosedError ||
    error instanceof ConnectionTimeoutError ||
    error instanceof SocketClosedUnexpectedlyError ||
    error instanceof TimeoutError ||
    error instanceof TurnTimeout
  );
}

/** Runs `read`: false when Redis could not be reached for it (an API answers "try again" in its own shape), true otherwise. */
export async function reachedRedis(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (isRedisUnreachable(error)) return false;
    throw error;
  }
}

/** `REDIS_URL` as configured: a redis: or rediss: address, or a start-up error that says what is wrong. */
export function redisUrlOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REDIS_URL must be an address such as redis://127.0.0.1:6379, not ${raw}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`REDIS_URL must be a redis:// or rediss:// address, not ${url.protocol}//…`);
  return raw;
}

/** A connected client, or a one-line start-up error when Redis does not answer within five seconds. */
export async function connectedRedis(url: string): Promise<RedisClient> {
  const client = redisClient(url);
  const shown = new URL(url);
  shown.password = shown.password ? '***' : '';
  const refused = new Error(`Redis at ${shown.href} does not answer: start it, or leave REDIS_URL unset`);
  // The first connection fails rather than retry forever: a wrong address is a start-up mistake.
  const first = new Promise<never>((_resolve, reject) => {
    const timer = setTimeout(() => reject(refused), 5_000);
    timer.unref();
    client.once('error', () => reject(refused));
  });
  try {
    await Promise.race([client.connect(), first]);
    await client.ping();
  } catch {
    client.destroy();
    throw refused;
  }
  return client;
}
