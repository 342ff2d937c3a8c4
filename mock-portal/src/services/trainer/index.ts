import express, { type Response, type Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import { renderFragment, renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import { OFFERS } from '../../world/model.js';
import type { WorldEntry, WorldRegistry } from '../../world/registry.js';
import { worldVerdict, type Verdict } from '../../world/verdict.js';
import { directoryDiagram } from '../../views/diagram.js';
import { trainerAccess } from './access.js';

/** One world as a row of the class list. */
interface WorldRow {
  readonly code: string;
  readonly lastUsedAt: string;
  readonly minutesAgo: number;
  readonly signedIn: readonly string[];
  readonly subscriptions: readonly { offerId: string; offer: string; directory: string; owner: string }[];
  readonly verdict: Verdict;
}

function rowOf({ world, lastUsedAt, signedIn }: WorldEntry, now: number): WorldRow {
  // Every world has the seed's own subscriptions: a row names only what its learner signed up for.
  const subscriptions = world.signedUpSubscriptions();
  return {
    code: world.code,
    lastUsedAt: new Date(lastUsedAt).toISOString(),
    minutesAgo: Math.max(0, Math.floor((now - lastUsedAt) / 60_000)),
    signedIn: signedIn.map((account) => account.signInName),
    subscriptions: subscriptions.map((s) => ({
      offerId: s.offerId,
      offer: OFFERS[s.offerId].name,
      directory: world.directory(s.directoryId)?.name ?? '',
      owner: world.account(s.accountAdminId)?.signInName ?? '',
    })),
    verdict: worldVerdict(world),
  };
}

function classOf(registry: WorldRegistry) {
  const now = Date.now();
  const rows = registry.entries().map((entry) => rowOf(entry, now));
  const count = (verdict: Verdict) => rows.filter((row) => row.verdict === verdict).length;
  return { rows, counts: { done: count('done'), trap: count('trap'), 'not-yet': count('not-yet') } };
}

/**
 * /trainer: for the person running the mock, behind the trainer key. Every live world with its
 * verdict for the article (done, in the trap, not yet), updating by itself (a script of this
 * origin fetches the list again: no inline script, as the CSP requires); each world read-only;
 * the list as CSV.
 */
export function trainerService(registry: WorldRegistry, key: string): Router {
  const router = express.Router();
  router.use(noStore, ...trainerAccess(key));

  const page = (res: Response, view: string, title: string, locals: Record<string, unknown>) =>
    renderPage(res, `trainer/views/${view}`, { title, ...locals });

  router.get('/', async (_req, res) => {
    await page(res, 'trainer', res.locals.t('trainer.title'), classOf(registry));
  });

  router.get('/live', (_req, res) => {
    res.type('html').send(renderFragment('trainer/views/_class', { ...res.locals, ...classOf(registry) }));
  });

  router.get('/worlds.csv', (_req, res) => {
    const { rows } = classOf(registry);
    const csv = stringify(
      rows.map((row) => [
        row.code,
        row.verdict,
        row.lastUsedAt,
        row.signedIn.join(' '),
        row.subscriptions.map((s) => `${s.offer} in ${s.directory} (${s.owner})`).join('; '),
      ]),
      {
        header: true,
        columns: ['world', 'verdict', 'last_used', 'signed_in', 'azure_subscriptions'],
        escape_formulas: true,
      },
    );
    res.attachment('class.csv').type('text/csv; charset=utf-8').send(csv);
  });

  router.get('/worlds/:code', async (req, res, next) => {
    const world = registry.worldByCode(req.params.code.toUpperCase());
    if (!world) {
      next();
      return;
    }
    const { t } = res.locals;
    const directories = world
      .snapshot()
      .directories.slice(0, 20)
      .flatMap((directory) => {
        const diagram = directoryDiagram(world, directory.id, t);
        return diagram ? [{ name: directory.name, diagram }] : [];
      });
    await page(res, 'world', t('trainer.world.title', { code: world.code }), {
      code: world.code,
      verdict: worldVerdict(world),
      directories,
    });
  });

  return router;
}
