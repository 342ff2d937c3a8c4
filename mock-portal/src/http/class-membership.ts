import type { Request, RequestHandler, Response } from 'express';
import type { Classes } from '../world/classroom.js';
import { CLASSES_IN_THIS_PROCESS, type SharedClasses } from '../world/shared-worlds.js';
import type { World } from '../world/world.js';
import { cookieOf } from './cookies.js';
import { LEARNER_COOKIE } from '../contract.js';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Which learner of which class a browser is: set when it joins a class, dropped when it leaves or
 * its class ends. The world selection tells it every world the browser uses, so a learner's row
 * always shows the world they are in now.
 */
export class ClassMembership {
  readonly #classes: Classes;
  readonly #secureCookies: boolean;
  readonly #shared: SharedClasses;

  constructor(classes: Classes, options: { secureCookies: boolean; shared?: SharedClasses | undefined }) {
    this.#classes = classes;
    this.#secureCookies = options.secureCookies;
    this.#shared = options.shared ?? CLASSES_IN_THIS_PROCESS;
  }

  /** Sets `req.learner` while the browser's class is open; a learner of an ended or forgotten class leaves it. */
  middleware(): RequestHandler {
    return async (req, res, next) => {
      const learnerId = cookieOf(req, LEARNER_COOKIE);
      if (typeof learnerId === 'string' && learnerId !== '') {
        // A learner this process knows is read again at most once a second: a class at once asks
        // on every request, and only an ended class or a new name could have changed.
        await this.#shared.read({ maxAgeMs: this.#classes.membership(learnerId) ? 1_000 : 0 });
        const membership = this.#classes.membership(learnerId);
        if (membership) req.learner = membership;
        else this.leave(res);
      }
      next();
    };
  }

  /** The browser uses this world: it is its learner's world from now on. */
  async entered(req: Request, world: World): Promise<void> {
    const learner = req.learner?.learner;
    // Most requests are in the world the row already shows: nothing to change, nobody to wait for.
    if (!learner || learner.worldId === world.id) return;
    this.#classes.entered(learner.id, world.id);
    await this.#shared.saved();
  }

  /** From now on this browser is this learner. */
  admit(req: Request, res: Response, learnerId: string): void {
    res.cookie(LEARNER_COOKIE, learnerId, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.#secureCookies,
      maxAge: THIRTY_DAYS_MS,
    });
    req.learner = this.#classes.membership(learnerId);
  }

  leave(res: Response): void {
    res.clearCookie(LEARNER_COOKIE, { path: '/' });
  }
}
