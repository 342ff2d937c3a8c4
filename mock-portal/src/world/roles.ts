import type { AzureRole, AzureSubscription } from './model.js';

const STRENGTH: Record<AzureRole, number> = { Owner: 3, Contributor: 2, Reader: 1 };

/** The strongest role an account holds on a subscription, or undefined when it has none. */
export function roleOf(subscription: AzureSubscription, accountId: string): AzureRole | undefined {
  let best: AzureRole | undefined;
  for (const assignment of subscription.roleAssignments) {
    if (assignment.principalId !== accountId) continue;
    if (!best || STRENGTH[assignment.role] > STRENGTH[best]) best = assignment.role;
  }
  return best;
}

/** What the portal's "My role" says: the strongest role, else a classic administrator's title. */
export type Access = AzureRole | 'ServiceAdmin' | 'CoAdministrator';

/** How an account may see a subscription, or undefined when it may not see it at all. */
export function accessOf(subscription: AzureSubscription, accountId: string): Access | undefined {
  const role = roleOf(subscription, accountId);
  if (role) return role;
  if (subscription.serviceAdminId === accountId) return 'ServiceAdmin';
  if (subscription.coAdministratorIds.includes(accountId)) return 'CoAdministrator';
  return undefined;
}
