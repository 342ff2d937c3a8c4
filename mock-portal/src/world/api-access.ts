import type { TokenIdentity } from './model.js';
import type { Access } from './roles.js';
import type { VisibleSubscription, World } from './world.js';

/**
 * What Azure's APIs answer a signed-in caller, from the portal's own rules: a token is for one
 * tenant (`tid`), and shows the subscriptions of that tenant the account may see in the portal
 * (a role at the subscription, or a classic administrator); a subscription of another tenant
 * needs a token of that tenant.
 */
export type SubscriptionLookup =
  | { readonly kind: 'visible'; readonly visible: VisibleSubscription }
  | { readonly kind: 'not-found' }
  /** It exists, in another directory than the token's: ask again with a token of that tenant. */
  | { readonly kind: 'other-tenant' }
  /** It is in the token's directory, and this account holds no role at it. */
  | { readonly kind: 'no-access' };

/** The subscriptions a token of this tenant lists: those of its directory this account may see. */
export function subscriptionsFor(world: World, token: TokenIdentity): VisibleSubscription[] {
  return world.subscriptionsVisibleTo(token.accountId, token.tenantId);
}

export function subscriptionFor(world: World, token: TokenIdentity, subscriptionId: string): SubscriptionLookup {
  const subscription = world.subscription(subscriptionId);
  if (!subscription) return { kind: 'not-found' };
  if (subscription.directoryId !== token.tenantId) return { kind: 'other-tenant' };
  const visible = world.visibleSubscription(token.accountId, subscriptionId);
  return visible ? { kind: 'visible', visible } : { kind: 'no-access' };
}

/**
 * How Resource Manager says the caller came to see a subscription: through a role (RBAC), as a
 * classic administrator (service or co-administrator), or both.
 */
export function authorizationSourceOf(access: Access): 'RoleBased' | 'Legacy' {
  return access === 'ServiceAdmin' || access === 'CoAdministrator' ? 'Legacy' : 'RoleBased';
}
