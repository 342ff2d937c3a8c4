import { createClient } from 'redis';

/**
 * A node-redis client for `REDIS_URL`, not yet connected. It reconnects by itself after Redis
 * goes away, waiting longer each time up to two seconds, so the portal works again when Redis is
 * back; errors while it is away are the caller's to answer (503), never unhandled.
 */
export function redisClient(url: string) {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
  });
  client.on('error', () => undefined);
  return client;
}

export type RedisClient = ReturnType<typeof redisClient>;
