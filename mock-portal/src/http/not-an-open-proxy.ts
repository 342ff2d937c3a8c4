import type { RequestHandler } from 'express';
import { microsoftHostNamed } from '../microsoft-hosts.js';

/**
 * A request in proxy form (`GET http://host/path`, as a browser sends plain-HTTP requests to its
 * proxy) is never forwarded: for one of Microsoft's hosts it is sent to the same address over
 * HTTPS, which the proxy serves; for any other it is refused (403). Nothing is ever fetched.
 */
export const notAnOpenProxy: RequestHandler = (req, res, next) => {
  if (req.url.startsWith('/')) return next();
  let target: URL | undefined;
  try {
    target = new URL(req.url);
  } catch {
    target = undefined;
  }
  const host = target?.protocol === 'http:' && !target.port ? microsoftHostNamed(target.hostname) : undefined;
  if (host && target) return res.redirect(301, `https://${host}${target.pathname}${target.search}`);
  res
    .status(403)
    .type('text/plain')
    .send(
      "This mock is not an open proxy: it serves Microsoft's host names only, over HTTPS, and never fetches anything.\n",
    );
};
