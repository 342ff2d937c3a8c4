import express, { type Router } from 'express';
import { z } from 'zod';
import type { WorldRegistry } from '../world/registry.js';
import type { RequestTiming } from './timing.js';

const worldOptions = z.strictObject({ extraOrganisations: z.number().int().min(0).max(200).optional() });

/**
 * The test-only API: make a world, read its state, delete it; read the process's memory and its
 * time spent on requests (npm run bench). Mounted only when the server is
 * started in test mode; otherwise these paths are ordinary 404s.
 */
export function testApi(registry: WorldRegistry, timing: RequestTiming): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.post('/worlds', (req, res) => {
    const options = worldOptions.safeParse(req.body ?? {});
    if (!options.success) {
      res.status(400).json({ error: 'extraOrganisations must be a whole number from 0 to 200' });
      return;
    }
    const world = registry.createTestWorld(options.data);
    res.status(201).json({ id: world.id });
  });

  router.get('/worlds/:id', (req, res) => {
    const world = registry.testWorld(req.params.id);
    if (!world) {
      res.status(404).json({ error: 'no such world' });
      return;
    }
    res.json(world.snapshot());
  });

  // The server's own memory after a full garbage collection when it runs with --expose-gc (npm run bench).
  router.get('/memory', (_req, res) => {
    (globalThis as { gc?: () => void }).gc?.();
    res.json({ ...process.memoryUsage(), collected: typeof (globalThis as { gc?: unknown }).gc === 'function', testWorlds: registry.testWorldCount });
  });

  router.get('/timing', (_req, res) => {
    res.json(timing.snapshot());
  });

  router.delete('/worlds/:id', (req, res) => {
    res.status(registry.deleteTestWorld(req.params.id) ? 204 : 404).end();
  });

  return router;
}
