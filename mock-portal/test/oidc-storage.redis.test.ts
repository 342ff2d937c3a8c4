import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { redisClient } from '../src/store/redis-client.js';
import { createRedisAdapterFactory } from '../src/services/login/redis-adapter.js';
import { startRedis, type TestRedis } from '../../testkit/redis-server.js';
import { storageContract } from './oidc-storage-contract.js';

describe("oidc-provider's models in Redis (several processes), against a real redis-server", () => {
  let redis: TestRedis;
  const clients: { close(): Promise<unknown> }[] = [];
  const client = async () => {
    const made = redisClient(redis.url);
    clients.push(made);
    await made.connect();
    return made;
  };
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await Promise.all(clients.map((each) => each.close()));
    await redis.stop();
  });

  // Each test its own prefix: a fresh store in the one server.
  storageContract(async () => createRedisAdapterFactory(await client(), `oidc-${randomUUID()}`));

  it('lets Redis expire each entry at its end, and a device code a quarter of an hour after', async () => {
    const redisClient = await client();
    const prefix = `oidc-${randomUUID()}`;
    const Adapter = createRedisAdapterFactory(redisClient, prefix);
    await new Adapter('AccessToken').upsert('t1', { grantId: 'g1' }, 3600);
    await new Adapter('DeviceCode').upsert('d1', { userCode: 'BCDFGHJKL', grantId: 'g1' }, 900);
    const ttl = (key: string) => redisClient.ttl(`${prefix}:${key}`);
    assert.ok(Math.abs((await ttl('AccessToken:t1')) - 3600) <= 2);
    assert.ok(Math.abs((await ttl('DeviceCode:d1')) - 1800) <= 2);
    assert.ok(Math.abs((await ttl('userCode:BCDFGHJKL')) - 1800) <= 2);
    assert.ok(Math.abs((await ttl('grant:g1')) - 3600) <= 2, 'the grant index lives as long as its longest member');
  });

  it('is one store for every process: what one writes, another finds', async () => {
    const prefix = `oidc-${randomUUID()}`;
    const [first, second] = [
      createRedisAdapterFactory(await client(), prefix),
      createRedisAdapterFactory(await client(), prefix),
    ];
    await new first('Interaction').upsert('i1', { uid: 'x', returnTo: '/login/auth/i1' }, 60);
    assert.equal((await new second('Interaction').find('i1'))?.returnTo, '/login/auth/i1');
    await new second('RefreshToken').upsert('r1', { grantId: 'g9' }, 60);
    await new first('AccessToken').revokeByGrantId('g9');
    assert.equal(await new second('RefreshToken').find('r1'), undefined);
  });
});
