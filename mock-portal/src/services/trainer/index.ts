import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { csrfProtection } from '../../http/csrf.js';
import { renderFragment, renderPage } from '../../http/render.js';
import { noStore } from '../../http/security.js';
import { serviceSession, type LimitStoreFor, type SessionStoreFor } from '../../http/sessions.js';
import type { MessageKey } from '../../i18n/index.js';
import { CLASS_NAME_MAX, type Classes, type Classroom } from '../../world/classroom.js';
import type { WorldRegistry } from '../../world/registry.js';
import { CLASSES_IN_THIS_PROCESS, type SharedClasses, type SharedWorlds } from '../../world/shared-worlds.js';
import { worldVerdict } from '../../world/verdict.js';
import { directoryDiagram } from '../../views/diagram.js';
import { trainerAccess } from './access.js';
import { learnersCsv, worldsCsv } from './csv.js';
import { allWorlds, learnersOf } from './rows.js';

export interface TrainerOptions {
  readonly registry: WorldRegistry;
  readonly classes: Classes;
  readonly key: string;
  /** Where the mock is reached, for a class's join link. */
  readonly publicUrl: string;
  readonly secret: string;
  readonly secureCookies: boolean;
  readonly sessionStore?: SessionStoreFor | undefined;
  readonly limitStore?: LimitStoreFor | undefined;
  /** The worlds and classes every process serves, when there are several (REDIS_URL). */
  readonly sharedWorlds?: SharedWorlds | undefined;
  readonly sharedClasses?: SharedClasses | undefined;
}

/**
 * /trainer: for the person running the mock, behind the trainer key. Classes: start one (its join
 * link and code), one row per learner with how far each got, end it, each as CSV. Beside them,
 * every live world with its verdict, as before classes. Lists update by themselves (a script of
 * this origin fetches them again: no inline script, as the CSP requires); each world read-only.
 */
export function trainerService(options: TrainerOptions): Router {
  const { registry, classes } = options;
  const sharedClasses = options.sharedClasses ?? CLASSES_IN_THIS_PROCESS;
  const router = express.Router();
  router.use(
    noStore,
    ...trainerAccess(options.key, options.limitStore),
    serviceSession({
      name: 'trainer.sid',
      path: '/trainer',
      secret: options.secret,
      secure: options.secureCookies,
      store: options.sessionStore,
    }),
    // Large enough that a name far too long reaches the check that says so, rather than a bare 413.
    express.urlencoded({ extended: false, limit: '128kb', parameterLimit: 5 }),
    ...csrfProtection(),
    // Every page here reads the classes: the newest, whichever process changed them.
    async (_req: Request, _res: Response, next: NextFunction) => {
      await sharedClasses.read({ everyWorld: true });
      next();
    },
  );
  /** Every world, newest copies (other processes' changes included). */
  const everyWorld = async () => {
    await options.sharedWorlds?.readAll();
    return allWorlds(registry);
  };
  /** A class's learners, with the newest copies of their worlds. */
  const learnersNow = async (classroom: Classroom) => {
    await options.sharedWorlds?.readMany(classroom.learners.flatMap((learner) => learner.worldId ?? []));
    return learnersOf(classroom, registry);
  };

  const page = (res: Response, view: string, title: string, locals: Record<string, unknown>, status = 200) =>
    renderPage(res, `trainer/views/${view}`, { title, ...locals }, status);

  const home = async (res: Response, startProblem?: { nameError: string; typedName: string }) =>
    page(
      res,
      'trainer',
      res.locals.t('trainer.title'),
      {
        ...(await everyWorld()),
        classes: classes.list().map((classroom) => ({ ...classroom, open: classroom.endedAt === undefined })),
        nameMax: CLASS_NAME_MAX,
        nameError: startProblem?.nameError ?? '',
        typedName: startProblem?.typedName ?? '',
      },
      startProblem ? 422 : 200,
    );

  router.get('/', async (_req, res) => {
    await home(res);
  });

  router.get('/live', async (_req, res) => {
    res.type('html').send(renderFragment('trainer/views/_class', { ...res.locals, ...(await everyWorld()) }));
  });

  router.get('/worlds.csv', async (_req, res) => {
    res
      .attachment('worlds.csv')
      .type('text/csv; charset=utf-8')
      .send(worldsCsv((await everyWorld()).rows));
  });

  router.post('/classes', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const started = await sharedClasses.change(() => classes.start(body.name));
    if (!started.ok) {
      return home(res, {
        nameError: res.locals.t(`trainer.className.${started.problem}` as MessageKey, { max: CLASS_NAME_MAX }),
        typedName: typeof body.name === 'string' ? body.name.slice(0, CLASS_NAME_MAX * 4) : '',
      });
    }
    res.redirect(303, `/trainer/classes/${started.classroom.id}`);
  });

  const classroomOf = (id: string): Classroom | undefined => classes.byId(id);

  router.get('/classes/:id', async (req, res, next) => {
    const classroom = classroomOf(req.params.id);
    if (!classroom) return next();
    await page(res, 'classroom', res.locals.t('trainer.class.title', { name: classroom.name }), {
      classroom,
      open: classroom.endedAt === undefined,
      joinLink: `${options.publicUrl}/class/${classroom.code}`,
      ...(await learnersNow(classroom)),
    });
  });

  router.get('/classes/:id/live', async (req, res, next) => {
    const classroom = classroomOf(req.params.id);
    if (!classroom) return next();
    res
      .type('html')
      .send(renderFragment('trainer/views/_learners', { ...res.locals, ...(await learnersNow(classroom)) }));
  });

  router.get('/classes/:id/learners.csv', async (req, res, next) => {
    const classroom = classroomOf(req.params.id);
    if (!classroom) return next();
    res
      .attachment('learners.csv')
      .type('text/csv; charset=utf-8')
      .send(learnersCsv((await learnersNow(classroom)).rows));
  });

  router.post('/classes/:id/end', async (req, res, next) => {
    const classroom = classroomOf(req.params.id);
    if (!classroom) return next();
    await sharedClasses.change(() => classes.end(classroom.id));
    res.redirect(303, `/trainer/classes/${classroom.id}`);
  });

  router.get('/worlds/:code', async (req, res, next) => {
    const code = req.params.code.toUpperCase();
    await options.sharedWorlds?.readCode(code);
    const world = registry.worldByCode(code);
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
