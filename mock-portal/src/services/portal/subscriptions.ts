import express, { type Router } from 'express';
import { OFFERS } from '../../world/model.js';
import { whyItLanded } from '../../world/why-it-landed.js';
import { currentDirectory, portalPage } from './context.js';
import { visibleOf } from './subscription-tab.js';

/** Subscriptions of the current directory. */
export function subscriptionListRoutes(): Router {
  const router = express.Router();
  router.get('/subscriptions', async (req, res) => {
    const { directory } = currentDirectory(req);
    const rows = directory ? req.user.world.subscriptionsVisibleTo(req.user.account.id, directory.id) : [];
    await portalPage(req, res, 'subscriptions', res.locals.t('portal.subscriptions'), { rows });
  });
  return router;
}

/** One subscription's Overview and Properties. */
export function subscriptionOverviewRoutes(subscription: Router): void {
  subscription.get('/', async (req, res) => {
    const { id, offerId } = visibleOf(res).subscription;
    await portalPage(req, res, 'overview', res.locals.t(`offer.${offerId}`), {
      offer: OFFERS[offerId],
      tab: 'overview',
      why: whyItLanded(req.user.world, id),
    });
  });

  subscription.get('/properties', async (req, res) => {
    const { world } = req.user;
    const { accountAdminId, serviceAdminId } = visibleOf(res).subscription;
    await portalPage(req, res, 'properties', res.locals.t('portal.nav.properties'), {
      tab: 'properties',
      accountAdmin: world.account(accountAdminId)?.signInName ?? '',
      serviceAdmin: world.account(serviceAdminId)?.signInName ?? '',
    });
  });
}
