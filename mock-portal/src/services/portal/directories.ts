import express, { type Router } from 'express';
import { MESSAGE_VIEW, renderPage } from '../../http/render.js';
import { currentDirectory, portalPage } from './context.js';
import { directoryDiagram } from '../../views/diagram.js';
import { directoryForm } from './forms.js';

/** Switch directory, the directory overview diagram, the admin center, Help + support, and "Create a virtual machine". */
export function directoryRoutes(): Router {
  const router = express.Router();

  router.get('/directories', async (req, res) => {
    const { directory, memberships } = currentDirectory(req);
    await portalPage(req, res, 'directories', res.locals.t('portal.directories.heading'), {
      memberships,
      current: directory,
    });
  });

  router.post('/directories', (req, res) => {
    const form = directoryForm.safeParse(req.body);
    const chosen = form.success
      ? currentDirectory(req).memberships.find((m) => m.directory.id === form.data.directoryId)
      : undefined;
    if (chosen) {
      req.session.directoryId = chosen.directory.id;
      req.session.notice = res.locals.t('portal.directories.switched', { directory: chosen.directory.name });
    }
    res.redirect(303, chosen ? '/portal/subscriptions' : '/portal/directories');
  });

  router.get('/directory-overview', async (req, res) => {
    const { directory } = currentDirectory(req);
    const diagram = directory ? directoryDiagram(req.user.world, directory.id, res.locals.t) : undefined;
    await portalPage(req, res, 'directory-overview', res.locals.t('portal.nav.directoryOverview'), { diagram });
  });

  router.get('/admin-center', async (req, res) => {
    const { t } = res.locals;
    if (!res.locals.isDirectoryAdmin) {
      await renderPage(
        res,
        MESSAGE_VIEW,
        {
          site: 'portal',
          title: t('portal.nav.adminCenter'),
          heading: t('portal.nav.adminCenter'),
          message: t('portal.admin.notAdmin'),
          action: { href: '/portal/subscriptions', label: t('portal.subscriptions') },
        },
        403,
      );
      return;
    }
    await portalPage(req, res, 'admin-center', t('portal.nav.adminCenter'));
  });

  // Help + support, where the article's closing section sends readers with a problem it does not solve.
  router.get('/help', async (req, res) => {
    await portalPage(req, res, 'help', res.locals.t('portal.nav.help'));
  });

  router.get('/create/virtual-machine', async (req, res) => {
    const { directory } = currentDirectory(req);
    const usable = directory
      ? req.user.world
          .subscriptionsVisibleTo(req.user.account.id, directory.id)
          .filter((v) => v.myRole === 'Owner' || v.myRole === 'Contributor')
      : [];
    await portalPage(req, res, 'create-vm', res.locals.t('portal.vm.heading'), { usable });
  });

  return router;
}
