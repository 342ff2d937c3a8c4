import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../testkit/processes.js';
import { startRedis, type TestRedis } from '../../testkit/redis-server.js';
import { RedisClasses } from '../src/store/redis-classes.js';
import { connectedRedis, isRedisUnreachable, redisClient, type RedisClient } from '../src/store/redis-client.js';
import { secretsSharedThrough } from '../src/store/redis-secrets.js';
import { takeTurn } from '../src/store/redis-turns.js';
import { RedisWorlds } from '../src/store/redis-worlds.js';
import { Classes } from '../src/world/classroom.js';
import { DEFAULT_LIMITS, WorldRegistry, type RegistryLimits } from '../src/world/registry.js';
import { accountOf, PROFILE, tokenFor } from './helpers.js';

/** One process's worlds on a shared Redis: its registry and the store that keeps it up to date. */
function processOn(redis: RedisClient, prefix: string, limits: Partial<RegistryLimits> = {}, now = () => Date.now()) {
  const worlds = new RedisWorlds(redis, { ...DEFAULT_LIMITS, ...limits }, { prefix, now });
  const registry = new WorldRegistry(limits, worlds);
  worlds.serve(registry);
  return { worlds, registry };
}

describe('state shared by several processes, against a real redis-server', () => {
  let server: TestRedis;
  const clients: RedisClient[] = [];
  const client = async () => {
    const made = await connectedRedis(server.url);
    clients.push(made);
    return made;
  };
  before(async () => {
    server = await startRedis();
  });
  after(async () => {
    await Promise.all(clients.filter((each) => each.isOpen).map((each) => each.close()));
    await server.stop();
  });

  describe('worlds', () => {
    /** Two processes on one prefix, and a world the first made and saved. */
    const twoProcessesAndAWorld = async () => {
      const prefix = randomUUID();
      const a = processOn(await client(), prefix);
      const b = processOn(await client(), prefix);
      const made = a.registry.createWorld();
      assert.ok(made);
      await a.worlds.flush();
      return { prefix, a, b, made };
    };

    it("brings one process's sign-up to the other at its next turn, under the same account ids", async () => {
      const { a, b, made } = await twoProcessesAndAWorld();

      const turn = await b.worlds.take(made.id);
      assert.ok(turn);
      const there = b.registry.world(made.id);
      assert.ok(there);
      assert.notEqual(there, made, 'a copy of its own');
      const alice = accountOf(there, 'alice@contoso.com');
      assert.equal(alice.id, accountOf(made, 'alice@contoso.com').id);
      assert.equal(there.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE).status, 'created');
      await b.worlds.flush();
      await turn.release();

      await a.worlds.readAccount(alice.id);
      const back = a.registry.findAccount(alice.id)?.world;
      assert.equal(back?.snapshot().subscriptions.length, made.snapshot().subscriptions.length + 1);
    });

    it("answers no request before every change it may have made is written, another request's write of it included", async () => {
      const a = processOn(await client(), randomUUID());
      assert.ok(a.registry.createWorld());
      const order: string[] = [];
      const writing = a.worlds.flush().then(() => order.push('the first flush wrote the world'));
      const second = a.worlds.flush().then(() => order.push('the second flush, with nothing of its own'));
      await Promise.all([writing, second]);
      assert.deepEqual(order, ['the first flush wrote the world', 'the second flush, with nothing of its own']);
    });

    it("never lets an older answer replace this process's newer copy (two reads may answer out of order)", async () => {
      const { prefix, a, made } = await twoProcessesAndAWorld();
      const redis = await client();
      const older = await redis.hGetAll(`${prefix}:world:${made.id}`);
      const turn = await a.worlds.take(made.id);
      assert.ok(turn);
      const alice = accountOf(made, 'alice@contoso.com');
      assert.equal(made.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE).status, 'created');
      await a.worlds.flush();
      await turn.release();
      await redis.hSet(`${prefix}:world:${made.id}`, older);
      assert.equal(await a.worlds.read(made.id), true);
      assert.equal(a.registry.world(made.id), made, 'the newer copy stays');
    });

    it('keeps a world made here and not yet written when a read finds Redis without it (a trainer reading a learner just joined)', async () => {
      const prefix = randomUUID();
      const a = processOn(await client(), prefix);
      const b = processOn(await client(), prefix);
      const made = a.registry.createWorld();
      assert.ok(made);
      await a.worlds.readMany([made.id]);
      assert.equal(await a.worlds.read(made.id), true, 'here, though not yet in Redis');
      assert.equal(a.registry.holds(made.id), true);
      await a.worlds.flush();
      const turn = await b.worlds.take(made.id);
      assert.ok(turn, 'written at the flush, for every process');
      await turn.release();
    });

    it('gives a world to one request at a time: the next waits until the first gives its turn back', async () => {
      const { a, b, made } = await twoProcessesAndAWorld();
      const first = await a.worlds.take(made.id);
      assert.ok(first);
      let secondHasIt = false;
      const second = b.worlds.take(made.id).then((turn) => {
        secondHasIt = true;
        return turn;
      });
      const probe = await client();
      for (let n = 0; n < 20; n += 1) await probe.ping();
      assert.equal(secondHasIt, false);
      await first.release();
      const turn = await second;
      assert.ok(turn);
      await turn.release();
    });

    it('frees the turn of a process that died holding it, once its time is up; waiting too long is "try again"', async () => {
      const key = `${randomUUID()}:turn`;
      const dying = redisClient(server.url);
      await dying.connect();
      await takeTurn(dying, key, { holdMs: 300, waitMs: 100 });
      dying.destroy();
      const waiter = await client();
      await assert.rejects(takeTurn(waiter, key, { holdMs: 300, waitMs: 50 }), (error) => isRedisUnreachable(error));
      const turn = await takeTurn(waiter, key, { holdMs: 300, waitMs: 5_000 });
      await turn.release();
    });

    it('forgets a world deleted in one process in every other, and its code and accounts with it', async () => {
      const prefix = randomUUID();
      const redis = await client();
      const a = processOn(redis, prefix);
      const b = processOn(await client(), prefix);
      const made = a.registry.createWorld();
      assert.ok(made);
      await a.worlds.flush();
      await b.worlds.readAll();
      assert.ok(b.registry.holds(made.id));
      a.registry.delete(made.id);
      await a.worlds.flush();
      assert.equal(await b.worlds.take(made.id), undefined);
      assert.equal(b.registry.holds(made.id), false);
      assert.equal(await redis.hGet(`${prefix}:worlds:codes`, made.code), null);
      assert.equal(await redis.hLen(`${prefix}:worlds:accounts`), 0);
    });

    it("counts every process's worlds against MAX_WORLDS, pushing out only one unused long enough", async () => {
      const prefix = randomUUID();
      let now = 1_000_000;
      const a = processOn(await client(), prefix, { maxWorlds: 2, protectedMs: 60_000 }, () => now);
      const b = processOn(await client(), prefix, { maxWorlds: 2, protectedMs: 60_000 }, () => now);
      const oldest = a.registry.createWorld();
      assert.ok(oldest);
      await a.worlds.flush();
      now += 1;
      assert.ok(b.registry.createWorld());
      await b.worlds.flush();
      assert.equal(await a.worlds.roomForOneMore(), false, 'both in use');
      now += 60_000;
      assert.equal(await a.worlds.roomForOneMore(), true, 'the least recently used has been unused long enough');
      assert.equal(await b.worlds.read(oldest.id), false, 'it went, for every process');
    });

    it('forgets worlds unused for WORLD_IDLE_HOURS, whichever process last used them', async () => {
      const prefix = randomUUID();
      let now = 1_000_000;
      const a = processOn(await client(), prefix, { idleMs: 3_600_000 }, () => now);
      const made = a.registry.createWorld();
      assert.ok(made);
      await a.worlds.flush();
      now += 3_599_999;
      await a.worlds.purgeIdle();
      assert.equal(await a.worlds.read(made.id), true);
      now += 1;
      await a.worlds.purgeIdle();
      assert.equal(await a.worlds.read(made.id), false);
    });
  });

  /** Two processes' classes on one prefix. */
  const twoProcessesClasses = async () => {
    const prefix = randomUUID();
    const copies = await Promise.all(
      [0, 1].map(async () => {
        const shared = new RedisClasses(await client(), { prefix });
        const classes = new Classes(undefined, shared);
        shared.serve(classes);
        return { shared, classes };
      }),
    );
    const [a, b] = copies;
    assert.ok(a && b);
    return [a, b] as const;
  };

  describe('classes', () => {
    it('keeps the learners who join in two processes at once, and each process sees them all', async () => {
      const [a, b] = await twoProcessesClasses();
      const started = await a.shared.change(() => a.classes.start('Tuesday'));
      assert.ok(started.ok);
      const code = started.classroom.code;
      const names = Array.from({ length: 10 }, (_, n) => `Learner ${n}`);
      await Promise.all(
        names.map((name, n) => (n % 2 ? a : b).shared.change(() => (n % 2 ? a : b).classes.join(code, name))),
      );
      for (const copy of [a, b]) {
        await copy.shared.read();
        assert.deepEqual(
          copy.classes
            .byCode(code)
            ?.learners.map((learner) => learner.name)
            .sort(),
          [...names].sort(),
        );
      }
    });
  });

  describe('classes, read out of order', () => {
    it("never let an older answer replace this process's newer copy", async () => {
      const prefix = randomUUID();
      const redis = await client();
      const shared = new RedisClasses(redis, { prefix });
      const classes = new Classes(undefined, shared);
      shared.serve(classes);
      const started = await shared.change(() => classes.start('Tuesday'));
      assert.ok(started.ok);
      const older = await redis.hGetAll(`${prefix}:classes`);
      await shared.change(() => classes.join(started.classroom.code, 'Dana'));
      await redis.hSet(`${prefix}:classes`, older);
      await shared.read();
      assert.deepEqual(
        classes.byCode(started.classroom.code)?.learners.map((learner) => learner.name),
        ['Dana'],
      );
    });
  });

  describe('classes, read while they change', () => {
    it("keep seeing the other process's changes after reads here raced a change here", async () => {
      const [a, b] = await twoProcessesClasses();
      for (let round = 0; round < 5; round += 1) {
        await Promise.all([
          a.shared.change(() => a.classes.start(`Here ${round}`)),
          ...Array.from({ length: 20 }, () => a.shared.read()),
        ]);
        await b.shared.change(() => b.classes.start(`There ${round}`));
        await a.shared.read();
        assert.ok(
          a.classes.list().some((classroom) => classroom.name === `There ${round}`),
          `round ${round}: the other process's class is seen here`,
        );
      }
    });
  });

  describe('secrets', () => {
    it('gives every process the secrets the first one made; a trainer key in the environment wins', async () => {
      const prefix = randomUUID();
      const first = await secretsSharedThrough(await client(), undefined, prefix);
      const second = await secretsSharedThrough(await client(), undefined, prefix);
      assert.equal(second.secrets.cookieSecret, first.secrets.cookieSecret);
      assert.deepEqual(second.secrets.clientSecrets, first.secrets.clientSecrets);
      assert.deepEqual(second.secrets.signingKey.privateJwk, first.secrets.signingKey.privateJwk);
      assert.equal(second.trainerKey, first.trainerKey);
      const set = await secretsSharedThrough(await client(), 'a-trainer-key-from-the-environment', prefix);
      assert.equal(set.trainerKey, 'a-trainer-key-from-the-environment');
    });
  });

  describe('a Redis that does not answer', () => {
    it('stops a start-up with one line that names the address, its password hidden', async () => {
      const port = await freePort();
      await assert.rejects(connectedRedis(`redis://:s3cret@127.0.0.1:${port}`), (error: Error) => {
        assert.equal(
          error.message,
          `Redis at redis://:***@127.0.0.1:${port} does not answer: start it, or leave REDIS_URL unset`,
        );
        return true;
      });
    });
  });
});
