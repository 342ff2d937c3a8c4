import express, { type Router } from 'express';
import { renderPage } from '../../http/render.js';
import { scenariosRouter, type ScenariosOptions } from './scenarios.js';

/** azure.microsoft.com at the root: the home page with Start free, the free-account page, and Scenarios. */
export function marketingService(options: ScenariosOptions): Router {
  const router = express.Router();

  router.get('/', async (_req, res) => {
    const { t } = res.locals;
    await renderPage(res, 'marketing/views/home', { site: 'marketing', title: t('home.title') });
  });

  router.get('/free', async (_req, res) => {
    const { t } = res.locals;
    await renderPage(res, 'marketing/views/free', { site: 'marketing', title: t('free.title') });
  });

  router.use('/scenarios', scenariosRouter(options));
  return router;
}
