import { FREE_TRIAL_OFFER, type AzureSubscription, type Directory } from './model.js';
import { THE_ARTICLE, WALK_DETAILS, WALKS, type Walk } from './walks.js';
import type { World } from './world.js';

/** Where the article's reader should end up: a Free Trial in their organisation's directory. */
export const ARTICLE_DIRECTORY = 'Contoso';

/** done: what the article says should happen did; trap: a Free Trial landed elsewhere; not-yet: neither. */
export type Verdict = 'done' | 'trap' | 'not-yet';

interface Trial {
  readonly subscription: AzureSubscription;
  readonly directory: Directory;
}

function freeTrials(world: World, signedUpBy?: (accountId: string) => boolean): Trial[] {
  const { subscriptions } = world.snapshot();
  return subscriptions.flatMap((subscription) => {
    const directory = world.directory(subscription.directoryId);
    if (subscription.offerId !== FREE_TRIAL_OFFER || !directory) return [];
    if (signedUpBy && !signedUpBy(subscription.accountAdminId)) return [];
    return [{ subscription, directory }];
  });
}

/** Whether a subscription in this directory is where the article's reader wants it. */
export function isWhereTheArticleWantsIt(directory: Directory): boolean {
  return directory.name === ARTICLE_DIRECTORY;
}

const inArticleDirectory = (trial: Trial) => isWhereTheArticleWantsIt(trial.directory);

function verdictOf(trials: readonly Trial[]): { verdict: Verdict; directory?: string } {
  const astray = trials.find((trial) => !inArticleDirectory(trial));
  if (astray) return { verdict: 'trap', directory: astray.directory.name };
  const done = trials.find(inArticleDirectory);
  return done ? { verdict: 'done', directory: done.directory.name } : { verdict: 'not-yet' };
}

/**
 * The trainer's verdict on a whole world: in the trap as soon as any Free Trial is outside
 * Contoso (in Fabrikam, or in a Default Directory made for a personal account); done with a
 * Free Trial in Contoso; otherwise not yet.
 */
export function worldVerdict(world: World): Verdict {
  return verdictOf(freeTrials(world)).verdict;
}

export interface WalkCheck {
  readonly walk: Walk;
  readonly person: string;
  /** `other-walk`: this world was made for another walk (or for the article as written), so it does not answer for this one. */
  readonly verdict: Verdict | 'other-walk';
  /** Where that person's Free Trial is, when there is one. */
  readonly directory?: string;
}

/**
 * Check my work: whether this world shows what the article says it should, for the walk it was
 * made for (a world made by browsing: the article as written). That walk is done when its
 * person's Free Trial is in Contoso and none of theirs is anywhere else; the other walks do not
 * answer, so that two walks about the same person never answer alike.
 */
export function checkWalks(world: World): WalkCheck[] {
  const answering = world.walk ?? THE_ARTICLE;
  return WALKS.map((walk) => {
    const { person } = WALK_DETAILS[walk];
    if (walk !== answering) return { walk, person, verdict: 'other-walk' };
    const theirs = (accountId: string) => world.account(accountId)?.displayName === person;
    return { walk, person, ...verdictOf(freeTrials(world, theirs)) };
  });
}
