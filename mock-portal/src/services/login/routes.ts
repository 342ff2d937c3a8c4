import express, { type Request, type Response, type Router } from 'express';
import type Provider from 'oidc-provider';
import { cookieOf } from '../../http/cookies.js';
import { csrfProtection } from '../../http/csrf.js';
import { renderPage } from '../../http/render.js';
import type { ScenarioSignIns } from '../../http/scenario-sign-ins.js';
import { noStore } from '../../http/security.js';
import { regenerate } from '../../http/sessions.js';
import type { Account } from '../../world/model.js';
import {
  accountKindForm,
  deviceConfirmForm,
  passwordForm,
  pickAccountForm,
  staySignedInForm,
  usernameForm,
} from './forms.js';
import { flowFor, type LoginFlow } from './login-flow.js';
import { signInAttemptLimit } from './rate-limit.js';
import type { LimitStoreFor } from '../../http/sessions.js';
import { firstPage } from './first-page.js';
import { interactionSteps, type Details } from './interaction.js';
import { DEVICE_CONFIRM_PROMPT } from './policy.js';
import { applicationName } from './applications.js';
import { RememberedAccounts } from './remembered.js';
import { typedSignInName } from '../../world/sign-in-name.js';

type AadError = 'AADSTS50126' | 'AADSTS50034' | 'AADSTS50053';

/** The answer to "Stay signed in?" that "Don't show this again" keeps for this browser. */
const KMSI_ANSWER_COOKIE = 'login.kmsi';

/**
 * The login service's own pages, shown while oidc-provider waits on an interaction: Pick an
 * account, user name, work-or-personal, password, "Stay signed in?". Each step keeps what it
 * learned in the login session, tied to the interaction's uid, and the next page refuses to show
 * without it.
 */
export function interactionRoutes(
  provider: Provider,
  remembered: RememberedAccounts,
  scenarioSignIns: ScenarioSignIns,
  limitStores?: LimitStoreFor,
): Router {
  const router = express.Router();
  router.use(noStore, express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 }), ...csrfProtection());
  const attemptLimit = signInAttemptLimit(limitStores);

  const page = (res: Response, view: string, locals: Record<string, unknown>, status = 200) =>
    renderPage(res, `login/views/${view}`, { site: 'login', title: res.locals.t('login.title'), ...locals }, status);

  const { withInteraction, tilesOf, browserId, refused, finish } = interactionSteps(provider, remembered, page);

  const accountOf = (req: Request, flow: LoginFlow | undefined): Account | undefined =>
    flow?.accountId === undefined ? undefined : req.world.account(flow.accountId);

  /** The account a name names, when it names exactly one (not a work and a personal account at once). */
  const onlyAccountNamed = (req: Request, name: string): Account | undefined => {
    const named = req.world.accountsBySignInName(name);
    return named.length === 1 ? named[0] : undefined;
  };

  const hintOf = (details: Details) => typedSignInName(details.params.login_hint);

  const usernamePage = (res: Response, uid: string, username: string, error?: string, status = 200) =>
    page(res, 'username', { uid, username, error }, status);

  const passwordPage = (res: Response, uid: string, account: Account, error?: AadError | 'required', status = 200) =>
    page(res, 'password', { uid, account, error }, status);

  const pickerPage = (req: Request, res: Response, uid: string) =>
    page(res, 'pick-account', { uid, tiles: tilesOf(req) });

  /** Goes to the password page for an account known before any user name was typed. */
  const askPasswordFor = (req: Request, res: Response, uid: string, account: Account) => {
    req.session.loginFlow = { uid, signInName: account.signInName, accountId: account.id };
    res.redirect(303, `/login/interaction/${uid}/password`);
  };

  /** "Are you trying to sign in to …?": the device sign-in's last question, once signed in. */
  const deviceConfirmPage = async (req: Request, res: Response, details: Details) => {
    const app = (await applicationName(provider, details.params.client_id)) ?? '';
    const account = details.session?.accountId ? req.world.account(details.session.accountId) : undefined;
    await page(res, 'device-confirm', { uid: details.uid, app, account });
  };

  /** Where an interaction starts: firstPage decides, this shows it. */
  router.get(
    '/:uid',
    withInteraction(async (req, res, details) => {
      if (details.prompt.name === DEVICE_CONFIRM_PROMPT) return deviceConfirmPage(req, res, details);
      const hint = hintOf(details);
      const hinted = hint ? onlyAccountNamed(req, hint) : undefined;
      const next = firstPage({
        prompt:
          details.prompt.name === 'select_account'
            ? 'select_account'
            : details.prompt.reasons.includes('login_prompt')
              ? 'login'
              : 'none',
        hint,
        hintedAccountId: hinted?.id,
        queued: hinted !== undefined && scenarioSignIns.take(req.world, hinted.id),
        tiles: tilesOf(req),
      });
      switch (next.show) {
        case 'nothing':
          return finish(req, res, details, next.accountId, next.staySignedIn);
        case 'pick-account':
          return pickerPage(req, res, details.uid);
        case 'username':
          return usernamePage(res, details.uid, next.prefill);
        case 'password': {
          const account = req.world.account(next.accountId);
          return account ? askPasswordFor(req, res, details.uid, account) : usernamePage(res, details.uid, hint);
        }
      }
    }),
  );

  router.post(
    '/:uid/device',
    withInteraction(async (req, res, details) => {
      const form = deviceConfirmForm.safeParse(req.body);
      if (details.prompt.name !== DEVICE_CONFIRM_PROMPT || !form.success)
        return res.redirect(303, `/login/interaction/${details.uid}`);
      // Cancel tells the device `authorization_declined`, and the browser that it did not sign in.
      const result =
        form.data.answer === 'continue'
          ? { [DEVICE_CONFIRM_PROMPT]: {} }
          : { error: 'access_denied', error_description: 'the user cancelled the device sign-in' };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    }),
  );

  router.post(
    '/:uid/pick',
    withInteraction(async (req, res, details) => {
      const form = pickAccountForm.safeParse(req.body);
      const tile = form.success ? tilesOf(req).find((entry) => entry.accountId === form.data.accountId) : undefined;
      if (!tile) return pickerPage(req, res, details.uid);
      if (tile.signedIn) return finish(req, res, details, tile.accountId, tile.staySignedIn);
      askPasswordFor(req, res, details.uid, tile.account);
    }),
  );

  /** Pick an account again, after a tile's menu changed the list; the user name once no tile is left. */
  router.get(
    '/:uid/pick',
    withInteraction(async (req, res, details) => {
      if (tilesOf(req).length === 0) return usernamePage(res, details.uid, '');
      await pickerPage(req, res, details.uid);
    }),
  );

  /** A tile's "⋯" menu: Forget takes the account off this browser's list, Sign out keeps its tile signed out. */
  for (const [action, change] of [
    ['forget', (id: string | undefined, accountId: string) => remembered.forget(id, accountId)],
    ['sign-out', (id: string | undefined, accountId: string) => remembered.signOut(id, accountId)],
  ] as const) {
    router.post(
      `/:uid/${action}`,
      withInteraction((req, res, details) => {
        const form = pickAccountForm.safeParse(req.body);
        if (form.success) change(browserId(req), form.data.accountId);
        res.redirect(303, `/login/interaction/${details.uid}/pick`);
      }),
    );
  }

  router.get(
    '/:uid/username',
    withInteraction(async (req, res, details) => {
      await usernamePage(res, details.uid, flowFor(req, details.uid)?.signInName ?? hintOf(details));
    }),
  );

  router.post(
    '/:uid/username',
    attemptLimit,
    withInteraction(async (req, res, details) => {
      const form = usernameForm.safeParse(req.body);
      const body = req.body as Record<string, unknown> | undefined;
      const typed = typedSignInName(body?.username);
      if (!form.success) return usernamePage(res, details.uid, typed, res.locals.t('login.error.username'), 400);
      const accounts = req.world.accountsBySignInName(form.data.username);
      if (accounts.length === 0) return usernamePage(res, details.uid, typed, 'AADSTS50034', 400);
      const only = accounts.length === 1 ? accounts[0] : undefined;
      req.session.loginFlow = {
        uid: details.uid,
        signInName: form.data.username,
        ...(only ? { accountId: only.id } : {}),
      };
      res.redirect(303, `/login/interaction/${details.uid}/${only ? 'password' : 'work-or-personal'}`);
    }),
  );

  router.get(
    '/:uid/work-or-personal',
    withInteraction(async (req, res, details) => {
      const flow = flowFor(req, details.uid);
      if (!flow) return res.redirect(303, `/login/interaction/${details.uid}/username`);
      await page(res, 'work-or-personal', { uid: details.uid, signInName: flow.signInName });
    }),
  );

  router.post(
    '/:uid/work-or-personal',
    withInteraction((req, res, details) => {
      const flow = flowFor(req, details.uid);
      const form = accountKindForm.safeParse(req.body);
      const account =
        form.success && flow
          ? req.world.accountsBySignInName(flow.signInName).find((a) => a.kind === form.data.kind)
          : undefined;
      if (!flow || !account) return res.redirect(303, `/login/interaction/${details.uid}/username`);
      req.session.loginFlow = { uid: details.uid, signInName: flow.signInName, accountId: account.id };
      res.redirect(303, `/login/interaction/${details.uid}/password`);
    }),
  );

  router.get(
    '/:uid/password',
    withInteraction(async (req, res, details) => {
      const account = accountOf(req, flowFor(req, details.uid));
      if (!account) return res.redirect(303, `/login/interaction/${details.uid}/username`);
      await passwordPage(res, details.uid, account);
    }),
  );

  router.post(
    '/:uid/password',
    attemptLimit,
    withInteraction(async (req, res, details) => {
      const flow = flowFor(req, details.uid);
      const account = accountOf(req, flow);
      if (!flow || !account) return res.redirect(303, `/login/interaction/${details.uid}/username`);
      const form = passwordForm.safeParse(req.body);
      if (!form.success) return passwordPage(res, details.uid, account, 'required', 400);
      const verdict = req.world.credentials.check(account.id, form.data.password);
      if (verdict === 'locked') return passwordPage(res, details.uid, account, 'AADSTS50053', 400);
      if (verdict === 'wrong') return passwordPage(res, details.uid, account, 'AADSTS50126', 400);
      const keptAnswer = cookieOf(req, KMSI_ANSWER_COOKIE);
      if (await refused(req, res, details, account)) return;
      if (keptAnswer === 'yes' || keptAnswer === 'no')
        return finish(req, res, details, account.id, keptAnswer === 'yes');
      await regenerate(req);
      req.session.loginFlow = { ...flow, passwordVerified: true };
      res.redirect(303, `/login/interaction/${details.uid}/stay-signed-in`);
    }),
  );

  router.get(
    '/:uid/stay-signed-in',
    withInteraction(async (req, res, details) => {
      const flow = flowFor(req, details.uid);
      if (!flow?.passwordVerified) return res.redirect(303, `/login/interaction/${details.uid}/username`);
      await page(res, 'stay-signed-in', { uid: details.uid, account: accountOf(req, flow) });
    }),
  );

  router.post(
    '/:uid/stay-signed-in',
    withInteraction(async (req, res, details) => {
      const flow = flowFor(req, details.uid);
      const form = staySignedInForm.safeParse(req.body);
      if (!flow?.passwordVerified || !flow.accountId || !form.success)
        return res.redirect(303, `/login/interaction/${details.uid}/username`);
      if (form.data.dontShowAgain)
        res.cookie(KMSI_ANSWER_COOKIE, form.data.stay, {
          ...RememberedAccounts.cookieOptions(true),
          secure: req.secure,
        });
      await finish(req, res, details, flow.accountId, form.data.stay === 'yes');
    }),
  );

  return router;
}
