import express, { type Request, type Response, type Router } from 'express';
import { csrfCheck, issueCsrfToken } from '../../http/csrf.js';
import { renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import type { MessageKey } from '../../i18n/index.js';
import { whyItLanded } from '../../world/why-it-landed.js';
import type { RelyingParty } from '../relying-party/index.js';
import { applySectionAction } from './actions.js';
import {
  keepWhatWasTyped,
  currentSection,
  newDraft,
  openSections,
  profileOf,
  sectionStates,
  validateAbout,
  type SignupDraft,
} from './draft.js';
import { agreementSection, CALLING_CODES, COUNTRIES, fieldErrors, signupAction, type FieldErrors } from './forms.js';

/** The account line at the top of the form: the only warning of which directory will get the subscription. */
function signedInAs(req: Request, res: Response) {
  const { account, world } = req.user;
  const home = world.homeDirectoryOf(account);
  return { account: account.signInName, directory: home ? home.name : res.locals.t('signup.personalDirectory') };
}

/** This person's draft: a new one when none exists or the draft belongs to someone else. */
function draftFor(req: Request): SignupDraft {
  const existing = req.session.signupDraft;
  if (existing?.accountId === req.user.identity.oid) return existing;
  const draft = newDraft(req.user.identity);
  req.session.signupDraft = draft;
  return draft;
}

/** signup.azure.com: the form of the article's step 4, its refusals and its confirmation. */
export function signupRoutes(relyingParty: RelyingParty, now: () => Date = () => new Date()): Router {
  const router = express.Router();
  router.use(
    noStore,
    express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 40 }),
    csrfCheck,
    relyingParty.requireSignIn(),
    issueCsrfToken,
  );

  const formPage = async (
    req: Request,
    res: Response,
    draft: SignupDraft,
    errors: FieldErrors = {},
    status = 200,
    typedCardNumber = '',
  ) => {
    const { t } = res.locals;
    req.user.world.signUpFormAt(currentSection(draft));
    const years = Array.from({ length: 21 }, (_, i) => now().getUTCFullYear() + i);
    await renderPage(
      res,
      'signup/views/form',
      {
        site: 'signup',
        title: t('signup.title'),
        signedIn: signedInAs(req, res),
        draft,
        open: openSections(draft),
        sections: sectionStates(draft),
        callingCodes: CALLING_CODES,
        errors,
        hasErrors: Object.keys(errors).length > 0,
        countries: COUNTRIES,
        years,
        errorText: (field: string) => (errors[field] ? t(errors[field]) : undefined),
        // The card number is never stored; a refused one is shown back once, in this response only.
        typedCardNumber,
      },
      status,
    );
  };

  const refusedPage = (req: Request, res: Response, reason: string) => {
    const { t } = res.locals;
    const key = reason === 'free-trial-used' || reason === 'account-type-not-supported' ? reason : 'other';
    return renderPage(res, 'signup/views/refused', {
      site: 'signup',
      title: t(`signup.refused.${key}.heading` as MessageKey),
      heading: t(`signup.refused.${key}.heading` as MessageKey),
      message: t(`signup.refused.${key}.body` as MessageKey, { account: req.user.account.signInName }),
      signedIn: signedInAs(req, res),
    });
  };

  router.get('/', async (req, res) => {
    const draft = draftFor(req);
    if (draft.completedSubscriptionId) return res.redirect(303, '/signup/done');
    const refusal = req.user.world.freeTrialIneligibility(req.user.account.id);
    if (refusal) return refusedPage(req, res, refusal);
    await formPage(req, res, draft);
  });

  router.post('/', async (req, res) => {
    const draft = draftFor(req);
    if (draft.completedSubscriptionId) return res.redirect(303, '/signup/done');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = signupAction.safeParse(body.action);
    if (!action.success) return formPage(req, res, draft, { form: 'signup.error.summary' }, 422);
    if (action.data === 'signup') {
      keepWhatWasTyped(draft, body);
      return completeSignup(req, res, draft, body);
    }
    const { errors, next } = applySectionAction(draft, action.data, body, {
      newCode: () => req.world.newVerificationCode(),
      now: now(),
    });
    if (Object.keys(errors).length > 0) {
      const typedCardNumber =
        action.data === 'card' && typeof body.cardNumber === 'string' ? body.cardNumber.slice(0, 32) : '';
      return formPage(req, res, draft, errors, 422, typedCardNumber);
    }
    res.redirect(303, `/signup/#${next}`);
  });

  /** Checks every section again, then places the subscription exactly once for this form. */
  const completeSignup = async (req: Request, res: Response, draft: SignupDraft, body: Record<string, unknown>) => {
    const errors: FieldErrors = { ...validateAbout(draft) };
    if (draft.verifiedPhone === undefined) errors.phoneNumber ??= 'signup.error.phoneUnverified';
    if (draft.cardLast4 === undefined) errors.cardNumber ??= 'signup.error.cardUnverified';
    const agreement = agreementSection.safeParse(body);
    if (!agreement.success) Object.assign(errors, fieldErrors(agreement.error));
    const profile = profileOf(draft);
    if (Object.keys(errors).length > 0 || !profile) return formPage(req, res, draft, errors, 422);

    const { identity, world } = req.user;
    const result = world.signUpForFreeTrial(
      { tenantId: identity.tid, accountId: identity.oid },
      draft.requestId,
      profile,
    );
    if (result.status === 'refused') return refusedPage(req, res, result.reason);
    draft.completedSubscriptionId = result.subscription.id;
    res.redirect(303, '/signup/done');
  };

  router.get('/done', async (req, res) => {
    const subscriptionId = req.session.signupDraft?.completedSubscriptionId;
    const subscription = subscriptionId ? req.user.world.subscription(subscriptionId) : undefined;
    if (!subscription || subscription.accountAdminId !== req.user.account.id) return res.redirect(303, '/signup/');
    const { t } = res.locals;
    await renderPage(res, 'signup/views/done', {
      site: 'signup',
      title: t('signup.done.title'),
      detail: t('signup.done.detail', {
        offer: t(`offer.${subscription.offerId}`),
        directory: req.user.world.directory(subscription.directoryId)?.name ?? '',
      }),
      why: whyItLanded(req.user.world, subscription.id),
      // Like Microsoft's own link, it names the account, so the portal signs in as that one.
      manageHref: `/portal/signin?${new URLSearchParams({ login_hint: req.user.account.signInName, returnTo: '/portal/subscriptions' }).toString()}`,
    });
  });

  return router;
}
