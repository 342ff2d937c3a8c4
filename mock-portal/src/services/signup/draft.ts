import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { SignedInIdentity } from '../relying-party/signed-in.js';
import type { SignUpProfile } from '../../world/model.js';
import {
  aboutSection,
  CALLING_CODES,
  cardSection,
  codeSection,
  COUNTRIES,
  fieldErrors,
  phoneSection,
  type FieldErrors,
} from './forms.js';

const ABOUT_FIELDS = ['country', 'firstName', 'lastName', 'email', 'workPhone', 'organization'] as const;
/** Card fields kept between posts; the card number and CVV are never stored. */
const KEPT_CARD_FIELDS = [
  'cardName',
  'expiryMonth',
  'expiryYear',
  'address1',
  'address2',
  'city',
  'region',
  'postalCode',
] as const;
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
  /** The country whose calling code goes before a number typed without '+'. */
  phoneCountry: string;
  sentCode?: { code: string; method: 'text' | 'call'; to: string; attemptsLeft: number };
  verifiedPhone?: string;
  card: Record<(typeof KEPT_CARD_FIELDS)[number], string>;
  cardLast4?: string;
  agree: boolean;
  offers: boolean;
  /** A completed section opened again with Change. */
  editing?: EditableSection;
  completedSubscriptionId?: string;
}

export type EditableSection = 'about' | 'phone' | 'card';

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
    phoneCountry: '',
    card: {
      cardName: '',
      expiryMonth: '',
      expiryYear: '',
      address1: '',
      address2: '',
      city: '',
      region: '',
      postalCode: '',
    },
    agree: false,
    offers: false,
  };
}

type Body = Readonly<Record<string, unknown>>;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : undefined;

/** Keeps what the person typed in every open section, valid or not, so that no post loses it. */
export function keepWhatWasTyped(draft: SignupDraft, body: Body): void {
  for (const field of ABOUT_FIELDS) draft.about[field] = text(body[field]) ?? draft.about[field];
  for (const field of KEPT_CARD_FIELDS) draft.card[field] = text(body[field]) ?? draft.card[field];
  draft.phoneCountry = text(body.phoneCountry) ?? draft.phoneCountry;
  const phoneNumber = text(body.phoneNumber);
  if (phoneNumber !== undefined) draft.phoneNumber = phoneNumber;
  if (draft.verifiedPhone !== undefined && dialledNumber(draft) !== draft.verifiedPhone) delete draft.verifiedPhone;
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
  if (about.success && draft.editing === 'about') delete draft.editing;
  return about.success ? {} : fieldErrors(about.error);
}

/**
 * The number as it is dialled: as typed when it starts with '+', else after the calling code of
 * the country chosen beside it (or of the country in About you).
 */
export function dialledNumber(draft: SignupDraft): string {
  const typed = draft.phoneNumber.trim();
  if (typed.startsWith('+') || typed === '') return typed;
  const country = COUNTRIES.find((each) => each === (draft.phoneCountry || draft.about.country));
  return country ? `${CALLING_CODES[country]} ${typed}` : typed;
}

export function sendCode(draft: SignupDraft, method: 'text' | 'call', code: string): FieldErrors {
  const phone = phoneSection.safeParse({ phoneNumber: dialledNumber(draft) });
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
  if (draft.editing === 'phone') delete draft.editing;
  return {};
}

export function verifyCard(draft: SignupDraft, body: Body, now: Date): FieldErrors {
  const card = cardSection(now).safeParse({ ...draft.card, cardNumber: text(body.cardNumber), cvv: text(body.cvv) });
  if (!card.success) {
    delete draft.cardLast4;
    return fieldErrors(card.error);
  }
  draft.cardLast4 = card.data.cardNumber.slice(-4);
  if (draft.editing === 'card') delete draft.editing;
  return {};
}

export type SectionState = 'editing' | 'done' | 'waiting';

/**
 * How each of the four numbered sections shows: being filled in, done (a one-line summary with
 * Change), or waiting for the one before it. A section is filled in when it is the first not yet
 * done, or when Change opened it again.
 */
export function sectionStates(draft: SignupDraft): Record<EditableSection | 'agreement', SectionState> {
  const open = openSections(draft);
  const state = (reachable: boolean, done: boolean, section: EditableSection): SectionState =>
    !reachable ? 'waiting' : !done || draft.editing === section ? 'editing' : 'done';
  return {
    about: state(true, draft.aboutDone, 'about'),
    phone: state(open.phone, draft.verifiedPhone !== undefined, 'phone'),
    card: state(open.card, draft.cardLast4 !== undefined, 'card'),
    agreement: open.agreement ? 'editing' : 'waiting',
  };
}

/** The numbered section the person is at: the first not yet done (1 about you, 2 phone, 3 card, 4 agreement). */
export function currentSection(draft: SignupDraft): 1 | 2 | 3 | 4 {
  if (!draft.aboutDone) return 1;
  if (draft.verifiedPhone === undefined) return 2;
  return draft.cardLast4 === undefined ? 3 : 4;
}

/** Which sections are open: each opens when the one before it is complete, as the 2017 page did. */
export function openSections(draft: SignupDraft) {
  const phone = draft.aboutDone;
  const card = phone && draft.verifiedPhone !== undefined;
  const agreement = card && draft.cardLast4 !== undefined;
  return { phone, card, agreement };
}
