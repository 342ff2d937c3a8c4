import express, { type Router } from 'express';
import { csrfProtection } from '../../http/csrf.js';
import { renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import { serviceSession } from '../../http/sessions.js';
import type { RelyingParty } from '../relying-party.js';

/** portal.azure.com under /portal: the Subscriptions blade of the signed-in account's directory. */
export function portalService(relyingParty: RelyingParty, options: { secret: string; secureCookies: boolean }): Router {
  const router = express.Router();
  router.use(serviceSession({ name: 'portal.sid', path: '/portal', secret: options.secret, secure: options.secureCookies }));
  router.use(relyingParty.routes());
  router.use(noStore, express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 }), ...csrfProtection(), relyingParty.requireSignIn());

  router.get('/', (_req, res) => {
    res.redirect(303, '/portal/subscriptions');
  });

  router.get('/subscriptions', async (req, res) => {
    const { account, world } = req.user;
    const directory = world.homeDirectoryOf(account);
    const rows = directory ? world.subscriptionsVisibleTo(account.id, directory.id) : [];
    const { t } = res.locals;
    await renderPage(res, 'portal/views/subscriptions', {
      chrome: 'portal',
      title: `${t('portal.subscriptions')} - ${t('portal.title')}`,
      account,
      directory,
      rows,
      returnTo: '/portal/subscriptions',
    });
  });

  return router;
}
