import express, { type Router } from 'express';
import { serviceSession } from '../../http/sessions.js';
import type { RelyingParty } from '../relying-party.js';
import { signupRoutes } from './routes.js';

/** signup.azure.com under /signup: its own session cookie, its sign-in callback, then the form. */
export function signupService(relyingParty: RelyingParty, options: { secret: string; secureCookies: boolean }): Router {
  const router = express.Router();
  router.use(
    serviceSession({ name: 'signup.sid', path: '/signup', secret: options.secret, secure: options.secureCookies }),
  );
  router.use(relyingParty.routes());
  router.use(signupRoutes(relyingParty));
  return router;
}
