import express, { type Request, type Response, type Router } from 'express';
import { csrfProtection } from '../../http/csrf.js';
import { startAgainAt } from '../../http/errors.js';
import { renderPage } from '../../http/render.js';
import type { ScenarioSignIns } from '../../http/scenario-sign-ins.js';
import { noStore } from '../../http/security.js';
import { sendsCookies } from '../../http/world-selection.js';
import { serviceSession, type SessionStoreFor } from '../../http/sessions.js';
import { SEED_ACCOUNTS, SEED_PASSWORD } from '../../world/seed.js';
import type { WorldRegistry } from '../../world/registry.js';
import { checkWalks } from '../../world/verdict.js';
import { WALK_DETAILS, WALKS } from '../../world/walks.js';
import type { World } from '../../world/world.js';
import { worldTransferRoutes } from './world-transfer.js';

declare module 'express-session' {
  interface SessionData {
    /** What went wrong with the last import, shown once on the Scenarios page. */
    importProblem: string;
  }
}

export interface ScenariosOptions {
  readonly registry: WorldRegistry;
  /** Gives the browser a new world and calls `then`, or answers with why it cannot (world-selection.ts). */
  readonly newWorld: (req: Request, res: Response, then: (world: World) => void) => Promise<void>;
  readonly scenarioSignIns: ScenarioSignIns;
  /** Where the mock is reached, for the link that opens this world in another window. */
  readonly publicUrl: string;
  readonly secret: string;
  readonly secureCookies: boolean;
  readonly sessionStore?: SessionStoreFor | undefined;
  /** The certificate of the authority that signs Microsoft's host names (PEM), for people to download and trust. */
  readonly certificateAuthority?: string;
}

/** Where the certificate authority is downloaded: beside the Scenarios page, which links to it. */
export const CERTIFICATE_AUTHORITY_FILE = 'mock-azure-portal-ca.pem';

/** A cookie that only says cookies work, for a scenario link opened by a client that sent none. */
const PROBE_COOKIE = 'mock-probe';

/**
 * The Scenarios page: the seeded accounts, this browser's world (its code, Start over, a link to
 * open it elsewhere, download and load), and the walks: links that give a fresh world set up for
 * one walk, and Check my work for each.
 */
export function scenariosRouter(options: ScenariosOptions): Router {
  const { registry, certificateAuthority } = options;
  const scenarios = express.Router();
  // A certificate is public: no session, nothing to protect.
  if (certificateAuthority)
    scenarios.get(`/${CERTIFICATE_AUTHORITY_FILE}`, (_req, res) => {
      res.type('application/x-pem-file').attachment(CERTIFICATE_AUTHORITY_FILE).send(certificateAuthority);
    });
  scenarios.use(
    startAgainAt('/scenarios'),
    serviceSession({
      name: 'azure.sid',
      path: '/scenarios',
      secret: options.secret,
      secure: options.secureCookies,
      store: options.sessionStore,
    }),
    noStore,
  );

  // Before the CSRF check: a walk's link is a GET that anyone may share, and the import is multipart.
  scenarios.get('/:walk', async (req, res, next) => {
    const walk = WALKS.find((name) => name === req.params.walk);
    if (!walk) {
      next();
      return;
    }
    if (!sendsCookies(req)) {
      if (req.query.probe === undefined) {
        res.cookie(PROBE_COOKIE, '1', { path: '/scenarios', httpOnly: true, sameSite: 'lax', maxAge: 60_000 });
        res.redirect(303, `/scenarios/${walk}?probe=1`);
        return;
      }
    }
    await options.newWorld(req, res, (world) => {
      world.madeFor(walk);
      res.clearCookie(PROBE_COOKIE, { path: '/scenarios' });
      res.redirect(303, walkStart(world, WALK_DETAILS[walk].signedInFirst, options.scenarioSignIns));
    });
  });
  scenarios.use(worldTransferRoutes(registry));

  scenarios.use(express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }), ...csrfProtection());

  scenarios.get('/', async (req, res) => {
    const { t } = res.locals;
    const world = req.world;
    const ownWorld = world !== registry.seeded;
    const snapshot = world.snapshot();
    const directoryName = (id: string | undefined) => snapshot.directories.find((d) => d.id === id)?.name;
    const accountName = (id: string) => snapshot.accounts.find((a) => a.id === id)?.signInName ?? id;
    const notice = req.session.notice;
    const importProblem = req.session.importProblem;
    delete req.session.notice;
    delete req.session.importProblem;
    await renderPage(res, 'marketing/views/scenarios', {
      site: 'marketing',
      title: t('scenarios.title'),
      password: SEED_PASSWORD,
      notice,
      importProblem,
      learner: req.learner,
      worldCode: ownWorld ? world.code : '',
      joinLink: ownWorld ? `${options.publicUrl}/worlds/join/${world.id}` : '',
      proxy: certificateAuthority ? { address: options.publicUrl, authority: CERTIFICATE_AUTHORITY_FILE } : undefined,
      walks: checkWalks(world),
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

  scenarios.post('/start-over', (req, res) => {
    registry.reset(req.world);
    req.session.notice = res.locals.t('scenarios.startOverDone');
    res.redirect(303, '/scenarios');
  });

  return scenarios;
}

/**
 * Where a walk starts: the Azure home page, after signing the browser in to the portal as each
 * account the walk needs, one after the other (each sign-in returns to the next).
 */
function walkStart(world: World, signInNames: readonly string[], signIns: ScenarioSignIns): string {
  const accounts = signInNames.flatMap((name) => world.accountsBySignInName(name).slice(0, 1));
  signIns.queue(
    world,
    accounts.map((account) => account.id),
  );
  return accounts.reduceRight(
    (next, account) =>
      `/portal/signin?${new URLSearchParams({ prompt: 'login', login_hint: account.signInName, returnTo: next }).toString()}`,
    '/',
  );
}
