/**
 * The world of the mock: directories (Azure AD tenants), accounts, and the two kinds of
 * subscription the article contrasts. Plain data, no Express: services read and change it only
 * through `World`.
 */

/** The `tid` every personal Microsoft account carries, as in the real service. */
export const PERSONAL_ACCOUNT_TENANT_ID = '9188040d-6c67-4c5b-b112-36a304b66dad';

export type AccountKind = 'work' | 'personal';
export type DirectoryRole = 'Global administrator';
export type AzureRole = 'Owner' | 'Contributor' | 'Reader';

/** Owned by the directory itself; users with a directory role manage it. */
export interface Office365Subscription {
  readonly name: string;
  readonly licences: number;
}

export interface Directory {
  readonly id: string;
  readonly name: string;
  readonly initialDomain: string;
  readonly verifiedDomains: readonly string[];
  /** False for a directory created by self-service sign-up that no admin has taken over. */
  readonly managed: boolean;
  readonly office365Subscriptions: readonly Office365Subscription[];
  /** Set on the "Default Directory" made for a personal account at its first sign-up. */
  readonly createdForAccountId?: string;
}

export interface Account {
  /** The object id (`oid`); unique across every world, so it also finds the account's world. */
  readonly id: string;
  /** Lower-case e-mail address used to sign in. A work and a personal account may share one. */
  readonly signInName: string;
  readonly kind: AccountKind;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  /** A personal account has no directory until its first sign-up makes its Default Directory. */
  homeDirectoryId: string | undefined;
  readonly guestOfDirectoryIds: readonly string[];
  readonly directoryRoles: readonly { readonly directoryId: string; readonly role: DirectoryRole }[];
  readonly password: string;
  readonly locked: boolean;
}

export interface RoleAssignment {
  readonly principalId: string;
  readonly role: AzureRole;
}

/** Owned by one user (its Account Administrator) and placed in one directory. */
export interface AzureSubscription {
  readonly id: string;
  readonly offerId: OfferId;
  readonly directoryId: string;
  readonly accountAdminId: string;
  readonly serviceAdminId: string;
  readonly coAdministratorIds: readonly string[];
  readonly roleAssignments: readonly RoleAssignment[];
  readonly createdAt: string;
  /** What the sign-up form collected; absent on seeded subscriptions. */
  readonly billingContact?: SignUpProfile;
  /** The `tid` of the ID token it was signed up with: why it was placed where it was. */
  readonly signUpTenantId?: string;
}

export const OFFERS = {
  'MS-AZR-0044P': { name: 'Free Trial', creditUsd: 200, trialDays: 30 },
  'MS-AZR-0003P': { name: 'Pay-As-You-Go', creditUsd: 0, trialDays: 0 },
} as const;
export type OfferId = keyof typeof OFFERS;
export const FREE_TRIAL_OFFER: OfferId = 'MS-AZR-0044P';

/** Who signed in, as the ID token says: `tid` and `oid`. Nothing a browser posts goes in here. */
export interface TokenIdentity {
  readonly tenantId: string;
  readonly accountId: string;
}

export interface SignUpProfile {
  readonly country: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly workPhone: string;
  readonly organization: string;
}
