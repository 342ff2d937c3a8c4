import type { Request, RequestHandler, Response } from 'express';
import { renderUnavailable } from './errors.js';

interface Turn {
  release(): Promise<void>;
}

const turnsOf = new WeakMap<Request, Turn[]>();

/** This request holds a turn (on a world) until its answer leaves. */
export function holdTurn(req: Request, turn: Turn): void {
  const turns = turnsOf.get(req) ?? [];
  turnsOf.set(req, [...turns, turn]);
}

/**
 * When several processes serve the portal: a request's changes (to worlds, and to every other
 * store given here) are saved where every process sees them before its answer leaves, and only
 * then are its turns given back, so nothing a browser was told happened can be lost with this
 * process, and the next request on a world reads this one's changes. When the save fails (Redis unreachable), the answer becomes "try again"
 * instead: what it would have said did not happen everywhere.
 *
 * The answer waits by holding back `res.end`, as express-session does to save a session first.
 */
export function savedBeforeAnswer(stores: readonly { flush(): Promise<void> }[]): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    let ending = false;
    res.end = ((...args: unknown[]) => {
      if (ending) return end(...args);
      ending = true;
      void Promise.all(stores.map((store) => store.flush())).then(
        () => giveBack(req).then(() => end(...args)),
        () => {
          void giveBack(req);
          if (res.headersSent) end(...args);
          else renderUnavailable(res);
        },
      );
      return res;
    }) as Response['end'];
    // A client that went away before its answer still gives its turns back.
    res.once('close', () => void giveBack(req));
    next();
  };
}

async function giveBack(req: Request): Promise<void> {
  const turns = turnsOf.get(req) ?? [];
  turnsOf.delete(req);
  await Promise.all(turns.map((turn) => turn.release().catch(() => undefined)));
}
