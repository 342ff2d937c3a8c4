import { Session } from 'node:inspector/promises';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Classes } from '../world/classroom.js';
import { signInNameSchema } from '../world/sign-in-name.js';
import { PICTURE_WORLDS } from '../world/provenance.js';
import { CLASSES_IN_THIS_PROCESS, type SharedClasses, type SharedWorlds } from '../world/shared-worlds.js';
import type { WorldRegistry } from '../world/registry.js';
import type { RequestTiming } from './timing.js';

const signInName = signInNameSchema;

/** A world to make: the seed, optional extra organisations, and what must already be done in it. */
const worldSpec = z.strictObject({
  extraOrganisations: z.number().int().min(0).max(200).optional(),
  /** The n-th picture world: fixed ids, code and clock, so that screenshots compare (provenance.ts). */
  picture: z.number().int().min(1).max(PICTURE_WORLDS).optional(),
  subscriptions: z
    .array(
      z.strictObject({
        signedUpBy: signInName,
        kind: z.enum(['work', 'personal']).optional(),
        movedTo: z.string().min(1).max(64).optional(),
        roleAssignments: z
          .array(z.strictObject({ principal: signInName, role: z.enum(['Owner', 'Contributor', 'Reader']) }))
          .max(20)
          .optional(),
        coAdministrators: z.array(signInName).max(20).optional(),
      }),
    )
    .max(10)
    .optional(),
});

/** A class to arrange: its name, a fixed code if wanted, and learners already in worlds. */
const classSpec = z.strictObject({
  name: z.string().max(200),
  code: z.string().max(20).optional(),
  learners: z
    .array(z.strictObject({ name: z.string().max(200), world: z.string().max(64) }))
    .max(50)
    .optional(),
});

/**
 * The test-only API: make a world (arranged through the world's own rules), read its state,
 * delete it; read the process's memory and its time spent on requests (npm run bench). Mounted
 * only when the server is started in test mode; otherwise these paths are ordinary 404s.
 */
export function testApi(
  registry: WorldRegistry,
  timing: RequestTiming,
  classes: Classes,
  shared?: { readonly worlds: SharedWorlds; readonly classes: SharedClasses },
): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/worlds', (req, res) => {
    // JSON only: a cross-site form can post urlencoded or text bodies, never JSON.
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'send the world spec as application/json ({} for the seed alone)' });
      return;
    }
    const spec = worldSpec.safeParse(req.body);
    if (!spec.success) {
      res.status(400).json({ error: z.prettifyError(spec.error) });
      return;
    }
    const { extraOrganisations, picture, ...arrangement } = spec.data;
    const made = registry.arrangeWorld(
      {
        ...(extraOrganisations === undefined ? {} : { extraOrganisations }),
        ...(picture === undefined ? {} : { picture }),
      },
      arrangement,
    );
    if ('problem' in made) {
      res.status(422).json({ error: made.problem });
      return;
    }
    res.status(201).json({ id: made.world.id, subscriptionIds: made.subscriptionIds });
  });

  router.get('/worlds/:id', async (req, res) => {
    await shared?.worlds.read(req.params.id);
    const world = registry.world(req.params.id);
    if (!world) {
      res.status(404).json({ error: 'no such world' });
      return;
    }
    res.json(world.snapshot());
  });

  // The server's own memory after a full garbage collection when it runs with --expose-gc (npm run bench).
  router.get('/memory', (_req, res) => {
    (globalThis as { gc?: () => void }).gc?.();
    res.json({
      ...process.memoryUsage(),
      collected: typeof (globalThis as { gc?: unknown }).gc === 'function',
      worlds: registry.size,
      cpuMicroseconds: process.cpuUsage(),
      node: process.versions.node,
    });
  });

  router.get('/timing', (_req, res) => {
    res.json(timing.snapshot());
  });

  // The server's own CPU profile over a stretch of work (npm run profile): started by PUT, ended
  // and answered (V8's .cpuprofile JSON) by DELETE.
  let profiler: Session | undefined;
  router.put('/profile', async (_req, res) => {
    profiler?.disconnect();
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    res.status(204).end();
  });
  router.delete('/profile', async (_req, res) => {
    if (!profiler) {
      res.status(404).json({ error: 'no profile was started' });
      return;
    }
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    res.json(profile);
  });

  router.delete('/worlds/:id', async (req, res) => {
    await shared?.worlds.read(req.params.id);
    res.status(registry.delete(req.params.id) ? 204 : 404).end();
  });

  // A class with learners already in their worlds, through the domain's own rules (the pictures).
  router.post('/classes', async (req, res) => {
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'send the class spec as application/json' });
      return;
    }
    const spec = classSpec.safeParse(req.body);
    if (!spec.success) {
      res.status(400).json({ error: z.prettifyError(spec.error) });
      return;
    }
    await shared?.worlds.readMany((spec.data.learners ?? []).map((learner) => learner.world));
    const missing = spec.data.learners?.find((learner) => !registry.entry(learner.world));
    if (missing) {
      res.status(422).json({ error: `no world ${missing.world}` });
      return;
    }
    const { data } = spec;
    const sharedClasses = shared?.classes ?? CLASSES_IN_THIS_PROCESS;
    const answer = await sharedClasses.change(() => arrangeClass(classes, data));
    await sharedClasses.saved();
    res.status(answer.status).json(answer.body);
  });

  router.delete('/classes/:id', async (req, res) => {
    const forgotten = await (shared?.classes ?? CLASSES_IN_THIS_PROCESS).change(() => classes.forget(req.params.id));
    res.status(forgotten ? 204 : 404).end();
  });

  return router;
}

/** A class with learners already in their worlds, through the domain's own rules, or why not. */
function arrangeClass(classes: Classes, spec: z.infer<typeof classSpec>): { status: number; body: object } {
  const started = classes.start(spec.name, spec.code);
  if (!started.ok) return { status: 422, body: { error: started.problem } };
  for (const learner of spec.learners ?? []) {
    const joined = classes.join(started.classroom.code, learner.name);
    if (!joined.ok) {
      classes.forget(started.classroom.id);
      return { status: 422, body: { error: `${learner.name}: ${joined.problem}` } };
    }
    classes.entered(joined.learner.id, learner.world);
  }
  return { status: 201, body: { id: started.classroom.id, code: started.classroom.code } };
}
