import { OFFERS } from '../../world/model.js';
import type { Classroom } from '../../world/classroom.js';
import type { Progress } from '../../world/progress.js';
import type { WorldEntry, WorldRegistry } from '../../world/registry.js';
import { worldVerdict, type Verdict } from '../../world/verdict.js';

/** One world as a row: its code, when it was last used, who is signed in, what was signed up for, its verdict. */
export interface WorldRow {
  readonly code: string;
  readonly lastUsedAt: string;
  readonly minutesAgo: number;
  readonly signedIn: readonly string[];
  readonly subscriptions: readonly { offerId: string; offer: string; directory: string; owner: string }[];
  readonly verdict: Verdict;
  /** How far the world got along the article, and for how many minutes that has been the furthest. */
  readonly progress?: Progress & { readonly minutes: number };
}

/** One learner of a class as a row: their name, and their current world's row (none before they have one). */
export interface LearnerRow extends Partial<WorldRow> {
  readonly name: string;
  readonly verdict: Verdict;
  readonly lastUsedAt: string;
  readonly minutesAgo: number;
}

const minutesSince = (time: number, now: number) => Math.max(0, Math.floor((now - time) / 60_000));

export function worldRow({ world, lastUsedAt, signedIn }: WorldEntry, now: number): WorldRow {
  const { progress } = world;
  return {
    code: world.code,
    lastUsedAt: new Date(lastUsedAt).toISOString(),
    minutesAgo: minutesSince(lastUsedAt, now),
    signedIn: signedIn.map((account) => account.signInName),
    // Every world has the seed's own subscriptions: a row names only what its learner signed up for.
    subscriptions: world.signedUpSubscriptions().map((s) => ({
      offerId: s.offerId,
      offer: OFFERS[s.offerId].name,
      directory: world.directory(s.directoryId)?.name ?? '',
      owner: world.account(s.accountAdminId)?.signInName ?? '',
    })),
    verdict: worldVerdict(world),
    ...(progress ? { progress: { ...progress, minutes: minutesSince(Date.parse(progress.since), now) } } : {}),
  };
}

type Counts = Record<Verdict, number>;

function countsOf(rows: readonly { verdict: Verdict }[]): Counts {
  const count = (verdict: Verdict) => rows.filter((row) => row.verdict === verdict).length;
  return { done: count('done'), trap: count('trap'), 'not-yet': count('not-yet') };
}

/** Every live world, one row each, with counts per verdict: the list before classes, and beside them. */
export function allWorlds(registry: WorldRegistry, now = Date.now()): { rows: WorldRow[]; counts: Counts } {
  const rows = registry.entries().map((entry) => worldRow(entry, now));
  return { rows, counts: countsOf(rows) };
}

/** A class's learners, one row each in the order they joined, with counts per learner. */
export function learnersOf(
  classroom: Classroom,
  registry: WorldRegistry,
  now = Date.now(),
): { rows: LearnerRow[]; counts: Counts } {
  const rows = classroom.learners.map((learner): LearnerRow => {
    const entry = learner.worldId === undefined ? undefined : registry.entry(learner.worldId);
    if (entry) return { name: learner.name, ...worldRow(entry, now) };
    const joined = Date.parse(learner.joinedAt);
    return {
      name: learner.name,
      verdict: 'not-yet',
      lastUsedAt: learner.joinedAt,
      minutesAgo: minutesSince(joined, now),
    };
  });
  return { rows, counts: countsOf(rows) };
}
