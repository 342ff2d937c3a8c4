import { startBalancer, type Balancer } from '../../testkit/balancer.js';
import { startPortal, type Started } from '../../testkit/processes.js';
import { startRedis, type TestRedis } from '../../testkit/redis-server.js';
import { expect, test as base } from '../fixtures.js';
import { walkHappyPath } from '../support/happy-path.js';
import { ALICE_CONTOSO } from '../support/accounts.js';
import { TRAINER_KEY } from '../support/trainer-key.js';

/** Two portal processes on one Redis, behind one address (a round-robin load balancer). */
interface Cluster {
  readonly redis: TestRedis;
  readonly balancer: Balancer;
  readonly processes: readonly [Started, Started];
}

const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const redis = await startRedis();
      const balancer = await startBalancer();
      const env = { REDIS_URL: redis.url, PUBLIC_URL: balancer.url, TRAINER_KEY };
      const processes = await Promise.all([startPortal([], env), startPortal([], env)]);
      balancer.serve(processes.map((process) => process.url));
      await use({ redis, balancer, processes });
      await Promise.all(processes.map((process) => process.stop()));
      await balancer.close();
      await redis.stop();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ cluster }, use) => {
    await use(cluster.balancer.url);
  },
});

test.describe('Several processes on one Redis: a class goes on when a process dies', () => {
  test(`a learner whose process is killed mid-sign-up finishes the article on the other, still signed in, with a Free Trial in Contoso, and the trainer sees them done`, async ({
    cluster,
    newVisitor,
    pagesOn,
    worldOf,
    ui,
  }) => {
    const [first] = cluster.processes;
    const trainer = pagesOn(await newVisitor()).trainer;
    const learner = await newVisitor();

    await test.step('the trainer starts a class and Dana joins it by its link', async () => {
      await trainer.open(TRAINER_KEY);
      await trainer.startClass('Two processes');
      await pagesOn(learner).classroom.joinWithLink(await trainer.classJoinLink().inputValue(), 'Dana');
    });

    await test.step(`steps 1 to 4 as ${ALICE_CONTOSO}; at the agreement, the process that served her is killed`, async () => {
      await walkHappyPath(learner, ui, {
        at: async (moment) => {
          if (moment !== 'agreement') return;
          expect(cluster.balancer.answered.get(first.url) ?? 0, 'the first process served Dana').toBeGreaterThan(0);
          await first.kill();
        },
      });
    });

    await test.step('in state: one Free Trial, in Contoso, in a world of her own', async () => {
      await expect
        .poll(async () => (await (await worldOf(learner)).freeTrials()).map((p) => p.directory))
        .toEqual(['Contoso']);
    });

    await test.step('the trainer, on the process left, sees Dana done', async () => {
      await trainer.assertLearner('Dana', 'done', ui('progress.portal-opened'));
    });
  });
});
