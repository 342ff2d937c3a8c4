import { csrfSync } from 'csrf-sync';
import type { Request, RequestHandler } from 'express';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  // 32 random bytes (256 bits, hex): the default, 128 bytes, is 256 characters in every session
  // and every form, which express-session hashes twice a request.
  size: 32,
  getTokenFromRequest: (req: Request) => {
    const body: unknown = req.body;
    return body && typeof body === 'object' && '_csrf' in body && typeof body._csrf === 'string'
      ? body._csrf
      : undefined;
  },
});

/** Refuses a state-changing request whose `_csrf` field does not match the token in the service's session (403). */
export const csrfCheck: RequestHandler = csrfSynchronisedProtection;

/**
 * Gives every page rendered after it a token for its forms. Generating one writes it into the
 * session, so behind a sign-in guard it goes after the guard: a browser that is only passing
 * through on its way to sign in must not leave a session behind (npm run bench, ratio 4).
 */
export const issueCsrfToken: RequestHandler = (req, res, next) => {
  res.locals.csrfToken = generateToken(req);
  next();
};

/** Both: the check, then a token for the page. */
export function csrfProtection(): RequestHandler[] {
  return [csrfCheck, issueCsrfToken];
}
