import express, { type Router } from 'express';
import { OFFERS } from '../../world/model.js';
import { currentDirectory, portalPage, subscriptionOr404 } from './context.js';

/** Subscriptions of the current directory, and one subscription's Overview and Properties. */
export function subscriptionRoutes(): Router {
  const router = express.Router();

  router.get('/subscriptions', async (req, res) => {
    const { directory } = currentDirectory(req);
    const rows = directory ? req.user.world.subscriptionsVisibleTo(req.user.account.id, directory.id) : [];
    await portalPage(req, res, 'subscriptions', res.locals.t('portal.subscriptions'), { rows });
  });

  router.get('/subscriptions/:id', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (!visible) return;
    const offer = OFFERS[visible.subscription.offerId];
    await portalPage(req, res, 'overview', res.locals.t(`offer.${visible.subscription.offerId}`), {
      visible,
      offer,
      tab: 'overview',
    });
  });

  router.get('/subscriptions/:id/properties', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (!visible) return;
    const { world } = req.user;
    await portalPage(req, res, 'properties', res.locals.t('portal.nav.properties'), {
      visible,
      tab: 'properties',
      accountAdmin: world.account(visible.subscription.accountAdminId)?.signInName ?? '',
      serviceAdmin: world.account(visible.subscription.serviceAdminId)?.signInName ?? '',
    });
  });

  return router;
}
