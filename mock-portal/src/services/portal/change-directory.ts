import express, { type Request, type Response, type Router } from 'express';
import type { VisibleSubscription } from '../../world/world.js';
import { currentDirectory, portalPage, refusalKey, subscriptionOr404 } from './context.js';
import { directoryForm } from './forms.js';

/** Change directory: move the subscription to another directory the mover belongs to. */
export function changeDirectoryRoutes(): Router {
  const router = express.Router();

  const page = (req: Request, res: Response, visible: VisibleSubscription, error?: string, status = 200) => {
    const targets = currentDirectory(req).memberships.filter(
      (m) => m.directory.id !== visible.subscription.directoryId,
    );
    return portalPage(
      req,
      res,
      'change-directory',
      res.locals.t('portal.nav.changeDirectory'),
      { visible, tab: 'change-directory', targets, error },
      status,
    );
  };

  router.get('/subscriptions/:id/change-directory', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (visible) await page(req, res, visible);
  });

  router.post('/subscriptions/:id/change-directory', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (!visible) return;
    const form = directoryForm.safeParse(req.body);
    const { world, account } = req.user;
    const result = form.success
      ? world.changeDirectory(account.id, visible.subscription.id, form.data.directoryId)
      : ({ ok: false, reason: 'unknown' } as const);
    if (!result.ok) return page(req, res, visible, res.locals.t(refusalKey(result.reason)), 422);
    req.session.notice = res.locals.t('portal.change.done', {
      directory: world.directory(result.subscription.directoryId)?.name ?? '',
    });
    res.redirect(303, '/portal/subscriptions');
  });

  return router;
}
