import type { RequestHandler } from 'express';
import type { WorldRegistry } from '../world/registry.js';
import { cookieOf } from './cookies.js';
import { MESSAGE_VIEW, renderPage } from './render.js';

/** The cookie a test puts in its browser context to act in its own world (test mode only). */
export const WORLD_COOKIE = 'mock-world';

/**
 * Chooses the world a browser acts in. Outside test mode that is always the shared world; in test
 * mode a `mock-world` cookie names the test's own. A cookie naming a deleted world gets a page that
 * says so, rather than silently acting in another world.
 */
export function worldSelection(registry: WorldRegistry, testMode: boolean): RequestHandler {
  return (req, res, next) => {
    const wanted = testMode ? cookieOf(req, WORLD_COOKIE) : undefined;
    if (typeof wanted !== 'string' || wanted === '') {
      req.world = registry.shared;
      next();
      return;
    }
    const world = registry.testWorld(wanted);
    if (world) {
      req.world = world;
      next();
      return;
    }
    const { t } = res.locals;
    void renderPage(
      res,
      MESSAGE_VIEW,
      {
        title: t('error.worldGone.title'),
        heading: t('error.worldGone.title'),
        message: t('error.worldGone.body'),
        action: { href: '/scenarios', label: t('layout.scenarios') },
      },
      410,
    ).catch(next);
  };
}
