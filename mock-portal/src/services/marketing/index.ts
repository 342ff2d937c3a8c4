import express, { type Router } from 'express';
import { csrfProtection } from '../../http/csrf.js';
import { startAgainAt } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import { serviceSession } from '../../http/sessions.js';
import { SEED_ACCOUNTS, SEED_PASSWORD } from '../../world/seed.js';
import type { WorldRegistry } from '../../world/registry.js';

/** azure.microsoft.com at the root: the home page with Start free, the free-account page, and Scenarios. */
export function marketingService(registry: WorldRegistry, options: { secret: string; secureCookies: boolean }): Router {
  const router = express.Router();

  router.get('/', async (_req, res) => {
    const { t } = res.locals;
    await renderPage(res, 'marketing/views/home', { chrome: 'marketing', title: t('home.title') });
  });

  router.get('/free', async (_req, res) => {
    const { t } = res.locals;
    await renderPage(res, 'marketing/views/free', { chrome: 'marketing', title: t('free.title') });
  });

  const scenarios = express.Router();
  scenarios.use(
    startAgainAt('/scenarios'),
    serviceSession({ name: 'azure.sid', path: '/scenarios', secret: options.secret, secure: options.secureCookies }),
    noStore,
    express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }),
    ...csrfProtection(),
  );

  scenarios.get('/', async (req, res) => {
    const { t } = res.locals;
    const snapshot = req.world.snapshot();
    const directoryName = (id: string | undefined) => snapshot.directories.find((d) => d.id === id)?.name;
    const accountName = (id: string) => snapshot.accounts.find((a) => a.id === id)?.signInName ?? id;
    const notice = req.session.notice;
    delete req.session.notice;
    await renderPage(res, 'marketing/views/scenarios', {
      chrome: 'marketing',
      title: t('scenarios.title'),
      password: SEED_PASSWORD,
      notice,
      accounts: SEED_ACCOUNTS.map((seed) => {
        const account = snapshot.accounts.find((a) => a.signInName === seed.signInName && a.kind === seed.kind);
        return { ...seed, directory: directoryName(account?.homeDirectoryId) };
      }),
      subscriptions: snapshot.subscriptions.map((s) => ({
        ...s,
        directory: directoryName(s.directoryId),
        owner: accountName(s.accountAdminId),
      })),
    });
  });

  scenarios.post('/reset', (req, res) => {
    registry.reset(req.world);
    req.session.notice = res.locals.t('scenarios.resetDone');
    res.redirect(303, '/scenarios');
  });

  router.use('/scenarios', scenarios);
  return router;
}
