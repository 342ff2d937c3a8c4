/**
 * npm run profile: where the server's CPU goes while a class signs up at once. Starts the portal
 * in test mode, warms it with a whole class, then records V8's CPU profile of the server (the
 * test API's /profile) while `npm run load`'s class (LOAD_LEARNERS, 200) signs up at once, and
 * prints the server's busy time by owner: each sample goes to the innermost frame of its stack
 * that is the project's own code or a package, so Node's own work (parsing, sockets, streams)
 * counts for whoever asked for it. Results: docs/performance.md.
 *   LOAD_LEARNERS=50 npm run profile        a smaller class
 *   PROFILE_KEEP=class.cpuprofile npm run profile   also keep the profile (open it in Chrome's DevTools)
 */
import { writeFileSync } from 'node:fs';
import { runClass } from './lib/class-run.js';
import { startPortal } from '../testkit/processes.js';
import { TEST_API } from '../mock-portal/src/contract.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const learners = Number(process.env.LOAD_LEARNERS ?? 200);
process.env.NEW_WORLDS_PER_ADDRESS ??= '100000';
const portal = await startPortal();
// Compiling and loading happen once per process, not per request: a first class pays for them.
await runClass(portal.url, learners);
await fetch(`${portal.url}${TEST_API}/profile`, { method: 'PUT' });
const run = await runClass(portal.url, learners);
const profile = (await (await fetch(`${portal.url}${TEST_API}/profile`, { method: 'DELETE' })).json()) as Profile;
await portal.stop();
if (process.env.PROFILE_KEEP) writeFileSync(process.env.PROFILE_KEEP, JSON.stringify(profile));

/** Who a frame belongs to: a package, a file of ours, or undefined for Node itself. */
function ownerOf(url: string): string | undefined {
  const packageAt = url.lastIndexOf('/node_modules/');
  if (packageAt >= 0) {
    const [scope, name] = url.slice(packageAt + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const ours = url.indexOf('/mock-portal/src/');
  return ours >= 0 ? url.slice(ours + '/mock-portal/src/'.length).replace(/\.ts$|"$/, '') : undefined;
}

const parentOf = new Map<number, ProfileNode>();
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
const ownerCache = new Map<number, string>();
function attribute(node: ProfileNode): string {
  const cached = ownerCache.get(node.id);
  if (cached) return cached;
  const name = node.callFrame.functionName;
  let owner: string | undefined;
  if (name === '(idle)' || name === '(garbage collector)' || name === '(program)') owner = name;
  for (let at: ProfileNode | undefined = node; !owner && at; at = parentOf.get(at.id))
    owner = ownerOf(at.callFrame.url);
  owner ??= 'Node itself (HTTP parsing, sockets, timers)';
  ownerCache.set(node.id, owner);
  return owner;
}

const spent = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  if (!node) return;
  const owner = attribute(node);
  spent.set(owner, (spent.get(owner) ?? 0) + (profile.timeDeltas[index] ?? 0));
});
const idle = spent.get('(idle)') ?? 0;
spent.delete('(idle)');
// The inspector answers the profiler's own messages on this thread, inside the test API's handler.
spent.delete('http/test-api');
const busy = [...spent.values()].reduce((sum, each) => sum + each, 0);
console.log(
  `profile: a class of ${learners} at once on Node ${process.versions.node}, ${run.requests.length} requests in ${run.seconds.toFixed(1)} s, ` +
    `errors ${run.errors.length}; the server was busy ${(busy / 1e6).toFixed(1)} s (idle ${(idle / 1e6).toFixed(1)} s), ` +
    `${(busy / 1e3 / run.requests.length).toFixed(2)} ms per learner request`,
);
for (const [owner, microseconds] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`  ${((100 * microseconds) / busy).toFixed(1).padStart(5)} %  ${owner}`);
