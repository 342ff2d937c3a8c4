import type { Router } from 'express';
import type { AzureRole } from '../../world/model.js';
import { portalPage } from './context.js';
import { roleAssignmentForm } from './forms.js';
import { subscriptionChange, visibleOf, type TabPage } from './subscription-tab.js';

/** Access control (IAM): the subscription's role assignments; Owners add and remove them. */
export function accessControlRoutes(subscription: Router): void {
  const page: TabPage = (req, res, error, status = 200) => {
    const { world } = req.user;
    const visible = visibleOf(res);
    const assignments = visible.subscription.roleAssignments.map((a) => ({
      ...a,
      user: world.account(a.principalId)?.signInName ?? a.principalId,
    }));
    return portalPage(
      req,
      res,
      'access-control',
      res.locals.t('portal.nav.iam'),
      {
        tab: 'iam',
        assignments,
        users: world.usersOf(visible.subscription.directoryId),
        error,
        // The Add pane: opened by the command bar's Add, and open again with a refusal of what it sent.
        addPane: req.query.add === '1' || (req.method === 'POST' && req.path.endsWith('/add')),
      },
      status,
    );
  };

  subscription.get('/access-control', (req, res) => page(req, res));
  for (const kind of ['add', 'remove'] as const) {
    subscription.post(
      `/access-control/${kind}`,
      subscriptionChange({
        tab: 'access-control',
        form: roleAssignmentForm,
        page,
        apply: (req, subscriptionId, { principalId, role }) =>
          kind === 'add'
            ? req.user.world.grantRole(req.user.account.id, subscriptionId, principalId, role)
            : req.user.world.revokeRole(req.user.account.id, subscriptionId, principalId, role),
        notice: (req, res, { principalId, role }) =>
          res.locals.t(kind === 'add' ? 'portal.iam.added' : 'portal.iam.removed', {
            user: req.user.world.account(principalId)?.signInName ?? '',
            role: res.locals.t(`role.${role satisfies AzureRole}`),
          }),
      }),
    );
  }
}
