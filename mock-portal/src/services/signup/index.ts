import express, { type Router } from 'express';
import { startAgainAt } from '../../http/errors.js';
import { serviceSession, type SessionStoreFor } from '../../http/sessions.js';
import type { RelyingParty } from '../relying-party/index.js';
import { describeSignupSession } from './draft.js';
import { signupRoutes } from './routes.js';
import { termsRoutes } from './terms.js';

/** signup.azure.com under /signup: its own session cookie, its sign-in callback, then the form. */
export function signupService(
  relyingParty: RelyingParty,
  options: { secret: string; secureCookies: boolean; sessionStore?: SessionStoreFor | undefined },
): Router {
  const router = express.Router();
  router.use(startAgainAt('/signup/'));
  router.use(termsRoutes());
  router.use(
    serviceSession({
      name: 'signup.sid',
      path: '/signup',
      secret: options.secret,
      secure: options.secureCookies,
      store: options.sessionStore,
    }),
  );
  router.use(relyingParty.routes(describeSignupSession));
  router.use(signupRoutes(relyingParty));
  return router;
}
