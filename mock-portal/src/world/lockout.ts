/**
 * Smart-lockout as Azure AD documents its defaults: ten wrong passwords in a row lock the account
 * for a minute. Counted per account (in its own world), never per address, so that parallel tests
 * from one machine never lock each other out.
 */
export const LOCKOUT_THRESHOLD = 10;
export const LOCKOUT_DURATION_MS = 60_000;

export interface FailedSignIns {
  readonly count: number;
  readonly lockedUntil: number;
}

export const NO_FAILURES: FailedSignIns = { count: 0, lockedUntil: 0 };

export function isLockedOut(state: FailedSignIns, now: number): boolean {
  return state.lockedUntil > now;
}

/** One more wrong password: the threshold-th locks the account and starts counting again. */
export function afterWrongPassword(state: FailedSignIns, now: number): FailedSignIns {
  const count = (isLockedOut(state, now) ? 0 : state.count) + 1;
  return count >= LOCKOUT_THRESHOLD
    ? { count: 0, lockedUntil: now + LOCKOUT_DURATION_MS }
    : { count, lockedUntil: state.lockedUntil };
}
