import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's configuration. The Content-Security-Policy allows only this origin's own scripts,
 * styles and images, nothing inline, and forms that post only to this origin (every service
 * shares it). `upgrade-insecure-requests` is off so that the mock works over plain http on localhost.
 */
export function helmetFor(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: https,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** The headers a helmet middleware sets, found by running it once against a response that only records. */
function headersSetBy(middleware: RequestHandler): ReadonlyArray<readonly [string, string]> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  middleware({} as Parameters<RequestHandler>[0], recorder as unknown as Parameters<RequestHandler>[1], () => {});
  return [...headers];
}

/**
 * Security headers, as helmet makes them. None of ours depends on the request (no CSP nonces), so
 * helmet runs once at start-up and each response gets the same headers in one step: helmet's
 * eleven middlewares per request cost about a tenth of a bare page (npm run bench). helmet's own
 * removal of X-Powered-By is `app.disable('x-powered-by')` in server.ts.
 */
export function securityHeaders(options: { readonly https: boolean }): RequestHandler {
  const headers = headersSetBy(helmetFor(options.https));
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * Lets the sign-in service's forms end at these origins too: a form's answer redirects the browser
 * on to the application that asked for the sign-in, and the browser holds that redirect to
 * `form-action` as well. Registered applications (MOCK_CLIENTS) live at other origins.
 */
export function formsMayEndAt(origins: readonly string[]): RequestHandler {
  const allowed = `form-action 'self' ${origins.join(' ')}`;
  return (_req, res, next) => {
    const policy = res.getHeader('Content-Security-Policy');
    if (origins.length > 0 && typeof policy === 'string')
      res.setHeader('Content-Security-Policy', policy.replace("form-action 'self'", allowed));
    next();
  };
}

/** Pages that show a signed-in person's data must not be kept by a shared cache or the back button. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
