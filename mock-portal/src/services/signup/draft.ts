import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { SignedInIdentity } from '../relying-party/signed-in.js';
import type { SignUpProfile } from '../../world/model.js';
import { aboutSection, cardSection, codeSection, fieldErrors, phoneSection, type FieldErrors } from './forms.js';

const ABOUT_FIELDS = ['country', 'firstName', 'lastName', 'email', 'workPhone', 'organization'] as const;
/** Card fields kept between posts; the card number and CVV are never stored. */
const KEPT_CARD_FIELDS = ['cardName', 'expiryMonth', 'expiryYear', 'address1', 'city', 'postalCode'] as const;
const MAX_CODE_ATTEMPTS = 5;
const MAX_FIELD_LENGTH = 256;

/** The sign-up form in progress, kept in the signup session between its buttons. */
export interface SignupDraft {
  /** Identifies this form: placing it twice gives the same subscription. */
  readonly requestId: string;
  /** The account the draft was started for; a different sign-in starts a new draft. */
  readonly accountId: string;
  about: Record<(typeof ABOUT_FIELDS)[number], string>;
  aboutDone: boolean;
  phoneNumber: string;
  sentCode?: { code: string; method: 'text' | 'call'; to: string; attemptsLeft: number };
  verifiedPhone?: string;
  card: Record<(typeof KEPT_CARD_FIELDS)[number], string>;
  cardLast4?: string;
  agree: boolean;
  offers: boolean;
  completedSubscriptionId?: string;
}

declare module 'express-session' {
  interface SessionData {
    signupDraft: SignupDraft;
  }
}

/** For a failing test's report: how far the form has got. */
export function describeSignupSession(req: Request): Record<string, unknown> {
  const draft = req.session.signupDraft;
  if (!draft) return {};
  return {
    signupForm: {
      aboutDone: draft.aboutDone,
      phoneVerified: Boolean(draft.verifiedPhone),
      cardAccepted: Boolean(draft.cardLast4),
      agreed: draft.agree,
    },
  };
}

export function newDraft(identity: SignedInIdentity): SignupDraft {
  return {
    requestId: randomUUID(),
    accountId: identity.oid,
    about: {
      country: '',
      firstName: identity.givenName,
      lastName: identity.familyName,
      email: identity.upn,
      workPhone: '',
      organization: '',
    },
    aboutDone: false,
    phoneNumber: '',
    card: { cardName: '', expiryMonth: '', expiryYear: '', address1: '', city: '', postalCode: '' },
    agree: false,
    offers: false,
  };
}

type Body = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : undefined;

/** Keeps what the person typed in every open section, valid or not, so that no post loses it. */
export function absorb(draft: SignupDraft, body: Body): void {
  for (const field of ABOUT_FIELDS) draft.about[field] = text(body[field]) ?? draft.about[field];
  for (const field of KEPT_CARD_FIELDS) draft.card[field] = text(body[field]) ?? draft.card[field];
  const phoneNumber = text(body.phoneNumber);
  if (phoneNumber !== undefined) {
    draft.phoneNumber = phoneNumber;
    if (draft.verifiedPhone !== undefined && phoneNumber.trim() !== draft.verifiedPhone) delete draft.verifiedPhone;
  }
  if ('_csrf' in body) {
    draft.agree = body.agree === 'on';
    draft.offers = body.offers === 'on';
  }
}

export function profileOf(draft: SignupDraft): SignUpProfile | undefined {
  const about = aboutSection.safeParse(draft.about);
  return about.success ? about.data : undefined;
}

export function validateAbout(draft: SignupDraft): FieldErrors {
  const about = aboutSection.safeParse(draft.about);
  draft.aboutDone = about.success;
  return about.success ? {} : fieldErrors(about.error);
}

export function sendCode(draft: SignupDraft, method: 'text' | 'call', code: string): FieldErrors {
  const phone = phoneSection.safeParse({ phoneNumber: draft.phoneNumber });
  if (!phone.success) return fieldErrors(phone.error);
  draft.sentCode = {
    code,
    method,
    to: phone.data.phoneNumber,
    attemptsLeft: MAX_CODE_ATTEMPTS,
  };
  delete draft.verifiedPhone;
  return {};
}

export function verifyCode(draft: SignupDraft, body: Body): FieldErrors {
  const code = codeSection.safeParse({ verificationCode: text(body.verificationCode) });
  if (!code.success) return fieldErrors(code.error);
  const sent = draft.sentCode;
  if (!sent) return { verificationCode: 'signup.error.codeNotSent' };
  if (code.data.verificationCode !== sent.code) {
    sent.attemptsLeft -= 1;
    // Too many wrong codes spend the code: a new one must be asked for.
    if (sent.attemptsLeft <= 0) delete draft.sentCode;
    return { verificationCode: 'signup.error.codeWrong' };
  }
  draft.verifiedPhone = sent.to;
  draft.phoneNumber = sent.to;
  delete draft.sentCode;
  return {};
}

export function verifyCard(draft: SignupDraft, body: Body, now: Date): FieldErrors {
  const card = cardSection(now).safeParse({ ...draft.card, cardNumber: text(body.cardNumber), cvv: text(body.cvv) });
  if (!card.success) {
    delete draft.cardLast4;
    return fieldErrors(card.error);
  }
  draft.cardLast4 = card.data.cardNumber.slice(-4);
  return {};
}

/** Which sections are open: each opens when the one before it is complete, as the 2017 page did. */
export function openSections(draft: SignupDraft) {
  const phone = draft.aboutDone;
  const card = phone && draft.verifiedPhone !== undefined;
  const agreement = card && draft.cardLast4 !== undefined;
  return { phone, card, agreement };
}
