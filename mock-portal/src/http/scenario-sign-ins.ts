import { LRUCache } from 'lru-cache';
import type { World } from '../world/world.js';

/**
 * Sign-ins a scenario link asked for: the login service signs the browser in as each of these
 * accounts without a password, once each, within a minute. Only a browser acting in that world
 * can use them, and the scenarios page queues them only for a world it has just made for that
 * browser (with the seeded accounts, whose password the Scenarios page shows anyway).
 */
export class ScenarioSignIns {
  readonly #pending = new LRUCache<string, readonly string[]>({ max: 10_000, ttl: 60_000 });

  queue(world: World, accountIds: readonly string[]): void {
    this.#pending.set(world.id, accountIds);
  }

  /** Whether this account's sign-in was queued for this world; if so, it is used up. */
  take(world: World, accountId: string): boolean {
    const queued = this.#pending.get(world.id);
    if (!queued?.includes(accountId)) return false;
    const rest = queued.filter((id) => id !== accountId);
    if (rest.length === 0) this.#pending.delete(world.id);
    else this.#pending.set(world.id, rest);
    return true;
  }
}
