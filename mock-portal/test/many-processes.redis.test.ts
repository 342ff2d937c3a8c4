import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startBalancer, type Balancer } from '../../testkit/balancer.js';
import { learnerJoins, startClassThroughPages } from '../../testkit/classes.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { AZURE_CLI, azureCliCode, azureCliToken } from '../../testkit/azure-cli.js';
import { clientIn, fillFormUntilAgreement, signInToSignup, signOutOverHttp } from '../../testkit/flows.js';
import { startPortal, type Started } from '../../testkit/processes.js';
import { startRedis, type TestRedis } from '../../testkit/redis-server.js';
import { TEST_API, WORLD_COOKIE } from '../src/contract.js';
import { listen, type Running } from '../src/listen.js';
import { WRONG_CLASS_CODES_PER_QUARTER_HOUR } from '../src/services/classroom/index.js';
import { connectedRedis, type RedisClient } from '../src/store/redis-client.js';
import { redisState } from '../src/store/redis-state.js';
import { FREE_TRIAL_OFFER } from '../src/world/model.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';

const KEY = 'a-trainer-key-for-tests-0123456789';
const CONTOSO = SEED_DIRECTORY_IDS.contoso;

interface Snapshot {
  subscriptions: { offerId: string; directoryId: string }[];
}

/** The learner's world's Free Trials, as the test API of whichever process answers reads them. */
async function freeTrialsOf(base: string, learner: CookieClient): Promise<Snapshot['subscriptions']> {
  const response = await fetch(`${base}${TEST_API}/worlds/${learner.cookies.get(WORLD_COOKIE) ?? ''}`);
  assert.equal(response.status, 200);
  const world = (await response.json()) as Snapshot;
  return world.subscriptions.filter((subscription) => subscription.offerId === FREE_TRIAL_OFFER);
}

/** The article's last step: Sign up, and the confirmation page it leads to. */
async function signUp(learner: CookieClient, readyForm: string): Promise<{ status: number; page: string }> {
  const response = await learner.postForm('/signup/', { _csrf: csrfTokenOf(readyForm), action: 'signup', agree: 'on' });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) return { status: response.status, page: await response.text() };
  const { response: page } = await learner.follow(location);
  return { status: page.status, page: await page.text() };
}

/** The trainer's live list of a class's learners. */
async function learnersList(trainer: CookieClient, classId: string): Promise<string> {
  return (await trainer.send(`/trainer/classes/${classId}/live`)).text();
}

describe('two processes behind one address, on one Redis', () => {
  let redis: TestRedis;
  let balancer: Balancer;
  let first: Started;
  let second: Started;
  before(async () => {
    redis = await startRedis();
    balancer = await startBalancer();
    // Tests come from one address and make worlds by the hundred.
    const env = { REDIS_URL: redis.url, PUBLIC_URL: balancer.url, TRAINER_KEY: KEY, NEW_WORLDS_PER_ADDRESS: '100000' };
    [first, second] = await Promise.all([startPortal([], env), startPortal([], env)]);
    balancer.serve([first.url, second.url]);
  });
  after(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await balancer.close();
    await redis.stop();
  });

  it('signs a learner up in Contoso exactly once when the same Sign up reaches both processes at once', async () => {
    const { learner } = await learnerJoins(
      balancer.url,
      (await startClassThroughPages(balancer.url, KEY, 'Monday')).code,
      'Erin',
    );
    const ready = await fillFormUntilAgreement(
      learner,
      await signInToSignup(learner, 'alice@contoso.com', SEED_PASSWORD),
    );
    const before = new Map(balancer.answered);
    const both = await Promise.all([signUp(learner, ready), signUp(learner, ready)]);
    assert.deepEqual(
      both.map(({ status }) => status),
      [200, 200],
    );
    for (const target of [first.url, second.url])
      assert.ok((balancer.answered.get(target) ?? 0) > (before.get(target) ?? 0), `${target} answered one of them`);
    assert.deepEqual(
      (await freeTrialsOf(balancer.url, learner)).map(({ directoryId }) => directoryId),
      [CONTOSO],
    );

    // Signed out and back: whichever process draws "Pick an account", the tile is there.
    await signOutOverHttp(learner, ready);
    const { url } = await learner.follow('/signup/');
    assert.match(url.pathname, /^\/login\/interaction\//);
    for (const _process of [first, second]) {
      const picker = await (await learner.send(url)).text();
      assert.match(picker, /Pick an account/);
      assert.match(picker, /alice@contoso\.com/);
    }
  });

  it('admits a class of 100 behind one address joining at once: right codes never count against the address', async () => {
    const { id, code, trainer } = await startClassThroughPages(balancer.url, KEY, 'Crowded');
    const names = Array.from({ length: 100 }, (_, n) => `Learner ${n + 1}`);
    const joined = await Promise.all(names.map((name) => learnerJoins(balancer.url, code, name)));
    assert.deepEqual(
      joined.map(({ response }) => response.status),
      names.map(() => 303),
    );
    // Each join is two changes of the classes (the learner, then their world) amid reads from both
    // processes: every learner's row has their world.
    const rows = (await (await trainer.send(`/trainer/classes/${id}/learners.csv`)).text()).split('\n').slice(1);
    const withWorlds = rows.filter((row) => /^"?Learner \d+"?,[A-Z0-9]{3}-[A-Z0-9]{3},/.test(row));
    assert.equal(withWorlds.length, 100, rows.filter((row) => !withWorlds.includes(row)).join('\n'));
  });

  it('a learner whose process is SIGKILLed mid-sign-up finishes on the other, still signed in, and the trainer sees them done', async () => {
    const { id, code, trainer } = await startClassThroughPages(balancer.url, KEY, 'Tuesday');
    const { learner, response } = await learnerJoins(balancer.url, code, 'Dana');
    assert.equal(response.status, 303);
    const ready = await fillFormUntilAgreement(
      learner,
      await signInToSignup(learner, 'alice@contoso.com', SEED_PASSWORD),
    );
    assert.ok((balancer.answered.get(first.url) ?? 0) > 0, 'the first process served the learner');
    await first.kill();

    const { status, page } = await signUp(learner, ready);
    assert.equal(status, 200);
    assert.match(page, /Contoso/);
    assert.deepEqual(
      (await freeTrialsOf(balancer.url, learner)).map(({ directoryId }) => directoryId),
      [CONTOSO],
    );
    const list = await learnersList(trainer, id);
    assert.match(list, /<bdi>Dana<\/bdi><\/th>\s*<td><span class="verdict verdict-done">/);
  });
});

/** One portal in this process on a Redis of its own (`keepIn`: one that keeps its data across a restart). */
async function portalOnRedis(prefix: string, keepIn?: string) {
  const redis = await startRedis(keepIn ? { keepIn } : {});
  const client = await connectedRedis(redis.url);
  const running = await listen(
    { testMode: true, trainerKey: KEY },
    { shared: await redisState(client, {}, KEY, prefix) },
  );
  const stop = async () => {
    await running.close();
    await client.close();
    await redis.stop();
  };
  return { redis, client, running, stop };
}

describe('Redis restarted mid-class', () => {
  let folder: string;
  let redis: TestRedis;
  let client: RedisClient;
  let running: Running;
  before(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'redis-restart-'));
    ({ redis, client, running } = await portalOnRedis('restart', folder));
  });
  after(async () => {
    await running.close();
    await client.close();
    await redis.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers "try again" (503, Retry-After, no stack) while Redis is away, and the class goes on when it is back', async () => {
    const { id, code, trainer } = await startClassThroughPages(running.url, KEY, 'Wednesday');
    const { learner } = await learnerJoins(running.url, code, 'Kim');
    const form = await signInToSignup(learner, 'alice@contoso.com', SEED_PASSWORD);

    await redis.stop();
    const away = await learner.send('/signup/');
    assert.equal(away.status, 503);
    assert.equal(away.headers.get('retry-after'), '5');
    const html = await away.text();
    assert.match(html, /cannot reach its storage/);
    assert.doesNotMatch(html, /at .*\.ts:\d+/);

    const reconnected = once(client, 'ready');
    redis = await startRedis({ port: redis.port, keepIn: folder });
    await reconnected;
    const ready = await fillFormUntilAgreement(learner, form);
    assert.equal((await signUp(learner, ready)).status, 200);
    assert.deepEqual(
      (await freeTrialsOf(running.url, learner)).map(({ directoryId }) => directoryId),
      [CONTOSO],
    );
    assert.match(await learnersList(trainer, id), /<bdi>Kim<\/bdi><\/th>\s*<td><span class="verdict verdict-done">/);
  });
});

describe('hostile and unlucky requests on Redis', () => {
  let redis: TestRedis;
  let client: RedisClient;
  let running: Running;
  let stop: () => Promise<void>;
  before(async () => {
    ({ redis, client, running, stop } = await portalOnRedis('hostile'));
  });
  after(() => stop());

  it('answers a world cookie that names no world, or a forged one, with the world-gone page and makes none', async () => {
    for (const forged of ['00000000-0000-4000-8000-000000000000', 'x'.repeat(5_000), '../../etc/passwd', '*']) {
      const learner = clientIn(running.url, forged);
      const response = await learner.send('/signup/');
      assert.equal(response.status, 410, forged.slice(0, 40));
      assert.equal(await client.zCard('hostile:worlds:used'), 0);
    }
  });

  it('while Redis is away, every surface that needs it says "try again" (503, Retry-After), never a stack', async () => {
    const { code } = await startClassThroughPages(running.url, KEY, 'Thursday');
    const { learner } = await learnerJoins(running.url, code, 'Lee');
    const trainer = (await startClassThroughPages(running.url, KEY, 'Friday')).trainer;
    const tokenFor = async (scope: string) => {
      const code = await azureCliCode(learner, {
        tenant: 'organizations',
        scope,
        signInName: 'alice@contoso.com',
        password: SEED_PASSWORD,
      });
      const redeemed = await azureCliToken(running.url, 'organizations', {
        grant_type: 'authorization_code',
        code,
        redirect_uri: AZURE_CLI.redirectUri,
        scope,
      });
      return redeemed.body.access_token ?? '';
    };
    const arm = await tokenFor('https://management.core.windows.net//.default');
    const graph = await tokenFor('https://graph.microsoft.com/.default');
    await redis.kill();

    for (const [api, token, shape] of [
      ['/management/subscriptions?api-version=2022-12-01', arm, 'ServiceUnavailable'],
      ['/graph/v1.0/me', graph, 'serviceNotAvailable'],
    ] as const) {
      const answer = await fetch(`${running.url}${api}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(answer.status, 503, api);
      assert.equal(answer.headers.get('retry-after'), '5');
      assert.equal(
        ((await answer.json()) as { error: { code: string } }).error.code,
        shape,
        "in the API's own error shape",
      );
    }

    const pages = [
      await learner.send('/signup/'),
      await learner.send('/portal/'),
      await trainer.send('/trainer'),
      await new CookieClient(running.url).send(`/class/${code}`),
    ];
    for (const page of pages) {
      assert.equal(page.status, 503, page.url);
      assert.equal(page.headers.get('retry-after'), '5');
      assert.doesNotMatch(await page.text(), /Error:|at .*\.ts:\d+/);
    }
    const token = await azureCliToken(running.url, 'organizations', {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: 'a-code-nobody-was-given',
    });
    assert.equal(token.status, 503);
    assert.equal(token.body.error, 'temporarily_unavailable');
    assert.equal((await fetch(`${running.url}/healthz`)).status, 200, 'the process itself is alive');
  });
});

describe('class codes guessed, on Redis', () => {
  let client: RedisClient;
  let running: Running;
  let stop: () => Promise<void>;
  before(async () => {
    ({ client, running, stop } = await portalOnRedis('guesses'));
  });
  after(() => stop());

  it('counts only wrong class codes, in Redis: past the limit even the right code is refused', async () => {
    const { code } = await startClassThroughPages(running.url, KEY, 'Guarded');
    const guesser = new CookieClient(running.url);
    for (let n = 0; n < 3; n += 1) assert.equal((await guesser.send(`/class/${code}`)).status, 200);
    assert.equal(await client.get('guesses:limit:class-code:127.0.0.1'), null, 'right codes never count');
    for (let n = 0; n < WRONG_CLASS_CODES_PER_QUARTER_HOUR; n += 1)
      assert.equal((await guesser.send('/class/ZZZZZZ')).status, 404);
    assert.equal((await guesser.send(`/class/${code}`)).status, 429);
  });
});
