/** A remembered account as the first page needs it: whether it is signed in, and how. */
export interface Tile {
  readonly accountId: string;
  readonly signedIn: boolean;
  readonly staySignedIn: boolean;
}

export interface Arrival {
  /** What the relying party asked: pick an account, sign in again, or neither. */
  readonly prompt: 'select_account' | 'login' | 'none';
  /** The `login_hint`, as typed (empty without one). */
  readonly hint: string;
  /** The one account the hint names in this world; undefined when it names none, or two (work and personal). */
  readonly hintedAccountId: string | undefined;
  /** Whether a scenario link queued a password-less sign-in for that account (taken by asking). */
  readonly queued: boolean;
  /** This browser's remembered accounts in this world, most recent first. */
  readonly tiles: readonly Tile[];
}

export type FirstPage =
  | { readonly show: 'nothing'; readonly accountId: string; readonly staySignedIn: boolean }
  | { readonly show: 'pick-account' }
  | { readonly show: 'username'; readonly prefill: string }
  | { readonly show: 'password'; readonly accountId: string };

/**
 * Where a sign-in starts, in one place. A sign-in a scenario link queued for the hinted account:
 * signed in with no page. `prompt=select_account`: Pick an account. `prompt=login`: the user name,
 * then always the password. A hint naming one account: signed in again if that account is, its
 * password otherwise; a hint naming none or two: the user name, filled in. One account remembered
 * and signed in: signed in again with no page at all (how the wrong account slips through,
 * pitfall 3). Several: Pick an account. None: the user name.
 */
export function firstPage({ prompt, hint, hintedAccountId, queued, tiles }: Arrival): FirstPage {
  if (hintedAccountId !== undefined && queued)
    return { show: 'nothing', accountId: hintedAccountId, staySignedIn: false };
  if (prompt === 'select_account') return { show: 'pick-account' };
  if (prompt === 'login') return { show: 'username', prefill: hint };
  if (hint) {
    if (hintedAccountId === undefined) return { show: 'username', prefill: hint };
    const tile = tiles.find((entry) => entry.accountId === hintedAccountId && entry.signedIn);
    return tile
      ? { show: 'nothing', accountId: tile.accountId, staySignedIn: tile.staySignedIn }
      : { show: 'password', accountId: hintedAccountId };
  }
  const [first] = tiles;
  if (tiles.length === 1 && first?.signedIn)
    return { show: 'nothing', accountId: first.accountId, staySignedIn: first.staySignedIn };
  return tiles.length > 0 ? { show: 'pick-account' } : { show: 'username', prefill: '' };
}
