/**
 * npm run load, against a portal in a process of its own (or BASE_URL, started with --test-mode):
 * 1. A class: LOAD_LEARNERS (200) learners at once, each in a world of their own, walk the whole
 *    article over HTTP. Prints p50/p99 of their requests, errors, and the portal's memory per
 *    world; beside it /healthz's p99 under the same concurrency, in the same run, as the floor.
 *    The server is first warmed by one such class, then the class runs three times: what is measured
 *    is the cost of requests, not of compiling code on its first use, and a noisy machine moves it less.
 * 2. A crowd: LOAD_CROWD (1,000) learners at once, more than one process serves in good time. Each
 *    either finishes or is told by the portal to try again in a moment (503 with Retry-After, which
 *    the learner then does); a learner whose connection fails or gets no answer is a failure.
 * 3. 100 connections for LOAD_SECONDS (20) s on each of the heaviest pages and on the sign-in POST.
 * Fails on any error, any 5xx other than a "try again" 503, or any learner without an answer.
 * Results: docs/performance.md.
 *   LOAD_SECONDS=5 LOAD_LEARNERS=50 LOAD_CROWD=0 npm run load     shorter, without the crowd
 *   npm run load -- --workers 2      instead: one process against two workers on Redis, the class of
 *                                    LOAD_LEARNERS at once and LOAD_READERS (1,000) at a reader's pace
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SEED_PASSWORD } from '../mock-portal/src/world/seed.js';
import { csrfTokenOf, signInUntilCallback } from '../testkit/cookie-client.js';
import { clientIn, newWorld } from '../testkit/flows.js';
import { type ClassRun, percentile, runClass } from './lib/class-run.js';
import { startPortal } from '../testkit/processes.js';
import { compareWorkers } from './lib/compare-workers.js';
import { TEST_API } from '../mock-portal/src/contract.js';

const { values: options } = parseArgs({ options: { workers: { type: 'string' } } });
if (options.workers !== undefined) {
  const workers = Number(options.workers);
  if (!Number.isInteger(workers) || workers < 2) throw new Error('--workers must be a whole number of at least 2');
  process.env.NEW_WORLDS_PER_ADDRESS ??= '100000';
  const ok = await compareWorkers(
    workers,
    Number(process.env.LOAD_LEARNERS ?? 200),
    Number(process.env.LOAD_READERS ?? 1000),
  );
  process.exit(ok ? 0 : 1);
}
const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const learners = Number(process.env.LOAD_LEARNERS ?? 200);
const crowd = Number(process.env.LOAD_CROWD ?? 1000);
const CLASS_ROUNDS = 3;
// The class comes from one address, as a class behind one router does: let it make its worlds.
process.env.NEW_WORLDS_PER_ADDRESS ??= '100000';
const running = process.env.BASE_URL ? undefined : await startPortal(['--expose-gc']);
const base = process.env.BASE_URL ?? running?.url ?? '';

interface Memory {
  heapUsed: number;
  rss: number;
  worlds: number;
  cpuMicroseconds: { user: number; system: number };
  /** The server's Node (absent from servers older than this field). */
  node?: string;
}
const memory = async () => (await (await fetch(`${base}${TEST_API}/memory`)).json()) as Memory;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

let failed = false;
interface Timing {
  requests: number;
  totalMs: number;
}
const timing = async () => (await (await fetch(`${base}${TEST_API}/timing`)).json()) as Timing;
await runClass(base, learners);
const before = await memory();
console.log(`load: the portal runs on Node ${before.node ?? 'unknown'}; this client on Node ${process.versions.node}`);
const timingBefore = await timing();
// One class is a few seconds of work: three in a row make a figure that a noisy machine moves less.
const runs: ClassRun[] = [];
for (let round = 0; round < CLASS_ROUNDS; round += 1) runs.push(await runClass(base, learners));
const timingAfter = await timing();
const after = await memory();
const run = {
  requests: runs.flatMap((each) => each.requests),
  errors: runs.flatMap((each) => each.errors),
  toldToRetry: runs.reduce((sum, each) => sum + each.toldToRetry, 0),
  seconds: Math.max(...runs.map((each) => each.seconds)),
};
const latencies = run.requests.map((request) => request.ms);
const fivexx = failures(run);
const newWorlds = after.worlds - before.worlds;
const floor = await autocannon({ url: `${base}/healthz`, connections: learners, duration: 5 });
failed ||=
  run.errors.length > 0 ||
  fivexx > 0 ||
  newWorlds !== learners * CLASS_ROUNDS ||
  runs.some((each) => each.worlds !== learners);
console.log(
  `${failed ? 'FAIL' : 'ok  '} class: ${learners} learners at once, each in a world of their own, ${CLASS_ROUNDS} times: ${run.requests.length} requests, the slowest class in ${run.seconds.toFixed(1)} s; ` +
    `latency p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${percentile(latencies, 100)} ms; ` +
    `errors ${run.errors.length}, 5xx ${fivexx}, told to retry ${run.toldToRetry}; new worlds ${newWorlds}`,
);
console.log(
  `     the same concurrency on /healthz, the floor: p50 ${floor.latency.p50} ms, p99 ${floor.latency.p99} ms (${floor.requests.average.toFixed(0)} req/s)`,
);
console.log(
  `     memory per world: ${((after.heapUsed - before.heapUsed) / newWorlds / 1024).toFixed(1)} KiB of live heap ` +
    `(heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)} MiB, RSS ${mib(before.rss)} → ${mib(after.rss)} MiB, ${after.worlds} worlds)`,
);
const serverRequests = timingAfter.requests - timingBefore.requests;
const cpuMs = (m: Memory) => (m.cpuMicroseconds.user + m.cpuMicroseconds.system) / 1000;
const serverCpuMs = cpuMs(after) - cpuMs(before);
console.log(
  `     the server's CPU: ${(serverCpuMs / run.requests.length).toFixed(2)} ms per learner request ` +
    `(${run.requests.length} requests; ${serverRequests} reached the server's routes, the relying parties' back channel included), ` +
    `${(serverCpuMs / 1000).toFixed(1)} s in all, for classes that took up to ${run.seconds.toFixed(1)} s each: ` +
    `the requests of a class at once wait their turn on one core`,
);
for (const error of run.errors.slice(0, 5)) console.log(`     ${error}`);

// The same class at a reader's pace: arriving over three seconds, each form posted 1.5 to 4.5 s after its page came.
const paced = await runClass(base, learners, 3_000);
const pacedLatencies = paced.requests.map((request) => request.ms);
const pacedFivexx = failures(paced);
failed ||= paced.errors.length > 0 || pacedFivexx > 0;
console.log(
  `${paced.errors.length > 0 || pacedFivexx > 0 ? 'FAIL' : 'ok  '} the same class at a reader's pace (arriving over 3 s, each form posted 1.5 to 4.5 s after its page): ` +
    `${paced.requests.length} requests in ${paced.seconds.toFixed(1)} s; latency p50 ${percentile(pacedLatencies, 50)} ms, ` +
    `p99 ${percentile(pacedLatencies, 99)} ms, max ${percentile(pacedLatencies, 100)} ms; errors ${paced.errors.length}, 5xx ${pacedFivexx}`,
);

// A crowd larger than one process serves in good time: each learner finishes, or is told to retry.
if (crowd > 0) {
  const crowdRun = await runClass(base, crowd);
  const crowdLatencies = crowdRun.requests.map((request) => request.ms);
  const crowdOk = crowdRun.unanswered === 0 && crowdRun.errors.length === 0 && failures(crowdRun) === 0;
  failed ||= !crowdOk;
  console.log(
    `${crowdOk ? 'ok  ' : 'FAIL'} a crowd: ${crowd} learners at once, ${crowdRun.requests.length} requests in ${crowdRun.seconds.toFixed(1)} s; ` +
      `finished ${crowd - crowdRun.errors.length}, told to retry at least once ${crowdRun.toldToRetry}, never answered ${crowdRun.unanswered}; ` +
      `latency p50 ${percentile(crowdLatencies, 50)} ms, p99 ${percentile(crowdLatencies, 99)} ms, max ${percentile(crowdLatencies, 100)} ms`,
  );
  for (const error of crowdRun.errors.slice(0, 5)) console.log(`     ${error}`);
}

const worldId = await newWorld(base);
const portal = clientIn(base, worldId);
await portal.follow(await signInUntilCallback(portal, '/portal/subscriptions', 'dave@contoso.com', SEED_PASSWORD));
const portalCookie = portal.cookieHeader();

// The sign-in POST: a password page of an interaction in progress, posted again and again with
// a wrong password for an account of its own, as a password-guessing client would.
const guesser = clientIn(base, await newWorld(base));
const { response, url } = await guesser.follow('/signup/');
const token = csrfTokenOf(await response.text());
await guesser.postForm(`${url.pathname}/username`, { _csrf: token, username: 'bob@contoso.com' });
const guesserCookie = guesser.cookieHeader();

const targets = [
  { name: 'Scenarios', url: `${base}/scenarios`, headers: { cookie: portalCookie } },
  { name: 'portal Subscriptions', url: `${base}/portal/subscriptions`, headers: { cookie: portalCookie } },
  { name: 'portal Directory overview', url: `${base}/portal/directory-overview`, headers: { cookie: portalCookie } },
  {
    name: 'sign-in POST (password)',
    url: `${base}${url.pathname}/password`,
    method: 'POST' as const,
    headers: { cookie: guesserCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, password: 'not-the-password' }).toString(),
  },
];

console.log(`load: 100 connections, ${seconds} s each, against ${base}`);
for (const target of targets) {
  const result = await autocannon({ ...target, connections: 100, duration: seconds });
  const fivexx = result['5xx'];
  const ok = result.errors === 0 && result.timeouts === 0 && fivexx === 0;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${target.name}: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s; ` +
      `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${fivexx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
}
await running?.stop();

/** Answers in the 500s other than the portal's "try again in a moment" (503 with Retry-After). */
function failures(run: Pick<ClassRun, 'requests'>): number {
  return run.requests.filter((request) => request.status >= 500 && request.status !== 503).length;
}
process.exit(failed ? 1 : 0);
