import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { WorldRegistry } from '../world/registry.js';
import { createSeedWorld } from '../world/seed.js';
import type { World } from '../world/world.js';
import { cookieOf } from './cookies.js';
import type { LimitStoreFor } from './sessions.js';
import type { SharedWorlds } from '../world/shared-worlds.js';
import { renderMessage } from './render.js';
import { holdTurn } from './saved-before-answer.js';
import { WORLD_COOKIE } from '../contract.js';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface WorldSelectionOptions {
  readonly secureCookies: boolean;
  /** New worlds one address may make per ten minutes (a class behind one router shares an address). */
  readonly newWorldsPerAddress: number;
  /** Told every time a browser uses a world of its own (a learner's row follows it). */
  readonly entered?: (req: Request, world: World) => void | Promise<void>;
  /** Where the new-world limit counts, when processes share it. */
  readonly limitStore?: LimitStoreFor | undefined;
  /** The worlds every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedWorlds | undefined;
}

/**
 * Gives every browser a world of its own, by one mechanism for people and tests: the world cookie
 * names it (a test's comes from the test API, a person's from here).
 *
 * A browser with no world reads the seeded world, unchanged, until it first does something that
 * changes state (a form it posts, its first sign-in's user name): then it gets a world. A client
 * that sends no cookies at all could never come back to a world, so it is given none: crawlers,
 * health checks and load tests create nothing. New worlds are limited per address, and a full
 * registry refuses a new world rather than push out one in use.
 */
export class WorldSelection {
  readonly #registry: WorldRegistry;
  readonly #options: WorldSelectionOptions;
  readonly #newWorldLimit: RequestHandler;

  constructor(registry: WorldRegistry, options: WorldSelectionOptions) {
    this.#registry = registry;
    this.#options = options;
    this.#newWorldLimit = rateLimit({
      ...(options.limitStore ? { store: options.limitStore('new-world') } : {}),
      windowMs: 10 * 60_000,
      limit: options.newWorldsPerAddress,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
      handler: (_req, res) => {
        refuse(res, 429, 'world.tooMany');
      },
    });
  }

  /** Sets `req.world` (and the footer's world code), making the browser's world when it first needs one. */
  middleware(): RequestHandler {
    return async (req, res, next) => {
      const wanted = cookieOf(req, WORLD_COOKIE);
      if (typeof wanted === 'string' && wanted !== '') {
        const world = await this.#take(req, wanted);
        if (!world) {
          res.clearCookie(WORLD_COOKIE, { path: '/' });
          refuse(res, 410, 'world.gone', { href: '/', label: res.locals.t('world.gone.action') });
          return;
        }
        await this.#use(req, res, world);
        next();
        return;
      }
      if (SAFE_METHODS.has(req.method)) {
        req.world = this.#registry.seeded;
        res.locals.worldCode = '';
        next();
        return;
      }
      if (!sendsCookies(req)) {
        // A client that keeps no cookies (the relying parties' own back channel among them) gets
        // a copy of the seed that no one will ever see again: whatever it changes is thrown away.
        req.world = createSeedWorld();
        next();
        return;
      }
      await this.newWorld(req, res, () => next());
    };
  }

  /**
   * Gives this browser a new world and calls `then`, or answers with why not: it sends no cookies
   * (400), its address made too many (429), or every world is in use (503).
   */
  async newWorld(req: Request, res: Response, then: (world: World) => void): Promise<void> {
    if (!sendsCookies(req)) {
      refuse(res, 400, 'world.noCookies');
      return;
    }
    let allowed = false;
    let failed: Error | undefined;
    await this.#newWorldLimit(req, res, (error?: unknown) => {
      if (error) failed = error instanceof Error ? error : new Error('the new-world limit failed', { cause: error });
      else allowed = true;
    });
    if (failed) throw failed;
    if (!allowed) return;
    const shared = this.#options.shared;
    const world = shared && !(await shared.roomForOneMore()) ? undefined : this.#registry.createWorld();
    if (!world) {
      res.set('Retry-After', '600');
      refuse(res, 503, 'world.full');
      return;
    }
    res.cookie(WORLD_COOKIE, world.id, this.#cookieOptions());
    req.madeWorld = true;
    await this.#use(req, res, world);
    then(world);
  }

  /**
   * `/worlds/join/:id`: the link "Open this world in another window". The browser that opens it
   * acts in that world from now on, signed in as nobody. A link to no world changes nothing.
   */
  joinRoutes(): Router {
    const router = express.Router();
    router.get('/join/:id', async (req, res) => {
      const world = await this.#take(req, req.params.id);
      if (!world) {
        refuse(res, 410, 'world.gone', { href: '/', label: res.locals.t('world.gone.action') });
        return;
      }
      res.cookie(WORLD_COOKIE, world.id, this.#cookieOptions());
      res.redirect(303, '/');
    });
    return router;
  }

  /** The world this id names, for this request only until its answer leaves when processes share worlds. */
  async #take(req: Request, id: string): Promise<World | undefined> {
    const shared = this.#options.shared;
    if (shared) {
      const turn = await shared.take(id);
      if (!turn) return undefined;
      holdTurn(req, turn);
    }
    return this.#registry.world(id);
  }

  async #use(req: Request, res: Response, world: World): Promise<void> {
    req.world = world;
    res.locals.worldCode = world.code;
    await this.#options.entered?.(req, world);
  }

  #cookieOptions() {
    return {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.#options.secureCookies,
      maxAge: THIRTY_DAYS_MS,
    };
  }
}

/** Whether the client sent any cookie at all: one that sends none can never come back to a world. */
export function sendsCookies(req: Request): boolean {
  return Object.keys((req.cookies as object | undefined) ?? {}).length > 0;
}

type RefusalKey = 'world.gone' | 'world.noCookies' | 'world.tooMany' | 'world.full';

/** A page that says why this browser has no world, in its language; nothing changed. */
function refuse(res: Response, status: number, key: RefusalKey, action?: { href: string; label: string }): void {
  renderMessage(res, status, { title: `${key}.title`, body: `${key}.body` }, action);
}
