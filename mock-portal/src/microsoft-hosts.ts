import type { IncomingMessage } from 'node:http';

/**
 * Microsoft's host names the mock answers for through its proxy, and where each one's service is
 * mounted here: its paths there are Microsoft's own (`/organizations/v2.0/…` on
 * login.microsoftonline.com is `/login/organizations/v2.0/…` here).
 */
export const MICROSOFT_HOSTS: Readonly<Record<string, string>> = {
  'azure.microsoft.com': '',
  'signup.azure.com': '/signup',
  'portal.azure.com': '/portal',
  'login.microsoftonline.com': '/login',
  'management.azure.com': '/management',
  'management.core.windows.net': '/management',
  'graph.microsoft.com': '/graph',
  // Device sign-in's page, microsoft.com/devicelogin.
  'microsoft.com': '/login',
  'www.microsoft.com': '/login',
};

export const MICROSOFT_HOST_NAMES: readonly string[] = Object.keys(MICROSOFT_HOSTS);

/** The Microsoft host a name (a Host header, a CONNECT target, an SNI name) names, if it names one: any case, no port. */
export function microsoftHostNamed(name: string | undefined): string | undefined {
  const host = (name ?? '').toLowerCase().replace(/:443$/, '');
  return Object.hasOwn(MICROSOFT_HOSTS, host) ? host : undefined;
}

const servedAs = new WeakMap<IncomingMessage, string>();

/** This request came through the proxy, for this Microsoft host. */
export function markServedAs(req: IncomingMessage, host: string): void {
  servedAs.set(req, host);
}

/** The Microsoft host this request came through the proxy for; undefined for the mock's own origin. */
export function microsoftHostOf(req: IncomingMessage): string | undefined {
  return servedAs.get(req);
}
