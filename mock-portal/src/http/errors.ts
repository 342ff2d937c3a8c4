import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { MessageKey } from '../i18n/index.js';
import { DEFAULT_LOCALE, translator } from '../i18n/index.js';
import { MESSAGE_VIEW, renderPage } from './render.js';
import { isRedisUnreachable } from '../store/redis-client.js';

interface ErrorPage {
  readonly status: number;
  readonly title: MessageKey;
  readonly body: MessageKey;
}

const NOT_FOUND: ErrorPage = { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' };
const PAGES: Record<number, ErrorPage> = {
  400: { status: 400, title: 'error.badRequest.title', body: 'error.badRequest.body' },
  403: { status: 403, title: 'error.forbidden.title', body: 'error.forbidden.body' },
  404: NOT_FOUND,
  413: { status: 413, title: 'error.tooLarge.title', body: 'error.badRequest.body' },
  429: { status: 429, title: 'error.tooMany.title', body: 'error.tooMany.body' },
};
const SERVER: ErrorPage = { status: 500, title: 'error.server.title', body: 'error.server.body' };
const UNAVAILABLE: ErrorPage = { status: 503, title: 'error.unavailable.title', body: 'error.unavailable.body' };
/** When a browser told Redis is unreachable tries again, in seconds (the client reconnects within two). */
const UNAVAILABLE_RETRY_SECONDS = '5';

/** The HTTP status an error asks for, when it is a client's fault (body-parser, csrf-sync, http-errors). */
function clientStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const status = 'status' in error ? error.status : 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Sets where "Start again" leads from a form this router refuses: the start of its flow. A refused
 * form is most often one whose session is gone (the server restarted, or the session expired),
 * and starting that flow again is the way on. Each service says its own; the default is home.
 */
export function startAgainAt(target: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.startAgain = target;
    next();
  };
}

async function renderError(res: Response, page: ErrorPage): Promise<void> {
  if (!res.locals.t) res.locals.t = translator(DEFAULT_LOCALE);
  if (!res.locals.languageLinks) res.locals.languageLinks = [];
  const { t } = res.locals;
  const action =
    page.status === 403
      ? { href: res.locals.startAgain ?? '/', label: t('error.startAgain') }
      : { href: '/', label: t('error.home') };
  await renderPage(
    res,
    MESSAGE_VIEW,
    { title: t(page.title), heading: t(page.title), message: t(page.body), action },
    page.status,
  );
}

/**
 * The page for a request that needs Redis while it is unreachable: 503 with Retry-After, nothing
 * changed, "try again" rather than a fault.
 */
export function renderUnavailable(res: Response): void {
  // Nothing changed, so nothing of the session is saved either (its store is Redis, unreachable too).
  (res.req as { session?: unknown }).session = undefined;
  res.set('Retry-After', UNAVAILABLE_RETRY_SECONDS);
  res.set('Cache-Control', 'no-store');
  renderError(res, UNAVAILABLE).catch(() => {
    if (!res.headersSent) res.status(503).type('text').send('Try again in a moment.');
  });
}

export function notFound(): RequestHandler {
  return (_req, res, next) => {
    renderError(res, NOT_FOUND).catch(next);
  };
}

/**
 * The last resort: every error becomes a page in the user's language with no stack trace, and
 * only what is truly the server's fault is a 500 (and is logged).
 */
export function errorPages(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    if (isRedisUnreachable(error) && !res.headersSent) {
      renderUnavailable(res);
      return;
    }
    const status = clientStatus(error);
    const page = status ? (PAGES[status] ?? { ...PAGES[400]!, status }) : SERVER;
    if (!status) req.log?.error({ err: error }, 'unhandled error');
    if (res.headersSent) {
      res.end();
      return;
    }
    renderError(res, page).catch(() => {
      // A page that failed halfway has already sent its headers: end it rather than throw again.
      if (res.headersSent) {
        res.end();
        return;
      }
      res
        .status(page.status)
        .type('text')
        .send(page.status === 500 ? 'Something went wrong.' : 'Request refused.');
    });
  };
}
