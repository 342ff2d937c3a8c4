/**
 * npm run load: 100 connections for 20 s on each of the heaviest pages and on the sign-in POST,
 * against a portal started in this process (or BASE_URL, started with --test-mode). Prints
 * latency percentiles; fails on any error or any 5xx. Results: docs/performance.md.
 *   LOAD_SECONDS=5 npm run load     shorter
 */
import autocannon from 'autocannon';
import { listen } from '../mock-portal/src/listen.js';
import { SEED_PASSWORD } from '../mock-portal/src/world/seed.js';
import { csrfTokenOf, signInUntilCallback } from '../mock-portal/test/browserless.js';
import { clientIn, newWorld } from '../mock-portal/test/http-flows.js';

const seconds = Number(process.env.LOAD_SECONDS ?? 20);
const running = process.env.BASE_URL ? undefined : await listen({ testMode: true, logLevel: 'warn' });
const base = process.env.BASE_URL ?? running?.url ?? '';

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

let failed = false;
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
await running?.close();
process.exit(failed ? 1 : 0);
