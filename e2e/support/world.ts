import type { APIRequestContext } from '@playwright/test';
import { FREE_TRIAL_OFFER } from '../../mock-portal/src/world/model.js';
import type { World } from '../../mock-portal/src/world/world.js';
import { TEST_API } from '../../mock-portal/src/contract.js';

/** What the test-only API returns: the world model's own snapshot, as JSON. */
export type WorldState = ReturnType<World['snapshot']>;

/** Where a subscription is, in words a failure message can show: "Free Trial of alice@contoso.com in Contoso". */
export interface Placement {
  subscriptionId: string;
  offerId: string;
  directory: string;
  accountAdmin: string;
  owners: string[];
}

/** A test's own world on the server, read through the test-only API. */
export class TestWorld {
  constructor(
    private readonly request: APIRequestContext,
    readonly id: string,
    /** The subscriptions the world was arranged with, in the order the spec named them. */
    readonly arrangedSubscriptionIds: readonly string[] = [],
  ) {}

  async state(): Promise<WorldState> {
    const response = await this.request.get(`${TEST_API}/worlds/${this.id}`);
    if (!response.ok()) throw new Error(`the test-only API answered ${response.status()} for world ${this.id}`);
    return (await response.json()) as WorldState;
  }

  /** Every Azure subscription, described by names rather than ids. */
  async placements(): Promise<Placement[]> {
    const state = await this.state();
    const directory = (id: string) => state.directories.find((d) => d.id === id)?.name ?? `(missing ${id})`;
    const account = (id: string) => state.accounts.find((a) => a.id === id)?.signInName ?? `(missing ${id})`;
    return state.subscriptions.map((s) => ({
      subscriptionId: s.id,
      offerId: s.offerId,
      directory: directory(s.directoryId),
      accountAdmin: account(s.accountAdminId),
      owners: s.roleAssignments.filter((r) => r.role === 'Owner').map((r) => account(r.principalId)),
    }));
  }

  /** The Free Trial subscriptions only (the seed has Dave's Pay-As-You-Go too). */
  async freeTrials(): Promise<Placement[]> {
    return (await this.placements()).filter((p) => p.offerId === FREE_TRIAL_OFFER);
  }
}
