import type { Account, Directory } from './model.js';

export interface Membership {
  readonly directory: Directory;
  readonly membership: 'member' | 'guest';
}

/** Whether an account is a user (member or guest) of a directory. */
export function isUserOf(account: Account, directoryId: string): boolean {
  return account.homeDirectoryId === directoryId || account.guestOfDirectoryIds.includes(directoryId);
}

/** The directories an account can switch to: its home directory first, then those it is a guest of. */
export function membershipsOf(account: Account, directoryById: (id: string) => Directory | undefined): Membership[] {
  const home = account.homeDirectoryId === undefined ? undefined : directoryById(account.homeDirectoryId);
  const guestOf = account.guestOfDirectoryIds
    .map(directoryById)
    .filter((directory): directory is Directory => directory !== undefined);
  return [
    ...(home ? [{ directory: home, membership: 'member' as const }] : []),
    ...guestOf.map((directory) => ({ directory, membership: 'guest' as const })),
  ];
}

/** Members and guests of a directory, for pickers: members first, then guests, each by address. */
export function usersOf(
  accounts: Iterable<Account>,
  directoryId: string,
): { account: Account; membership: 'member' | 'guest' }[] {
  const users = [...accounts]
    .filter((account) => isUserOf(account, directoryId))
    .map((account) => ({ account, membership: account.homeDirectoryId === directoryId ? 'member' : 'guest' }) as const);
  const rank = (membership: 'member' | 'guest') => (membership === 'member' ? 0 : 1);
  return users.sort(
    (a, b) => rank(a.membership) - rank(b.membership) || a.account.signInName.localeCompare(b.account.signInName),
  );
}
