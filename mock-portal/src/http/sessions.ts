import session from 'express-session';
import createMemoryStore from 'memorystore';
import type { RequestHandler } from 'express';
import type { Store as LimitStore } from 'express-rate-limit';

const MemoryStore = createMemoryStore(session);
const TWO_HOURS_MS = 2 * 60 * 60 * 1000;
const PRUNE_PERIOD_MS = 60_000;

/** memorystore's internal LRU (lru-cache 4): get and set with a time to live, and its own prune. */
interface LruLike {
  get(key: string): unknown;
  set(key: string, value: unknown, maxAge: number): void;
  prune(): void;
}

/**
 * memorystore, with two repairs.
 *
 * Pruning: memorystore's periodic prune calls `get` on every entry while walking the LRU from its
 * most recent end, and each `get` moves that entry to the front, so every prune reverses the
 * order: afterwards the newest sessions count as the least recently used, and once the store is
 * full they are the first evicted (sign-ins in progress failed after about a minute at a cap of
 * 1,000). lru-cache's own `prune` drops expired entries without touching the order.
 *
 * Touching: express-session touches the store on every request that did not change the session,
 * and memorystore's touch parses and re-serialises the whole session to copy in a cookie that,
 * here, never changes (browser-session cookies carry no expiry). Re-setting the stored string with
 * a fresh time to live keeps the same behaviour at a fraction of the cost.
 */
export class SessionStore extends MemoryStore {
  // Not a private method: memorystore's constructor starts the interval before this class's own
  // private members exist.
  protected lru(): LruLike {
    return (this as unknown as { store: LruLike }).store;
  }

  /** Drops expired sessions and leaves the others in their order of use. */
  pruneExpired(): void {
    this.lru().prune();
  }

  override startInterval(): void {
    this.stopInterval();
    const period = (this as unknown as { options: { checkPeriod?: number } }).options.checkPeriod;
    if (period === undefined || !(period > 0)) return;
    const timer = setInterval(() => this.pruneExpired(), period);
    timer.unref();
    (this as unknown as { _checkInterval: NodeJS.Timeout })._checkInterval = timer;
  }

  override touch(sid: string, _session: session.SessionData, callback?: () => void): void {
    const lru = this.lru();
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
  /** Sessions kept at once; the least recently used goes first. */
  readonly maxSessions?: number;
  /** Where sessions are kept when other processes must see them too (Redis); in this process by default. */
  readonly store?: SessionStoreFor;
}

/** A service's session store, by its cookie's name, when sessions are shared between processes. */
export type SessionStoreFor = (name: string) => session.Store;

/** A rate limit's counters, by the limit's name, when they are shared between processes. */
export type LimitStoreFor = (name: string) => LimitStore;

/**
 * A service's session: its own cookie and its own bounded store, pruned every minute. The cookie
 * lasts as long as the browser session (as the real sites' do); the store forgets it after two
 * hours. Staying signed in across a browser restart is the login service's job ("Stay signed in?").
 */
export function serviceSession(options: SessionOptions): RequestHandler {
  return session({
    name: options.name,
    secret: options.secret,
    store:
      options.store?.(options.name) ??
      new SessionStore({ checkPeriod: PRUNE_PERIOD_MS, max: options.maxSessions ?? 20_000, ttl: TWO_HOURS_MS }),
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
