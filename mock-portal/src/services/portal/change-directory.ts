import type { Router } from 'express';
import { currentDirectory, portalPage } from './context.js';
import { directoryForm } from './forms.js';
import { subscriptionChange, visibleOf, type TabPage } from './subscription-tab.js';

/** Change directory: move the subscription to another directory the mover belongs to. */
export function changeDirectoryRoutes(subscription: Router): void {
  const page: TabPage = (req, res, error, status = 200) => {
    const from = visibleOf(res).subscription.directoryId;
    const targets = currentDirectory(req).memberships.filter((m) => m.directory.id !== from);
    return portalPage(
      req,
      res,
      'change-directory',
      res.locals.t('portal.nav.changeDirectory'),
      { tab: 'change-directory', targets, error },
      status,
    );
  };

  subscription.get('/change-directory', (req, res) => page(req, res));
  subscription.post(
    '/change-directory',
    subscriptionChange({
      tab: 'change-directory',
      form: directoryForm,
      page,
      apply: (req, subscriptionId, { directoryId }) =>
        req.user.world.changeDirectory(req.user.account.id, subscriptionId, directoryId),
      notice: (req, res, _form, result) =>
        res.locals.t('portal.change.done', {
          directory: req.user.world.directory(result.subscription.directoryId)?.name ?? '',
        }),
      // The subscription has left the directory the portal shows: back to its list.
      next: () => '/portal/subscriptions',
    }),
  );
}
