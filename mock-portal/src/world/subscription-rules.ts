import type { AzureRole, AzureSubscription } from './model.js';
import { roleOf } from './roles.js';

/** At most this many co-administrators per subscription, as in classic Azure. */
export const MAX_CO_ADMINISTRATORS = 200;

export type Refusal =
  | 'not-owner'
  | 'not-in-directory'
  | 'already-assigned'
  | 'no-such-assignment'
  | 'last-owner'
  | 'not-account-admin'
  | 'not-service-admin'
  | 'already-co-admin'
  | 'not-co-admin'
  | 'co-admin-limit'
  | 'same-directory'
  | 'co-admin-cannot-move';

export type RuleResult =
  { readonly ok: true; readonly subscription: AzureSubscription } | { readonly ok: false; readonly reason: Refusal };

/** Someone a rule is about: their account id, and whether they are a user (member or guest) of the directory in question. */
export interface Party {
  readonly id: string;
  readonly inDirectory: boolean;
}

const refuse = (reason: Refusal): RuleResult => ({ ok: false, reason });
const allow = (subscription: AzureSubscription): RuleResult => ({ ok: true, subscription });
const isOwner = (subscription: AzureSubscription, accountId: string) => roleOf(subscription, accountId) === 'Owner';
const isClassicAdmin = (subscription: AzureSubscription, accountId: string) =>
  subscription.serviceAdminId === accountId || subscription.coAdministratorIds.includes(accountId);

/** Access control (IAM): only an Owner grants, and only to users (members or guests) of the subscription's directory. */
export function grantRole(
  subscription: AzureSubscription,
  actorId: string,
  principal: Party,
  role: AzureRole,
): RuleResult {
  if (!isOwner(subscription, actorId)) return refuse('not-owner');
  if (!principal.inDirectory) return refuse('not-in-directory');
  if (subscription.roleAssignments.some((a) => a.principalId === principal.id && a.role === role))
    return refuse('already-assigned');
  return allow({
    ...subscription,
    roleAssignments: [...subscription.roleAssignments, { principalId: principal.id, role }],
  });
}

/** Only an Owner removes an assignment, and the last Owner cannot be removed (the subscription would be unmanageable). */
export function revokeRole(
  subscription: AzureSubscription,
  actorId: string,
  principalId: string,
  role: AzureRole,
): RuleResult {
  if (!isOwner(subscription, actorId)) return refuse('not-owner');
  if (!subscription.roleAssignments.some((a) => a.principalId === principalId && a.role === role))
    return refuse('no-such-assignment');
  const remaining = subscription.roleAssignments.filter((a) => !(a.principalId === principalId && a.role === role));
  if (role === 'Owner' && !remaining.some((a) => a.role === 'Owner')) return refuse('last-owner');
  return allow({ ...subscription, roleAssignments: remaining });
}

/** The Account Administrator (billing owner) alone changes the Service Administrator, to a user of the directory. */
export function changeServiceAdmin(subscription: AzureSubscription, actorId: string, next: Party): RuleResult {
  if (subscription.accountAdminId !== actorId) return refuse('not-account-admin');
  if (!next.inDirectory) return refuse('not-in-directory');
  return allow({ ...subscription, serviceAdminId: next.id });
}

/** The Service Administrator and co-administrators add co-administrators: users of the directory, at most 200. */
export function addCoAdministrator(subscription: AzureSubscription, actorId: string, user: Party): RuleResult {
  if (!isClassicAdmin(subscription, actorId)) return refuse('not-service-admin');
  if (!user.inDirectory) return refuse('not-in-directory');
  if (subscription.coAdministratorIds.includes(user.id) || subscription.serviceAdminId === user.id)
    return refuse('already-co-admin');
  if (subscription.coAdministratorIds.length >= MAX_CO_ADMINISTRATORS) return refuse('co-admin-limit');
  return allow({ ...subscription, coAdministratorIds: [...subscription.coAdministratorIds, user.id] });
}

export function removeCoAdministrator(subscription: AzureSubscription, actorId: string, userId: string): RuleResult {
  if (!isClassicAdmin(subscription, actorId)) return refuse('not-service-admin');
  if (!subscription.coAdministratorIds.includes(userId)) return refuse('not-co-admin');
  return allow({ ...subscription, coAdministratorIds: subscription.coAdministratorIds.filter((id) => id !== userId) });
}

/**
 * Change directory: an Owner who is a user of the target directory moves the subscription there.
 * Every role assignment and co-administrator goes with the move, except the mover's own access;
 * billing ownership (the Account Administrator) stays, and the Service Administrator becomes the
 * mover unless it was already. A co-administrator who is not an Owner cannot move it.
 */
export function changeDirectory(
  subscription: AzureSubscription,
  actorId: string,
  target: { readonly id: string; readonly actorIsUser: boolean },
): RuleResult {
  if (!isOwner(subscription, actorId))
    return refuse(subscription.coAdministratorIds.includes(actorId) ? 'co-admin-cannot-move' : 'not-owner');
  if (!target.actorIsUser) return refuse('not-in-directory');
  if (target.id === subscription.directoryId) return refuse('same-directory');
  return allow({
    ...subscription,
    directoryId: target.id,
    roleAssignments: subscription.roleAssignments.filter((a) => a.principalId === actorId),
    coAdministratorIds: subscription.coAdministratorIds.filter((id) => id === actorId),
    serviceAdminId: actorId,
  });
}
