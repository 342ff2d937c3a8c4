import type { Locale, Translate } from '../i18n/index.js';
import type { SignupDraft } from '../services/signup/draft.js';
import type { Account } from '../world/model.js';
import type { World } from '../world/world.js';

/** The verified ID token's claims a relying party keeps for its signed-in user. */
export interface SignedInIdentity {
  readonly oid: string;
  readonly tid: string;
  readonly upn: string;
  readonly name: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly idToken: string;
}

export interface SignedInUser {
  readonly identity: SignedInIdentity;
  readonly world: World;
  readonly account: Account;
}

export interface LoginFlow {
  readonly uid: string;
  readonly signInName: string;
  readonly accountId?: string;
  readonly passwordVerified?: boolean;
}

declare module 'express-session' {
  interface SessionData {
    identity: SignedInIdentity;
    loginFlow: LoginFlow;
    signupDraft: SignupDraft;
    notice: string;
    /** The portal's current directory, chosen with Switch directory. */
    directoryId: string;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** The world this browser acts in: its test world in test mode, otherwise the shared one. */
      world: World;
      /** Set by a relying party's sign-in guard: who the verified ID token names, in which world. */
      user: SignedInUser;
    }
    interface Locals {
      locale: Locale;
      t: Translate;
      /** Links to this same page in each shipped language. */
      languageLinks: { locale: Locale; name: string; href: string; current: boolean }[];
      csrfToken?: string;
      cspNonce?: string;
    }
  }
}
