import express, { type Request, type Response, type Router } from 'express';
import multer from 'multer';
import { csrfCheck } from '../../http/csrf.js';
import type { WorldRegistry } from '../../world/registry.js';
import { parseWorldFile, WORLD_FILE_MAX_BYTES, worldFileOf } from '../../world/world-file.js';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: WORLD_FILE_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 256 },
}).single('world');

/** Reads the multipart form; a refused upload (too large, too many parts) is an answer, not a throw. */
function readUpload(req: Request, res: Response): Promise<'ok' | 'too-large' | 'unreadable'> {
  return new Promise((resolve) => {
    upload(req, res, (error: unknown) => {
      if (!error) resolve('ok');
      else
        resolve(error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE' ? 'too-large' : 'unreadable');
    });
  });
}

/**
 * GET /export downloads this browser's world as JSON; POST /import replaces it with a file of that
 * shape. A file that is not one (not JSON, another schema, ids that name nothing, too large) is
 * refused with a message on the Scenarios page, and the world stays as it was.
 */
export function worldTransferRoutes(registry: WorldRegistry): Router {
  const router = express.Router();

  router.get('/export', (req, res) => {
    const name = req.world === registry.seeded ? 'seed' : req.world.code;
    res
      .attachment(`world-${name}.json`)
      .type('application/json')
      .send(JSON.stringify(worldFileOf(req.world), null, 2));
  });

  router.post('/import', async (req, res, next) => {
    const { t } = res.locals;
    const refuse = (message: string) => {
      req.session.importProblem = message;
      res.redirect(303, '/scenarios#world');
    };
    const read = await readUpload(req, res);
    if (read === 'too-large') return refuse(t('scenarios.import.tooLarge', { size: WORLD_FILE_MAX_BYTES / 1024 }));
    if (read === 'unreadable') return refuse(t('scenarios.import.unreadable'));
    csrfCheck(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (!req.file || req.file.size === 0) return refuse(t('scenarios.import.noFile'));
      const parsed = parseWorldFile(req.file.buffer.toString('utf8'));
      if (!parsed.ok) return refuse(t('scenarios.import.notWorld', { problem: parsed.problems.join('; ') }));
      registry.replaceFromFile(req.world, parsed.file);
      req.session.notice = t('scenarios.import.done', { file: req.file.originalname.slice(0, 80) });
      res.redirect(303, '/scenarios#world');
    });
  });

  return router;
}
