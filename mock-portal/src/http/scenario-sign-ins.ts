import type { World } from '../world/world.js';

/** How long a scenario link's sign-ins wait to be used. */
const QUEUED_FOR_MS = 60_000;

/**
 * Sign-ins a scenario link asked for: the login service signs the browser in as each of these
 * accounts without a password, once each, within a minute. Only a browser acting in that world
 * can use them, and the scenarios page queues them only for a world it has just made for that
 * browser (with the seeded accounts, whose password the Scenarios page shows anyway). They are
 * kept in the world, so that any process serving it finds them.
 */
export class ScenarioSignIns {
  queue(world: World, accountIds: readonly string[]): void {
    world.queueSignIns(accountIds, Date.now() + QUEUED_FOR_MS);
  }

  /** Whether this account's sign-in was queued for this world; if so, it is used up. */
  take(world: World, accountId: string): boolean {
    return world.takeQueuedSignIn(accountId, Date.now());
  }
}
