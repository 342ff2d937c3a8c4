import { PERSONAL_ACCOUNT_TENANT_ID, type Account, type Directory } from './model.js';

/**
 * Where a new subscription lands. The directory is the one the ID token's `tid` names; the account
 * must be a member of it. A personal account's token carries the consumer tenant instead, and its
 * subscription lands in that account's own Default Directory, made at its first sign-up.
 */
export type Placement =
  | { readonly kind: 'directory'; readonly directory: Directory }
  | { readonly kind: 'new-default-directory' }
  | { readonly kind: 'refused'; readonly reason: 'tenant-mismatch' };

/** The `tid` an account's ID token carries: its home directory, or the consumer tenant for a personal account. */
export function tenantIdOf(account: Account): string | undefined {
  return account.kind === 'personal' ? PERSONAL_ACCOUNT_TENANT_ID : account.homeDirectoryId;
}

export function placementFor(
  tenantId: string,
  account: Account,
  directoryById: (id: string) => Directory | undefined,
): Placement {
  if (account.kind === 'personal') {
    if (tenantId !== PERSONAL_ACCOUNT_TENANT_ID) return { kind: 'refused', reason: 'tenant-mismatch' };
    const own = account.homeDirectoryId === undefined ? undefined : directoryById(account.homeDirectoryId);
    return own ? { kind: 'directory', directory: own } : { kind: 'new-default-directory' };
  }
  const directory = directoryById(tenantId);
  if (!directory || account.homeDirectoryId !== directory.id) return { kind: 'refused', reason: 'tenant-mismatch' };
  return { kind: 'directory', directory };
}

/**
 * The initial domain of a personal account's Default Directory, as Azure made it in 2017:
 * the address's local part and domain name without its top-level label, letters and digits only
 * (carol@contoso.com gives carolcontoso.onmicrosoft.com). A number is added when it is taken.
 */
export function defaultDirectoryDomain(signInName: string, isTaken: (domain: string) => boolean): string {
  const [local = '', domain = ''] = signInName.toLowerCase().split('@');
  const labels = domain.split('.');
  const stem = (local + labels.slice(0, Math.max(1, labels.length - 1)).join('')).replace(/[^a-z0-9]/g, '') || 'user';
  let candidate = `${stem}.onmicrosoft.com`;
  for (let n = 2; isTaken(candidate); n += 1) candidate = `${stem}${n}.onmicrosoft.com`;
  return candidate;
}
