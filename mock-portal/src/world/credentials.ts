import { createHash, timingSafeEqual } from 'node:crypto';
import { afterWrongPassword, isLockedOut, NO_FAILURES, type FailedSignIns } from './lockout.js';
import type { Account } from './model.js';

/**
 * Passwords and lockout: what the login service asks of a world before anything else. Kept apart
 * from directories and subscriptions, which never depend on how someone proved who they are.
 */
export class Credentials {
  readonly #failedSignIns: Map<string, FailedSignIns>;

  /**
   * @param changed told when a count changes, so that another process sees the same lockout
   * @param failed the counts another process kept (a world brought over from it)
   */
  constructor(
    private readonly accountById: (id: string) => Account | undefined,
    private readonly changed: () => void = () => {},
    failed: Iterable<readonly [string, FailedSignIns]> = [],
  ) {
    this.#failedSignIns = new Map(failed);
  }

  /** Every account's wrong passwords still counting, to carry the lockouts to another process. */
  failedSignIns(): [string, FailedSignIns][] {
    return [...this.#failedSignIns.entries()];
  }

  /**
   * Checks a password the way the login service must: a locked account (seeded so, or locked out
   * by wrong passwords) is refused whatever is typed, and every wrong password counts toward the
   * lockout. The right password clears the count.
   */
  check(accountId: string, password: string, now: number = Date.now()): 'ok' | 'wrong' | 'locked' {
    const account = this.accountById(accountId);
    if (!account) return 'wrong';
    const failures = this.#failedSignIns.get(accountId) ?? NO_FAILURES;
    if (account.locked || isLockedOut(failures, now)) return 'locked';
    const digest = (text: string) => createHash('sha256').update(text).digest();
    if (timingSafeEqual(digest(account.password), digest(password))) {
      if (this.#failedSignIns.delete(accountId)) this.changed();
      return 'ok';
    }
    this.#failedSignIns.set(accountId, afterWrongPassword(failures, now));
    this.changed();
    return 'wrong';
  }
}
