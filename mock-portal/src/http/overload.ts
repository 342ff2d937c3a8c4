import type { RequestHandler } from 'express';
import { renderMessage } from './render.js';
import { safeLocalPath } from './safe-path.js';

export interface OverloadOptions {
  /** How late the event loop may run before new requests are turned away (OVERLOAD_LAG_MS). */
  readonly maxLagMs: number;
  /** What Retry-After tells a turned-away browser, in seconds. */
  readonly retryAfterSeconds?: number;
}

const SAMPLE_EVERY_MS = 50;

/**
 * How far behind the event loop runs: a timer asks to wake every 50 ms and notes how late it woke.
 * One process on one core serves everyone; when a class arrives at once, the requests queue and
 * every one of them waits for all those before it.
 */
class EventLoopLag {
  #lagMs = 0;

  constructor() {
    let expected = performance.now() + SAMPLE_EVERY_MS;
    setInterval(() => {
      const now = performance.now();
      this.#lagMs = Math.max(0, now - expected);
      expected = now + SAMPLE_EVERY_MS;
    }, SAMPLE_EVERY_MS).unref();
  }

  get ms(): number {
    return this.#lagMs;
  }
}

let processLag: EventLoopLag | undefined;

/** The process's one event loop, measured by one timer however many apps it serves. */
export function eventLoopLag(): { readonly ms: number } {
  return (processLag ??= new EventLoopLag());
}

/**
 * Answers new requests with a page that says to try again in a moment (503 with Retry-After)
 * while the event loop runs later than `maxLagMs`, rather than queueing them behind work it
 * cannot finish in time: a learner is told to retry instead of waiting on a connection that the
 * browser gives up on. A request turned away has changed nothing, so trying it again is safe.
 */
export function shedWhenOverloaded(lag: { readonly ms: number }, options: OverloadOptions): RequestHandler {
  const retryAfter = String(options.retryAfterSeconds ?? 2);
  return (req, res, next) => {
    if (lag.ms <= options.maxLagMs) {
      next();
      return;
    }
    res.set('Retry-After', retryAfter);
    res.set('Cache-Control', 'no-store');
    // A page asked for again is the same request; a form must be sent again from its page.
    const again =
      req.method === 'GET'
        ? { href: safeLocalPath(req.originalUrl, '/'), label: res.locals.t('busy.retry') }
        : undefined;
    renderMessage(res, 503, { title: 'busy.title', body: 'busy.body' }, again);
  };
}
