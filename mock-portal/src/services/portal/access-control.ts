import express, { type Request, type Response, type Router } from 'express';
import type { AzureRole } from '../../world/model.js';
import type { VisibleSubscription } from '../../world/world.js';
import { portalPage, refusalKey, subscriptionOr404 } from './context.js';
import { roleAssignmentForm } from './forms.js';

/** Access control (IAM): the subscription's role assignments; Owners add and remove them. */
export function accessControlRoutes(): Router {
  const router = express.Router();

  const page = (req: Request, res: Response, visible: VisibleSubscription, error?: string, status = 200) => {
    const { world } = req.user;
    const assignments = visible.subscription.roleAssignments.map((a) => ({
      ...a,
      user: world.account(a.principalId)?.signInName ?? a.principalId,
    }));
    return portalPage(
      req,
      res,
      'access-control',
      res.locals.t('portal.nav.iam'),
      { visible, tab: 'iam', assignments, users: world.usersOf(visible.subscription.directoryId), error },
      status,
    );
  };

  router.get('/subscriptions/:id/access-control', async (req, res) => {
    const visible = await subscriptionOr404(req, res);
    if (visible) await page(req, res, visible);
  });

  const change = (kind: 'add' | 'remove') => async (req: Request, res: Response) => {
    const visible = await subscriptionOr404(req, res);
    if (!visible) return;
    const form = roleAssignmentForm.safeParse(req.body);
    const { world, account } = req.user;
    const subscriptionId = visible.subscription.id;
    const result = !form.success
      ? ({ ok: false, reason: 'unknown' } as const)
      : kind === 'add'
        ? world.grantRole(account.id, subscriptionId, form.data.principalId, form.data.role)
        : world.revokeRole(account.id, subscriptionId, form.data.principalId, form.data.role);
    const { t } = res.locals;
    if (!result.ok || !form.success)
      return page(
        req,
        res,
        world.visibleSubscription(account.id, subscriptionId) ?? visible,
        t(refusalKey(result.ok ? 'unknown' : result.reason)),
        422,
      );
    const user = world.account(form.data.principalId)?.signInName ?? '';
    const role = t(`role.${form.data.role satisfies AzureRole}`);
    req.session.notice = t(kind === 'add' ? 'portal.iam.added' : 'portal.iam.removed', { user, role });
    // Removing one's own Owner role can take the page away: go where it is still visible.
    res.redirect(
      303,
      world.visibleSubscription(account.id, subscriptionId)
        ? `/portal/subscriptions/${subscriptionId}/access-control`
        : '/portal/subscriptions',
    );
  };

  router.post('/subscriptions/:id/access-control/add', change('add'));
  router.post('/subscriptions/:id/access-control/remove', change('remove'));
  return router;
}
