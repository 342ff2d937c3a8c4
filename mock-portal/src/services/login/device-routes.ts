import express, { type RequestHandler, type Router } from 'express';
import type Provider from 'oidc-provider';
import { cookieOf } from '../../http/cookies.js';
import { renderPage } from '../../http/render.js';
import { applicationName } from './applications.js';
import { deviceCodeAttemptLimit } from './rate-limit.js';
import type { LimitStoreFor } from '../../http/sessions.js';

/** The query of "Enter code" shown again because the browser's form had lost its sign-in session. */
export const ENTER_AGAIN = 'again';

/** How a device sign-in ended, as the browser was told. */
export type DeviceOutcome = 'signed-in' | 'cancelled';

/** Where the browser reads how its device sign-in ended: an address of its own, which may be reloaded (in another language). */
export const deviceOutcomePath = (outcome: DeviceOutcome, clientId: string) =>
  `/login/devicelogin/${outcome}/${encodeURIComponent(clientId)}`;

/**
 * The device sign-in's pages (microsoft.com/devicelogin): "Enter code", and back after signing in.
 * A code in the address is not taken: Microsoft's page asks for it. A code posted without a live
 * sign-in session (no cookie, or the service restarted since the page was drawn), or a return from
 * the sign-in pages without one, goes back to an empty "Enter code" that says why.
 * The last page, signed in or cancelled, has an address of its own: reloading the sign-in's would
 * resume a sign-in already over.
 */
export function deviceLoginRoutes(provider: Provider, callback: RequestHandler, limitStores?: LimitStoreFor): Router {
  const router = express.Router();
  router.get('/devicelogin', (req, res, next) => {
    req.url = ENTER_AGAIN in req.query ? `/devicelogin?${ENTER_AGAIN}` : '/devicelogin';
    return callback(req, res, next);
  });
  // The provider cannot answer either without the sign-in session the code page began (it would
  // have no form to check a code by, and no sign-in to resume).
  const withSession: RequestHandler = async (req, res, next) => {
    const id = cookieOf(req, provider.cookieName('session'));
    const session = typeof id === 'string' && id.length <= 64 ? await provider.Session.find(id) : undefined;
    if (!session) return res.redirect(303, `/login/devicelogin?${ENTER_AGAIN}`);
    return callback(req, res, next);
  };
  router.post('/devicelogin', deviceCodeAttemptLimit(limitStores), withSession);
  router.get('/devicelogin/:uid', withSession);
  for (const outcome of ['signed-in', 'cancelled'] as const)
    router.get(`/devicelogin/${outcome}/:clientId`, async (req, res, next) => {
      const app = await applicationName(provider, req.params.clientId);
      if (!app) return next();
      await renderPage(res, 'login/views/device-done', {
        site: 'login',
        title: res.locals.t('login.title'),
        app,
        declined: outcome === 'cancelled',
      });
    });
  return router;
}
