import { csrfSync } from 'csrf-sync';
import type { Request, RequestHandler } from 'express';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const body: unknown = req.body;
    return body && typeof body === 'object' && '_csrf' in body && typeof body._csrf === 'string' ? body._csrf : undefined;
  },
});

/**
 * Refuses a state-changing request whose `_csrf` field does not match the token kept in the
 * service's session (403), and gives every page rendered after it a token for its forms.
 */
export function csrfProtection(): RequestHandler[] {
  return [
    csrfSynchronisedProtection,
    (req, res, next) => {
      res.locals.csrfToken = generateToken(req);
      next();
    },
  ];
}

/** A fresh token after the session changed underneath (regenerated at sign-in). */
export function refreshCsrfToken(req: Request, res: Express.Response & { locals: Express.Locals }): void {
  res.locals.csrfToken = generateToken(req, true);
}
