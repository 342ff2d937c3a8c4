import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** The cookie that names this browser's list of remembered accounts at the login service. */
export const REMEMBERED_COOKIE = 'login.accounts';
export const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

export interface RememberedAccount {
  readonly accountId: string;
  /** False once the account signed out here: its tile stays, but picking it asks for the password. */
  readonly signedIn: boolean;
  /** The answer to "Stay signed in?": Yes makes the list outlive the browser session. */
  readonly staySignedIn: boolean;
}

/**
 * Every process's lists, when several serve the login service: read before a request uses one,
 * told every change (and written before that request's answer leaves).
 */
export interface SharedRememberedAccounts {
  read(browserId: string): Promise<readonly RememberedAccount[] | undefined>;
  write(browserId: string, list: readonly RememberedAccount[]): void;
}

/**
 * The accounts a browser has signed in with, most recent first: the tiles of "Pick an account".
 * oidc-provider keeps one end-user per session, so the list is the login service's own, keyed by
 * a random id in an HttpOnly cookie that both the sign-in pages and the provider's policy read.
 */
export class RememberedAccounts {
  readonly #lists = new LRUCache<string, readonly RememberedAccount[]>({ max: 50_000, ttl: NINETY_DAYS_MS });
  readonly #shared: SharedRememberedAccounts | undefined;

  /** `shared`: where other processes keep the lists too (Redis); this process's are then copies. */
  constructor(shared?: SharedRememberedAccounts) {
    this.#shared = shared;
  }

  /** Brings the newest copy of this browser's list here, before a request reads it. */
  async load(browserId: string | undefined): Promise<void> {
    if (!this.#shared || !browserId || browserId.length > 64) return;
    const list = await this.#shared.read(browserId);
    if (list) this.#lists.set(browserId, list);
    else this.#lists.delete(browserId);
  }

  list(browserId: string | undefined): readonly RememberedAccount[] {
    return browserId ? (this.#lists.get(browserId) ?? []) : [];
  }

  /** Puts the account first, signed in; returns the browser id to keep in the cookie. */
  remember(browserId: string | undefined, accountId: string, staySignedIn: boolean): string {
    const id = browserId && this.#lists.has(browserId) ? browserId : randomBytes(18).toString('base64url');
    const others = this.list(id).filter((entry) => entry.accountId !== accountId);
    this.#put(id, [{ accountId, signedIn: true, staySignedIn }, ...others].slice(0, 10));
    return id;
  }

  signOut(browserId: string | undefined, accountId: string): void {
    if (!browserId) return;
    const list = this.list(browserId);
    if (list.length > 0)
      this.#put(
        browserId,
        list.map((entry) => (entry.accountId === accountId ? { ...entry, signedIn: false } : entry)),
      );
  }

  /** Takes the account off this browser's list: its tile goes from Pick an account. */
  forget(browserId: string | undefined, accountId: string): void {
    if (!browserId) return;
    const list = this.list(browserId);
    if (list.some((entry) => entry.accountId === accountId))
      this.#put(
        browserId,
        list.filter((entry) => entry.accountId !== accountId),
      );
  }

  #put(browserId: string, list: readonly RememberedAccount[]): void {
    this.#lists.set(browserId, list);
    this.#shared?.write(browserId, list);
  }

  /** Whether the cookie should outlive the browser session: only if some account said Yes. */
  persistent(browserId: string): boolean {
    return this.list(browserId).some((entry) => entry.staySignedIn && entry.signedIn);
  }

  static cookieOptions(persistent: boolean) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/login',
      ...(persistent ? { maxAge: NINETY_DAYS_MS } : {}),
    };
  }
}
