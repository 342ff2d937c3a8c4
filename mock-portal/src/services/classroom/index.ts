import express, { type Request, type Response, type Router } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import type { ClassMembership } from '../../http/class-membership.js';
import { csrfProtection } from '../../http/csrf.js';
import { renderMessage, renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import { serviceSession, type LimitStoreFor, type SessionStoreFor } from '../../http/sessions.js';
import type { MessageKey } from '../../i18n/index.js';
import { LEARNER_NAME_MAX, type Classes, type Classroom } from '../../world/classroom.js';
import { CLASSES_IN_THIS_PROCESS, type SharedClasses } from '../../world/shared-worlds.js';
import type { World } from '../../world/world.js';

/** Class codes that name no class, one address may try per quarter of an hour (a class behind one router shares it). */
export const WRONG_CLASS_CODES_PER_QUARTER_HOUR = 30;

export interface ClassroomOptions {
  readonly classes: Classes;
  readonly membership: ClassMembership;
  /** Gives the browser a new world and calls `then`, or answers with why it cannot (world-selection.ts). */
  readonly newWorld: (req: Request, res: Response, then: (world: World) => void) => Promise<void>;
  /** The classes every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedClasses | undefined;
  readonly secret: string;
  readonly secureCookies: boolean;
  readonly sessionStore?: SessionStoreFor | undefined;
  readonly limitStore?: LimitStoreFor | undefined;
}

declare module 'express-session' {
  interface SessionData {
    /** Shown once on the class page after joining or renaming. */
    classNotice: MessageKey;
  }
}

/**
 * /class: where a learner joins a trainer's class. The join link (or the code typed on the
 * Scenarios page) asks for the name the trainer will see; joining gives the browser a fresh world,
 * and every world it uses afterwards is this learner's in that class. Codes that name no class
 * are rate-limited per address, like wrong trainer keys.
 */
export function classroomService(options: ClassroomOptions): Router {
  const { classes, membership } = options;
  const router = express.Router();
  router.use(
    noStore,
    serviceSession({
      name: 'class.sid',
      path: '/class',
      secret: options.secret,
      secure: options.secureCookies,
      store: options.sessionStore,
    }),
    // Large enough that a name far too long reaches the check that says so, rather than a bare 413.
    express.urlencoded({ extended: false, limit: '128kb', parameterLimit: 5 }),
    ...csrfProtection(),
  );
  /**
   * Only a typed code that names no class counts: a class of a few hundred behind one router,
   * joining at once, never does (counting every code and taking the right ones back once answered
   * let a class at once past the limit before any was taken back). Past the limit, every code from
   * the address is refused for the rest of the window, the right one included.
   */
  const typedCode = (req: Request) => (typeof req.params.code === 'string' ? req.params.code : req.query.code);
  const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? '');
  const guesses: RateLimitRequestHandler = rateLimit({
    ...(options.limitStore ? { store: options.limitStore('class-code') } : {}),
    windowMs: 15 * 60_000,
    limit: WRONG_CLASS_CODES_PER_QUARTER_HOUR,
    skip: async (req) => {
      const code = typedCode(req);
      if (code === undefined) return true;
      if (classes.byCode(code) === undefined) return false;
      // An address never counted reads as no count here and as NaN from rate-limit-redis.
      const hits = (await guesses.getKey(addressOf(req)))?.totalHits;
      return !(Number.isFinite(hits) && Number(hits) >= WRONG_CLASS_CODES_PER_QUARTER_HOUR);
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: addressOf,
    handler: (_req, res) => {
      renderMessage(res, 429, { title: 'class.tooMany.title', body: 'class.tooMany.body' });
    },
  });

  const shared = options.shared ?? CLASSES_IN_THIS_PROCESS;
  // Every page here reads the classes: the newest, whichever process changed them.
  router.use(async (_req, _res, next) => {
    await shared.read();
    next();
  });

  const page = (res: Response, view: string, locals: { title: string } & Record<string, unknown>, status = 200) =>
    renderPage(res, `classroom/views/${view}`, { site: 'marketing', ...locals }, status);

  router.get('/', guesses, async (req, res) => {
    if (typeof req.query.code === 'string') {
      const classroom = classes.byCode(req.query.code);
      if (classroom) return res.redirect(303, `/class/${classroom.code}`);
      return noSuchClass(res);
    }
    const notice = req.session.classNotice;
    delete req.session.classNotice;
    await page(res, 'class', {
      title: res.locals.t('class.title'),
      notice: notice ? res.locals.t(notice) : undefined,
      membership: req.learner,
      nameMax: LEARNER_NAME_MAX,
    });
  });

  router.post('/name', async (req, res) => {
    if (!req.learner) return res.redirect(303, '/class');
    const body = req.body as Record<string, unknown>;
    const learnerId = req.learner.learner.id;
    const renamed = await shared.change(() => classes.rename(learnerId, body.name));
    if (!renamed.ok) {
      return page(
        res,
        'class',
        {
          title: res.locals.t('class.title'),
          membership: req.learner,
          nameMax: LEARNER_NAME_MAX,
          nameError: res.locals.t(`class.name.${renamed.problem}` as MessageKey, { max: LEARNER_NAME_MAX }),
          typedName: typeof body.name === 'string' ? body.name.slice(0, LEARNER_NAME_MAX * 4) : '',
        },
        422,
      );
    }
    req.session.classNotice = 'class.renamed';
    res.redirect(303, '/class');
  });

  router.post('/leave', (req, res) => {
    membership.leave(res);
    req.session.classNotice = 'class.left';
    res.redirect(303, '/class');
  });

  router.get('/:code', guesses, async (req, res) => {
    const classroom = classes.byCode(req.params.code);
    if (!classroom) return noSuchClass(res);
    if (classroom.endedAt !== undefined) return ended(res);
    await joinPage(req, res, classroom);
  });

  router.post('/:code', guesses, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const joined = await shared.change(() => classes.join(req.params.code, body.name));
    if (!joined.ok) {
      if (joined.problem === 'no-such-class') return noSuchClass(res);
      if (joined.problem === 'ended') return ended(res);
      const classroom = classes.byCode(req.params.code);
      if (!classroom) return noSuchClass(res);
      return joinPage(req, res, classroom, {
        status: 422,
        nameError: res.locals.t(`class.name.${joined.problem}` as MessageKey, { max: LEARNER_NAME_MAX }),
        typedName: typeof body.name === 'string' ? body.name.slice(0, LEARNER_NAME_MAX * 4) : '',
      });
    }
    membership.admit(req, res, joined.learner.id);
    const welcome = () => {
      req.session.classNotice = 'class.joined';
      res.redirect(303, '/class');
    };
    // A learner starts the class in a fresh world: nothing they rehearsed before is in their row. A
    // browser that had none was just given one by this very post: that one is theirs.
    if (req.madeWorld) {
      await membership.entered(req, req.world);
      welcome();
      return;
    }
    await options.newWorld(req, res, welcome);
  });

  const joinPage = (
    req: Request,
    res: Response,
    classroom: Classroom,
    problem: { status: number; nameError: string; typedName: string } | undefined = undefined,
  ) =>
    page(
      res,
      'join',
      {
        title: res.locals.t('class.join.heading'),
        classroom,
        already: req.learner?.classroom.id === classroom.id ? req.learner.learner : undefined,
        nameMax: LEARNER_NAME_MAX,
        nameError: problem?.nameError,
        typedName: problem?.typedName ?? '',
      },
      problem?.status ?? 200,
    );

  return router;
}

function noSuchClass(res: Response): void {
  renderMessage(
    res,
    404,
    { title: 'class.noSuch.title', body: 'class.noSuch.body' },
    { href: '/class', label: res.locals.t('class.noSuch.action') },
  );
}

function ended(res: Response): void {
  renderMessage(res, 410, { title: 'class.ended.title', body: 'class.ended.body' });
}
