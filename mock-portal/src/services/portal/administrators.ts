import express, { type Request, type Response, type Router } from 'express';
import { MAX_CO_ADMINISTRATORS } from '../../world/subscription-rules.js';
import type { ChangeResult, VisibleSubscription } from '../../world/world.js';
import { portalPage, refusalKey, subscriptionOr404 } from './context.js';
import { accountForm } from './forms.js';

/** Classic administrators: the Service admin (changed by the Account admin) and co-administrators. */
export function administratorRoutes(): Router {
  const router = express.Router();

  const page = (req: Request, res: Response, visible: VisibleSubscription, error?: string, status = 200) => {
    const { world } = req.user;
    const { subscription } = visible;
    return portalPage(
      req,
      res,
      'administrators',
      res.locals.t('portal.nav.administrators'),
      {
        visible,
        tab: 'administrators',
        max: MAX_CO_ADMINISTRATORS,
        serviceAdmin: world.account(subscription.serviceAdminId)?.signInName ?? '',
        coAdmins: subscription.coAdministratorIds.map((id) => ({ id, user: world.account(id)?.signInName ?? id })),
        users: world.usersOf(subscription.directoryId),
        error,
      },
      status,
    );
  };

  router.get('/subscriptions/:id/administrators', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (visible) await page(req, res, visible);
  });

  const change =
    (act: (req: Request, subscriptionId: string, accountId: string) => ChangeResult) =>
    async (req: Request, res: Response) => {
      const visible = await subscriptionOr404(req, res);
      if (!visible) return;
      const form = accountForm.safeParse(req.body);
      const result: ChangeResult = form.success
        ? act(req, visible.subscription.id, form.data.accountId)
        : { ok: false, reason: 'unknown' };
      const { world, account } = req.user;
      if (!result.ok)
        return page(
          req,
          res,
          world.visibleSubscription(account.id, visible.subscription.id) ?? visible,
          res.locals.t(refusalKey(result.reason)),
          422,
        );
      req.session.notice = res.locals.t('portal.admins.changed');
      res.redirect(
        303,
        world.visibleSubscription(account.id, visible.subscription.id)
          ? `/portal/subscriptions/${visible.subscription.id}/administrators`
          : '/portal/subscriptions',
      );
    };

  router.post(
    '/subscriptions/:id/administrators/service-admin',
    change((req, id, accountId) => req.user.world.changeServiceAdmin(req.user.account.id, id, accountId)),
  );
  router.post(
    '/subscriptions/:id/administrators/co-admins/add',
    change((req, id, accountId) => req.user.world.addCoAdministrator(req.user.account.id, id, accountId)),
  );
  router.post(
    '/subscriptions/:id/administrators/co-admins/remove',
    change((req, id, accountId) => req.user.world.removeCoAdministrator(req.user.account.id, id, accountId)),
  );
  return router;
}
