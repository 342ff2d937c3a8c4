import type { RequestHandler } from 'express';
import { pino } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * Request logging with pino. Access lines are written at `info`; when the level is quieter (the
 * test server runs at `warn`), pino-http's per-request child loggers and listeners would do work
 * whose output is thrown away, about a fifth of a small page's cost, so handlers get the plain
 * logger for their warnings and errors instead.
 */
export function requestLogging(level: string): RequestHandler {
  const logger = pino({ level });
  if (!logger.isLevelEnabled('info')) {
    return (req, _res, next) => {
      req.log = logger;
      next();
    };
  }
  return pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url?.startsWith('/static/') ?? false },
    // Method, path and status only: headers carry session cookies, which must never reach a log.
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
