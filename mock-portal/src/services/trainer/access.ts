import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { LimitStoreFor } from '../../http/sessions.js';
import { cookieOf } from '../../http/cookies.js';
import { renderMessage } from '../../http/render.js';

const KEY_COOKIE = 'trainer.key';
/** Wrong keys one address may try per quarter of an hour. */
export const WRONG_KEYS_PER_QUARTER_HOUR = 20;

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The key a request offers: `?key=` (the printed link), the cookie that link leaves, or `Authorization: Bearer`. */
function offeredKey(req: Request): string | undefined {
  if (typeof req.query.key === 'string') return req.query.key;
  const cookie = cookieOf(req, KEY_COOKIE);
  if (typeof cookie === 'string') return cookie;
  const bearer = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
  return bearer?.[1];
}

function refuse(res: Response, status: 401 | 429): void {
  const key = status === 401 ? 'trainer.keyNeeded' : 'trainer.tooMany';
  if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="trainer"');
  renderMessage(res, status, { title: `${key}.title`, body: `${key}.body` });
}

/**
 * Lets through only requests with the trainer key, compared in constant time (of its SHA-256, so
 * that the length of a guess tells nothing either). The printed link's `?key=` is swapped for an
 * HttpOnly cookie and taken out of the address bar. Every refused request counts against its
 * address; past the limit, every request from it is refused for the rest of the window, the right
 * key included, so guessing cannot go on behind 429s.
 */
export function trainerAccess(key: string, limitStores?: LimitStoreFor): RequestHandler[] {
  const wanted = digest(key);
  const limit = rateLimit({
    ...(limitStores ? { store: limitStores('trainer-key') } : {}),
    windowMs: 15 * 60_000,
    limit: WRONG_KEYS_PER_QUARTER_HOUR,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: (_req, res) => refuse(res, 429),
  });
  const check: RequestHandler = (req, res, next) => {
    const offered = offeredKey(req);
    if (offered === undefined || offered.length > 500 || !timingSafeEqual(digest(offered), wanted)) {
      refuse(res, 401);
      return;
    }
    if (typeof req.query.key === 'string') {
      res.cookie(KEY_COOKIE, offered, { path: '/trainer', httpOnly: true, sameSite: 'strict', secure: req.secure });
      res.redirect(303, req.originalUrl.split('?')[0] ?? '/trainer');
      return;
    }
    next();
  };
  return [limit, check];
}
