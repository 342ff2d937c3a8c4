import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { decodeJwt } from 'jose';
import { listen, type Running } from '../src/listen.js';
import { createRedisAdapterFactory } from '../src/services/login/redis-adapter.js';
import { redisClient, type RedisClient } from '../src/store/redis-client.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import { azureCliDeviceCode, azureCliToken, signInWithDeviceCode } from '../../testkit/azure-cli.js';
import { clientIn, newWorld, signUpOverHttp } from '../../testkit/flows.js';
import { startRedis, type TestRedis } from '../../testkit/redis-server.js';

const ARM = 'https://management.core.windows.net//.default openid profile offline_access';

describe('The sign-in service on Redis: oidc-provider itself keeps its sign-ins, codes and tokens there', () => {
  let redis: TestRedis;
  let client: RedisClient;
  let running: Running;
  before(async () => {
    redis = await startRedis();
    client = redisClient(redis.url);
    await client.connect();
    running = await listen({ testMode: true }, { signInStorage: createRedisAdapterFactory(client, 'oidc') });
  });
  after(async () => {
    await running.close();
    await client.close();
    await redis.stop();
  });

  it('a browser signs in through the pages and signs up, and Redis holds its session, grant and codes', async () => {
    const browser = clientIn(running.url, await newWorld(running.url));
    const signedUp = await signUpOverHttp(browser, 'alice@contoso.com', SEED_PASSWORD);
    assert.deepEqual([signedUp.status, signedUp.location], [303, '/signup/done']);
    const models = new Set((await client.keys('oidc:*')).map((key) => key.split(':')[1]));
    for (const model of ['Session', 'Grant', 'AuthorizationCode', 'sessionUid'])
      assert.ok(models.has(model), `${model} in Redis (${[...models].join(', ')})`);
  });

  it("a device signs in (polls, a browser approves), and its refresh token redeems at the guest's other directory", async () => {
    const asked = await azureCliDeviceCode(running.url, 'organizations', { scope: ARM });
    const pending = await azureCliToken(running.url, 'organizations', {
      grant_type: 'device_code',
      device_code: asked.body.device_code,
    });
    assert.equal(pending.body.error, 'authorization_pending');
    const browser = clientIn(running.url, await newWorld(running.url));
    await signInWithDeviceCode(browser, asked.body.user_code, {
      signInName: 'alice@fabrikam.com',
      password: SEED_PASSWORD,
    });
    const tokens = await azureCliToken(running.url, 'organizations', {
      grant_type: 'device_code',
      device_code: asked.body.device_code,
    });
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    assert.equal(decodeJwt(tokens.body.access_token ?? '').tid, SEED_DIRECTORY_IDS.fabrikam);
    const atContoso = await azureCliToken(running.url, SEED_DIRECTORY_IDS.contoso, {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token ?? '',
      scope: ARM,
    });
    assert.equal(decodeJwt(atContoso.body.access_token ?? '').tid, SEED_DIRECTORY_IDS.contoso);
    const again = await azureCliToken(running.url, 'organizations', {
      grant_type: 'device_code',
      device_code: asked.body.device_code,
    });
    assert.equal(again.body.error, 'bad_verification_code', 'a device code is redeemed once, across Redis too');
  });
});
