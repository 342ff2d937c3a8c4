import type { Account, AzureSubscription, Directory } from './model.js';

export type Ineligibility = 'account-type-not-supported' | 'free-trial-used';

/**
 * Why this account may not take a free trial, or undefined when it may. An account of an
 * unmanaged (self-service) directory is not supported; the trial is offered once per person, so
 * anyone who already owns an Azure subscription as its Account Administrator is refused.
 */
export function freeTrialIneligibility(
  account: Account,
  homeDirectory: Directory | undefined,
  subscriptions: Iterable<AzureSubscription>,
): Ineligibility | undefined {
  if (account.kind === 'work' && (!homeDirectory || !homeDirectory.managed)) return 'account-type-not-supported';
  for (const subscription of subscriptions) {
    if (subscription.accountAdminId === account.id) return 'free-trial-used';
  }
  return undefined;
}
