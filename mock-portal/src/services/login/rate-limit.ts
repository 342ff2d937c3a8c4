import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { LimitStoreFor } from '../../http/sessions.js';
import { typedSignInName } from '../../world/sign-in-name.js';

/** Sign-in attempts (user names and passwords) allowed per account, per address, per minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 30;

/**
 * Slows a burst of sign-in attempts. Keyed on the address *and* the account being tried (in its
 * world): hammering one account from one address is refused with 429, while every other account
 * from that address goes on working, which matters because parallel tests all come from
 * 127.0.0.1. The account lockout (ten wrong passwords) still applies underneath.
 */
export function signInAttemptLimit(stores?: LimitStoreFor): RequestHandler {
  return rateLimit({
    ...(stores ? { store: stores('sign-in') } : {}),
    windowMs: 60_000,
    limit: SIGN_IN_ATTEMPTS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const typed = typedSignInName(body?.username).toLowerCase();
      return `${ipKeyGenerator(req.ip ?? '')}|${req.world.id}|${req.session.loginFlow?.accountId ?? typed}`;
    },
    handler: (_req, _res, next) => {
      next(Object.assign(new Error('too many sign-in attempts'), { status: 429 }));
    },
  });
}

/** Codes typed on the device sign-in page allowed per address, per world, per minute. */
export const DEVICE_CODE_ATTEMPTS_PER_MINUTE = 30;

/**
 * Slows guessing of device codes (nine letters of twenty: guessing one at this pace would take
 * thousands of years): past the limit, the address is refused with 429 for the rest of the minute.
 */
export function deviceCodeAttemptLimit(stores?: LimitStoreFor): RequestHandler {
  return rateLimit({
    ...(stores ? { store: stores('device-code') } : {}),
    windowMs: 60_000,
    limit: DEVICE_CODE_ATTEMPTS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${req.world.id}`,
    handler: (_req, _res, next) => {
      next(Object.assign(new Error('too many device codes tried'), { status: 429 }));
    },
  });
}
