import express, { type Router } from 'express';
import { renderPage } from '../../http/render.js';
import { SEED_PASSWORD } from '../../world/seed.js';

/** The links under the sign-in fields, each to a page saying what Microsoft's would do. */
const TOPICS = ['cant-access', 'forgot-password'] as const;
type Topic = (typeof TOPICS)[number];
const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);
/** An interaction's uid as oidc-provider makes them; anything else gets no way back into it. */
const UID = /^[A-Za-z0-9_-]{1,64}$/;

/** GET /login/help/:topic: "Can't access your account?" and "Forgot my password", as the mock has them. */
export function helpRoutes(): Router {
  const router = express.Router();
  router.get('/:topic', async (req, res, next) => {
    const { topic } = req.params;
    if (!isTopic(topic)) return next();
    const uid = typeof req.query.uid === 'string' && UID.test(req.query.uid) ? req.query.uid : undefined;
    await renderPage(res, 'login/views/help', {
      site: 'login',
      title: res.locals.t(`login.help.${topic}.heading`),
      topic,
      password: SEED_PASSWORD,
      back: uid ? `/login/interaction/${uid}/username` : '/',
    });
  });
  return router;
}
