import type { Response } from 'express';
import { OFFERS, type Directory } from '../../world/model.js';
import { authorizationSourceOf } from '../../world/api-access.js';
import type { VisibleSubscription } from '../../world/world.js';

/** An error as Resource Manager words it: `{ error: { code, message } }`. */
export function armError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** A list as Resource Manager pages it; the mock's lists fit in one page. */
export const page = <T>(value: readonly T[]) => ({ value, nextLink: null });

export function tenantJson(directory: Directory) {
  return {
    id: `/tenants/${directory.id}`,
    tenantId: directory.id,
    countryCode: 'US',
    displayName: directory.name,
    domains: [directory.initialDomain, ...directory.verifiedDomains],
    tenantCategory: 'Home',
    defaultDomain: directory.verifiedDomains[0] ?? directory.initialDomain,
    tenantType: 'AAD',
  };
}

export function subscriptionJson({ subscription, myRole }: VisibleSubscription) {
  const offer = OFFERS[subscription.offerId];
  return {
    id: `/subscriptions/${subscription.id}`,
    authorizationSource: authorizationSourceOf(myRole),
    managedByTenants: [],
    subscriptionId: subscription.id,
    tenantId: subscription.directoryId,
    displayName: offer.name,
    state: 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: subscription.offerId === 'MS-AZR-0044P' ? 'FreeTrial_2014-09-01' : 'PayAsYouGo_2014-09-01',
      spendingLimit: offer.creditUsd > 0 ? 'On' : 'Off',
    },
  };
}

/** A few of Azure's regions, as `/subscriptions/{id}/locations` lists them. */
const LOCATIONS = [
  ['eastus', 'East US', 'US', '-79.8164', '37.3719'],
  ['westeurope', 'West Europe', 'Europe', '4.9', '52.3667'],
  ['eastasia', 'East Asia', 'Asia Pacific', '114.188', '22.267'],
  ['japaneast', 'Japan East', 'Asia Pacific', '139.77', '35.68'],
] as const;

export function locationsJson(subscriptionId: string) {
  return LOCATIONS.map(([name, displayName, geography, longitude, latitude]) => ({
    id: `/subscriptions/${subscriptionId}/locations/${name}`,
    name,
    type: 'Region',
    displayName,
    regionalDisplayName: `(${geography}) ${displayName}`,
    metadata: { regionType: 'Physical', regionCategory: 'Recommended', geography, longitude, latitude },
  }));
}
