import type { Request } from 'express';

/** How far one sign-in has got, kept in the login session and tied to its interaction's uid. */
export interface LoginFlow {
  readonly uid: string;
  readonly signInName: string;
  readonly accountId?: string;
  readonly passwordVerified?: boolean;
}

declare module 'express-session' {
  interface SessionData {
    loginFlow: LoginFlow;
  }
}

/** This interaction's sign-in so far; another interaction's (an older tab) counts as none. */
export function flowFor(req: Request, uid: string): LoginFlow | undefined {
  const flow = req.session.loginFlow;
  return flow?.uid === uid ? flow : undefined;
}
