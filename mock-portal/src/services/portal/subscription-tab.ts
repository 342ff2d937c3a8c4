import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { z } from 'zod';
import { MESSAGE_VIEW, renderPage } from '../../http/render.js';
import type { ChangeResult, VisibleSubscription } from '../../world/world.js';
import { refusalKey } from './context.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Locals {
      /** The portal's subscription under /subscriptions/:id, as the signed-in account sees it. */
      visible?: VisibleSubscription;
    }
  }
}

/** A subscription tab's page, shown again with a refusal after a change the rules refused. */
export type TabPage = (req: Request, res: Response, error?: string, status?: number) => Promise<void>;

/** The subscription under /subscriptions/:id; the loader below guarantees it for every route there. */
export function visibleOf(res: Response): VisibleSubscription {
  if (!res.locals.visible) throw new Error('no subscription was loaded for this route');
  return res.locals.visible;
}

/**
 * The router for everything under /subscriptions/:id. It loads the subscription once, as this
 * account sees it, and answers a 404 page for one it may not see (or that does not exist): no
 * handler below it has to ask again.
 */
export function subscriptionRouter(): Router {
  const router = express.Router({ mergeParams: true });
  router.use(async (req, res, next) => {
    const id = typeof req.params.id === 'string' ? req.params.id : '';
    const visible = req.user.world.visibleSubscription(req.user.account.id, id);
    if (visible) {
      res.locals.visible = visible;
      next();
      return;
    }
    const { t } = res.locals;
    await renderPage(
      res,
      MESSAGE_VIEW,
      {
        site: 'portal',
        title: t('error.notFound.title'),
        heading: t('error.notFound.title'),
        message: t('error.notFound.body'),
        action: { href: '/portal/subscriptions', label: t('portal.subscriptions') },
      },
      404,
    );
  });
  return router;
}

export interface SubscriptionChange<Form> {
  /** The tab the form is on (its path under the subscription), shown again when done. */
  readonly tab: string;
  readonly form: z.ZodType<Form>;
  /** The rule, applied as the signed-in account. */
  readonly apply: (req: Request, subscriptionId: string, form: Form) => ChangeResult;
  /** What the next page says once it is done. */
  readonly notice: (req: Request, res: Response, form: Form, result: ChangeResult & { ok: true }) => string;
  /** The tab to show again, with the refusal, when the rules refuse. */
  readonly page: TabPage;
  /** Where to go once done: by default the same tab, or Subscriptions when the account can no longer see it. */
  readonly next?: (req: Request, subscriptionId: string) => string;
}

/**
 * One change to a subscription, as every portal form makes it: read the form, apply the rule,
 * then either show the tab again with the refusal (nothing changed) or say what was done and
 * redirect, so that reloading the page never sends the form twice.
 */
export function subscriptionChange<Form>(change: SubscriptionChange<Form>): RequestHandler {
  return async (req, res) => {
    const subscriptionId = visibleOf(res).subscription.id;
    const form = change.form.safeParse(req.body);
    const result: ChangeResult = form.success
      ? change.apply(req, subscriptionId, form.data)
      : { ok: false, reason: 'unknown' };
    if (!form.success || !result.ok) {
      await change.page(req, res, res.locals.t(refusalKey(result.ok ? 'unknown' : result.reason)), 422);
      return;
    }
    req.session.notice = change.notice(req, res, form.data, result);
    const { world, account } = req.user;
    const stillVisible = world.visibleSubscription(account.id, subscriptionId) !== undefined;
    const sameTab = `/portal/subscriptions/${subscriptionId}/${change.tab}`;
    res.redirect(303, change.next?.(req, subscriptionId) ?? (stillVisible ? sameTab : '/portal/subscriptions'));
  };
}
