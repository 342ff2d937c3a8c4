import { randomBytes } from 'node:crypto';
import { newAppSecrets, secretFields, secretsFromFields, type AppSecrets } from '../identity-platform/app-secrets.js';
import type { RedisClient } from './redis-client.js';

/**
 * The secrets every process of one portal shares, kept in Redis: the first process to start
 * makes them, and every other (on this machine or another) takes those. A trainer key set in
 * the environment wins; otherwise one is made and kept the same way.
 */
export async function secretsSharedThrough(
  redis: RedisClient,
  trainerKey: string | undefined,
  prefix = 'mock',
): Promise<{ secrets: AppSecrets; trainerKey: string }> {
  const key = `${prefix}:secrets`;
  const offered = { ...secretFields(await newAppSecrets()), trainerKey: randomBytes(18).toString('base64url') };
  const multi = redis.multi();
  for (const [field, value] of Object.entries(offered)) multi.hSetNX(key, field, value);
  await multi.exec();
  const kept = await redis.hGetAll(key);
  const secrets = await secretsFromFields(kept);
  if (!secrets || !kept.trainerKey) throw new Error(`Redis holds incomplete secrets under ${key}: delete that key`);
  return { secrets, trainerKey: trainerKey ?? kept.trainerKey };
}
