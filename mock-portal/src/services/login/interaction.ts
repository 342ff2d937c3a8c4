import type { Request, RequestHandler, Response } from 'express';
import type Provider from 'oidc-provider';
import { errors as oidcErrors } from 'oidc-provider';
import { cookieOf } from '../../http/cookies.js';
import { destroy } from '../../http/sessions.js';
import { admission } from '../../world/authority.js';
import type { Account } from '../../world/model.js';
import { REMEMBERED_COOKIE, RememberedAccounts } from './remembered.js';
import { tenantNotFoundPage } from './tenancy.js';
import { authorityParameterOf } from './v2-routes.js';

export type Details = Awaited<ReturnType<Provider['interactionDetails']>>;
type Page = (res: Response, view: string, locals: Record<string, unknown>, status?: number) => Promise<void>;

/**
 * What every step of a sign-in shares: the interaction in progress, this browser's remembered
 * accounts, the refusal of an account the sign-in's authority does not admit, and the end of the
 * sign-in, when oidc-provider takes over again.
 */
export function interactionSteps(provider: Provider, remembered: RememberedAccounts, page: Page) {
  /** The interaction in progress, or undefined after rendering "this sign-in has expired". */
  async function interaction(req: Request, res: Response): Promise<Details | undefined> {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== req.params.uid) throw new oidcErrors.SessionNotFound('interaction mismatch');
      return details;
    } catch (error) {
      if (!(error instanceof oidcErrors.SessionNotFound) && !(error instanceof oidcErrors.InvalidRequest)) throw error;
      await page(res, 'expired', {}, 400);
      return undefined;
    }
  }

  const browserId = (req: Request) => {
    const value = cookieOf(req, REMEMBERED_COOKIE);
    return typeof value === 'string' ? value : undefined;
  };

  /** This browser's remembered accounts that exist in its world, most recent first. */
  const tilesOf = (req: Request) =>
    remembered.list(browserId(req)).flatMap((entry) => {
      const account = req.world.account(entry.accountId);
      return account ? [{ ...entry, account }] : [];
    });

  /**
   * Refuses, on a page with Microsoft's code, an account the sign-in's authority does not sign in
   * (a directory's outsider, a personal account at `organizations`, a work one at `consumers`);
   * nothing is remembered. True when it refused.
   */
  async function refused(req: Request, res: Response, details: Details, account: Account): Promise<boolean> {
    const { t } = res.locals;
    const named = authorityParameterOf(details.params);
    const authority = req.world.authorityNamed(named);
    if (!authority) {
      // Its directory is not in this browser's world (the browser joined another since).
      await tenantNotFoundPage(res, named);
      return true;
    }
    const verdict = admission(authority, account);
    if (verdict.admitted) return false;
    const directory = authority.kind === 'directory' ? (req.world.directory(authority.directoryId)?.name ?? '') : '';
    const message =
      authority.kind === 'directory'
        ? t('login.refused.directory', { account: account.signInName, directory })
        : t(authority.kind === 'organizations' ? 'login.refused.organizations' : 'login.refused.consumers', {
            account: account.signInName,
          });
    await page(
      res,
      'refused',
      {
        account: account.signInName,
        code: verdict.refusal,
        message,
        retry: `/login/interaction/${details.uid}/username`,
      },
      400,
    );
    return true;
  }

  /** Signs the browser in as this account: remembers it, and hands it to oidc-provider. */
  async function finish(
    req: Request,
    res: Response,
    details: Details,
    accountId: string,
    staySignedIn: boolean,
  ): Promise<void> {
    const account = req.world.account(accountId);
    if (account && (await refused(req, res, details, account))) return;
    const id = remembered.remember(browserId(req), accountId, staySignedIn);
    res.cookie(REMEMBERED_COOKIE, id, {
      ...RememberedAccounts.cookieOptions(remembered.persistent(id)),
      secure: req.secure,
    });
    // The login flow is over: its session (the flow's state and CSRF token) has nothing left to keep.
    await destroy(req);
    await provider.interactionFinished(
      req,
      res,
      { select_account: {}, login: { accountId, remember: staySignedIn } },
      { mergeWithLastSubmission: false },
    );
  }

  /** A route of the interaction in progress; when it has expired, "this sign-in has expired" is already shown. */
  const withInteraction =
    (handler: (req: Request, res: Response, details: Details) => unknown): RequestHandler =>
    async (req, res) => {
      const details = await interaction(req, res);
      if (details) await handler(req, res, details);
    };

  return { withInteraction, tilesOf, browserId, refused, finish };
}
