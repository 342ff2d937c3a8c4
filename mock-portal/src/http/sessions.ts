import session from 'express-session';
import createMemoryStore from 'memorystore';
import type { RequestHandler } from 'express';

const MemoryStore = createMemoryStore(session);
const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

/** memorystore's internal LRU: get and set with a time to live. */
interface LruLike {
  get(key: string): unknown;
  set(key: string, value: unknown, maxAge: number): void;
}

/**
 * memorystore, touched cheaply. express-session touches the store on every request that did not
 * change the session, and memorystore's touch parses and re-serialises the whole session to
 * copy in a cookie that, here, never changes (browser-session cookies carry no expiry). Re-setting
 * the stored string with a fresh time to live keeps the same behaviour at a fraction of the cost.
 */
class SessionStore extends MemoryStore {
  override touch(sid: string, _session: session.SessionData, callback?: () => void): void {
    const lru = (this as unknown as { store: LruLike }).store;
    const stored = lru.get(sid);
    if (stored !== undefined) lru.set(sid, stored, TWO_HOURS_MS);
    callback?.();
  }
}

export interface SessionOptions {
  /** The cookie's name: one per service, as the real sites each have their own. */
  readonly name: string;
  /** The service's path prefix, so a service never sees another's cookie. */
  readonly path: string;
  readonly secret: string;
  readonly secure: boolean;
}


/**
 * A service's session: its own cookie and its own bounded store, pruned every minute. The cookie
 * lasts as long as the browser session (as the real sites' do); the store forgets it after two
 * hours. Staying signed in across a browser restart is the login service's job ("Stay signed in?").
 */
export function serviceSession(options: SessionOptions): RequestHandler {
  return session({
    name: options.name,
    secret: options.secret,
    store: new SessionStore({ checkPeriod: 60_000, max: 20_000, ttl: TWO_HOURS_MS }),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: { path: options.path, httpOnly: true, sameSite: 'lax', secure: options.secure },
  });
}

/** Starts a new session id (at sign-in and sign-out) so an old id can never be reused. */
export function regenerate(req: Express.Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error?: Error) => (error ? reject(error) : resolve()));
  });
}

export function destroy(req: Express.Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.destroy((error?: Error) => (error ? reject(error) : resolve()));
  });
}
