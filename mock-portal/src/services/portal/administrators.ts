import type { Request, Router } from 'express';
import { MAX_CO_ADMINISTRATORS } from '../../world/subscription-rules.js';
import type { ChangeResult } from '../../world/world.js';
import { portalPage } from './context.js';
import { accountForm } from './forms.js';
import { subscriptionChange, visibleOf, type TabPage } from './subscription-tab.js';

type AdministratorRule = (req: Request, subscriptionId: string, accountId: string) => ChangeResult;

const RULES: Record<string, AdministratorRule> = {
  'service-admin': (req, id, accountId) => req.user.world.changeServiceAdmin(req.user.account.id, id, accountId),
  'co-admins/add': (req, id, accountId) => req.user.world.addCoAdministrator(req.user.account.id, id, accountId),
  'co-admins/remove': (req, id, accountId) => req.user.world.removeCoAdministrator(req.user.account.id, id, accountId),
};

/** Classic administrators: the Service admin (changed by the Account admin) and co-administrators. */
export function administratorRoutes(subscription: Router): void {
  const page: TabPage = (req, res, error, status = 200) => {
    const { world } = req.user;
    const { subscription: shown } = visibleOf(res);
    return portalPage(
      req,
      res,
      'administrators',
      res.locals.t('portal.nav.administrators'),
      {
        tab: 'administrators',
        max: MAX_CO_ADMINISTRATORS,
        serviceAdmin: world.account(shown.serviceAdminId)?.signInName ?? '',
        coAdmins: shown.coAdministratorIds.map((id) => ({ id, user: world.account(id)?.signInName ?? id })),
        users: world.usersOf(shown.directoryId),
        error,
      },
      status,
    );
  };

  subscription.get('/administrators', (req, res) => page(req, res));
  for (const [path, rule] of Object.entries(RULES)) {
    subscription.post(
      `/administrators/${path}`,
      subscriptionChange({
        tab: 'administrators',
        form: accountForm,
        page,
        apply: (req, subscriptionId, { accountId }) => rule(req, subscriptionId, accountId),
        notice: (_req, res) => res.locals.t('portal.admins.changed'),
      }),
    );
  }
}
