import type { Account } from '../../world/model.js';
import type { World } from '../../world/world.js';

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

declare module 'express-session' {
  interface SessionData {
    identity: SignedInIdentity;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own augmentation point
  namespace Express {
    interface Request {
      /** Set by a relying party's sign-in guard: who the verified ID token names, in which world. */
      user: SignedInUser;
    }
  }
}
