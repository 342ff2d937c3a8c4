import { startClassThroughPages } from '../../testkit/classes.js';
import { startPortal } from '../../testkit/processes.js';
import { startRedis } from '../../testkit/redis-server.js';
import { type ClassRun, percentile, runClass } from './class-run.js';

const ROUNDS = 3;
const TRAINER_KEY = 'load-trainer-key-not-a-secret';
/** Every learner's world read through the test API of whichever process answers. */
const CHECKED = { checkPlacement: true };
/** What the workers must reach: their p99 at most this share of one process's. */
const WANTED_RATIO = 0.6;

/**
 * npm run load -- --workers N: one process (its state in memory, as by default) against N workers
 * on Redis (a redis-server of this run's own), each warmed by a class first. The class of
 * `learners` at once runs ROUNDS times on each, the two taking turns so that a machine that slows
 * down slows both: each time a class the trainer starts, which every learner joins by its page
 * before the article; then `readers` at a reader's pace on each (no class: one holds 500). True when every learner of every
 * class ended with a Free Trial in Contoso in a world of their own, with no error, and the
 * workers' p99 of the class at once is at most 0.6 of one process's.
 */
export async function compareWorkers(workers: number, learners: number, readers: number): Promise<boolean> {
  const redis = await startRedis();
  const one = await startPortal([], { TRAINER_KEY });
  const many = await startPortal([], { REDIS_URL: redis.url, TRAINER_KEY }, ['--workers', String(workers)]);
  const setups = [
    { name: 'one process', url: one.url },
    { name: `${workers} workers on Redis`, url: many.url },
  ];
  try {
    for (const setup of setups) await runClass(setup.url, learners);
    const atOnce = new Map<string, ClassRun[]>(setups.map((setup) => [setup.name, []]));
    for (let round = 0; round < ROUNDS; round += 1)
      for (const setup of setups) atOnce.get(setup.name)?.push(await trainersClass(setup.url, learners, round));
    const paced = new Map<string, ClassRun>();
    for (const setup of setups) paced.set(setup.name, await runClass(setup.url, readers, 3_000, CHECKED));

    let ok = true;
    const p99s: number[] = [];
    for (const setup of setups) {
      const runs = atOnce.get(setup.name) ?? [];
      const latencies = runs.flatMap((run) => run.requests.map((request) => request.ms));
      p99s.push(percentile(latencies, 99));
      ok &&= report(
        `${setup.name}: a trainer's class of ${learners} joining at once, ${ROUNDS} times, every row done`,
        runs,
        latencies,
      );
      const reading = paced.get(setup.name);
      if (reading)
        ok &&= report(
          `${setup.name}: ${readers} at a reader's pace`,
          [reading],
          reading.requests.map((request) => request.ms),
        );
    }
    const [single = 0, several = 0] = p99s;
    const ratio = several / single;
    const fastEnough = ratio <= WANTED_RATIO;
    console.log(
      `${fastEnough ? 'ok  ' : 'FAIL'} the class at once: p99 with ${workers} workers is ${ratio.toFixed(2)}× one process's (${several} ms against ${single} ms; wanted at most ${WANTED_RATIO}×)`,
    );
    return ok && fastEnough;
  } finally {
    await Promise.all([one.stop(), many.stop()]);
    await redis.stop();
  }
}

/** A class the trainer starts, `learners` joining it at once and walking the article; the trainer's rows done are checked. */
async function trainersClass(url: string, learners: number, round: number): Promise<ClassRun> {
  const { id, code, trainer } = await startClassThroughPages(url, TRAINER_KEY, `Round ${round + 1}`);
  const run = await runClass(url, learners, 0, { ...CHECKED, classCode: code });
  const rows = (await (await trainer.send(`/trainer/classes/${id}/learners.csv`)).text()).split('\n').slice(1);
  const done = rows.filter((row) => row.includes(',done,')).length;
  return done === learners ? run : { ...run, errors: [...run.errors, `the trainer sees ${done} of ${learners} done`] };
}

/** One line per setup and class: latencies, errors, and whether each learner has a world of their own. */
function report(what: string, runs: readonly ClassRun[], latencies: readonly number[]): boolean {
  const errors = runs.flatMap((run) => run.errors);
  const fivexx = runs.flatMap((run) => run.requests).filter((r) => r.status >= 500 && r.status !== 503).length;
  const ownWorlds = runs.every((run) => run.worlds === run.learners);
  const ok = errors.length === 0 && fivexx === 0 && ownWorlds && runs.every((run) => run.unanswered === 0);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${what}: ${latencies.length} requests; latency p50 ${percentile(latencies, 50)} ms, ` +
      `p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms; errors ${errors.length}, 5xx ${fivexx}, ` +
      `told to retry ${runs.reduce((sum, run) => sum + run.toldToRetry, 0)}; ` +
      `${ownWorlds ? 'every learner a Free Trial in Contoso in a world of their own' : 'learners shared worlds'}; ` +
      `slowest class ${Math.max(...runs.map((run) => run.seconds)).toFixed(1)} s`,
  );
  for (const error of errors.slice(0, 5)) console.log(`     ${error}`);
  return ok;
}
