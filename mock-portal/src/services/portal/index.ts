import express, { type Router } from 'express';
import { csrfCheck, issueCsrfToken } from '../../http/csrf.js';
import { startAgainAt } from '../../http/errors.js';
import { noStore } from '../../http/security.js';
import { serviceSession, type SessionStoreFor } from '../../http/sessions.js';
import type { RelyingParty } from '../relying-party/index.js';
import { accessControlRoutes } from './access-control.js';
import { administratorRoutes } from './administrators.js';
import { changeDirectoryRoutes } from './change-directory.js';
import { describePortalSession, portalContext } from './context.js';
import { directoryRoutes } from './directories.js';
import { subscriptionRouter } from './subscription-tab.js';
import { subscriptionListRoutes, subscriptionOverviewRoutes } from './subscriptions.js';

/** portal.azure.com under /portal: directories, subscriptions and what can be done with them. */
export function portalService(
  relyingParty: RelyingParty,
  options: { secret: string; secureCookies: boolean; sessionStore?: SessionStoreFor | undefined },
): Router {
  const router = express.Router();
  router.use(startAgainAt('/portal/subscriptions'));
  router.use(
    serviceSession({
      name: 'portal.sid',
      path: '/portal',
      secret: options.secret,
      secure: options.secureCookies,
      store: options.sessionStore,
    }),
  );
  router.use(relyingParty.routes(describePortalSession));
  router.use(
    noStore,
    express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 }),
    csrfCheck,
    relyingParty.requireSignIn(),
    issueCsrfToken,
    portalContext,
    (req, _res, next) => {
      req.world.portalOpened();
      next();
    },
  );

  router.get('/', (_req, res) => {
    res.redirect(303, '/portal/subscriptions');
  });
  const subscription = subscriptionRouter();
  subscriptionOverviewRoutes(subscription);
  accessControlRoutes(subscription);
  administratorRoutes(subscription);
  changeDirectoryRoutes(subscription);
  router.use(subscriptionListRoutes(), directoryRoutes());
  router.use('/subscriptions/:id', subscription);
  return router;
}
