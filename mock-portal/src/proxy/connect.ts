import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { MICROSOFT_HOSTS, markServedAs, microsoftHostNamed } from '../microsoft-hosts.js';
import { HOP_PARAMETER, HostHops } from './host-hops.js';

/** Paths of the mock's own sites that are azure.microsoft.com's, whichever host links to them. */
const MARKETING_PATHS = ['/scenarios', '/free', '/worlds', '/trainer', '/class'];

const within = (path: string, prefix: string) => prefix !== '' && (path === prefix || path.startsWith(`${prefix}/`));

/**
 * Which of Microsoft's hosts serves one of the mock's paths, seen from `host`: the host's own
 * service first (so microsoft.com keeps its device sign-in, which runs on the login service), then
 * the host whose service it is, then azure.microsoft.com for the mock's own sites; anything else
 * (Microsoft's own paths, assets) is the host's own.
 */
export function hostServing(host: string, path: string): string {
  if (within(path, '/static') || within(path, MICROSOFT_HOSTS[host] ?? '')) return host;
  const other = Object.entries(MICROSOFT_HOSTS).find(([, mount]) => within(path, mount));
  if (other) return other[0];
  return MARKETING_PATHS.some((prefix) => within(path, prefix)) ? 'azure.microsoft.com' : host;
}

/** A request's path on a Microsoft host, as the mock serves it: Microsoft's paths under the host's service. */
export function mockPathOf(host: string, url: string): string {
  const mount = MICROSOFT_HOSTS[host] ?? '';
  const path = url.split('?')[0] ?? '';
  if (hostServing(host, path) !== host || within(path, '/static') || within(path, mount)) return url;
  // Microsoft's keys live beside its discovery document; the mock's beside its token endpoint.
  return `${mount}${url.replace(/^(\/[^/?]+)\/discovery\/v2\.0\/keys/, '$1/v2.0/keys')}`;
}

/**
 * The sign-in service's endpoints, as a browser sent to login.microsoftonline.com sees them:
 * Microsoft's own paths (`/common/oauth2/v2.0/authorize`), which the proxy maps back.
 */
function microsoftPathOf(host: string, path: string): string {
  if (host !== 'login.microsoftonline.com') return path;
  return path.replace(/^\/login\/([^/]+)\/v2\.0\/(authorize|logout)$/, '/$1/oauth2/v2.0/$2');
}

/** A refusal written straight onto a client's socket (no HTTP server stands behind it), then closed. */
function refuse(socket: Duplex, status: string, why: string): void {
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(why)}\r\nConnection: close\r\n\r\n${why}`,
  );
}

const ONLY_MICROSOFT =
  "This proxy serves Microsoft's host names (login.microsoftonline.com, management.azure.com, …) on port 443 only, from the mock itself: it never connects anywhere else.\n";

/**
 * Sends a browser on to `path` of another Microsoft host, with what its cookies here carry.
 */
function hopTo(hops: HostHops, req: IncomingMessage, host: string, path: string): string {
  const token = hops.tokenFor(req);
  if (!token) return `https://${host}${path}`;
  const [beforeHash = '', hash] = path.split('#');
  const joined = `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}${HOP_PARAMETER}=${encodeURIComponent(token)}`;
  return `https://${host}${joined}${hash === undefined ? '' : `#${hash}`}`;
}

/**
 * Keeps a browser on Microsoft's hosts: a redirect the app sends to its own address, or to a path
 * another Microsoft host serves, goes to that host instead (with a hop, when it changes host).
 */
function onMicrosoftHosts(
  hops: HostHops,
  req: IncomingMessage,
  res: ServerResponse,
  host: string,
  publicOrigin: string,
) {
  const onward = (location: string): string => {
    let target: URL;
    try {
      target = new URL(location, `https://${host}${req.url ?? '/'}`);
    } catch {
      return location;
    }
    const fromMock = target.origin === publicOrigin;
    if (!fromMock && target.origin !== `https://${host}`) return location;
    const serving = hostServing(host, target.pathname);
    const path = `${microsoftPathOf(serving, target.pathname)}${target.search}${target.hash}`;
    if (serving !== host) return hopTo(hops, req, serving, path);
    return fromMock ? `https://${host}${path}` : location;
  };
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) =>
    setHeader(name, name.toLowerCase() === 'location' && typeof value === 'string' ? onward(value) : value);
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.find((each): each is OutgoingHttpHeaders => typeof each === 'object' && each !== null);
    if (headers && typeof headers.location === 'string') headers.location = onward(headers.location);
    return writeHead(status, headers);
  };
}

/**
 * The mock's port as an HTTPS proxy for Microsoft's host names, and for nothing else. A `CONNECT`
 * to one of them on 443 is answered by the mock itself, over TLS with a certificate its own
 * authority signed (`tls`), by `app` with the host's paths mapped to its service; any other host,
 * port or IP literal is refused (403), and nothing is ever connected to outward. A TLS client
 * that names no Microsoft host (SNI), or a request whose Host is not the one it named, is refused
 * too. A browser stays on Microsoft's hosts, and its world and language go with it from one to
 * another (host-hops.ts).
 */
export function microsoftHostsProxy(tls: { cert: string; key: string }, app: RequestListener, publicUrl: string) {
  const hops = new HostHops();
  const publicOrigin = new URL(publicUrl).origin;
  const served = createHttpsServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const host = microsoftHostNamed(req.headers.host);
    const named = (req.socket as TLSSocket).servername;
    if (!host || host !== microsoftHostNamed(typeof named === 'string' ? named : undefined)) {
      res
        .writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Misdirected request: this tunnel is for another host.\n');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `https://${host}`);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request: not an address.\n');
      return;
    }
    const hop = url.searchParams.get(HOP_PARAMETER);
    if (hop !== null) {
      // Arrived from another Microsoft host: take what it carried, then go on without it.
      url.searchParams.delete(HOP_PARAMETER);
      const carried = hops.read(hop);
      res.writeHead(303, {
        location: `${url.pathname}${url.search}`,
        ...(carried ? { 'set-cookie': HostHops.cookieLines(carried) } : {}),
      });
      res.end();
      return;
    }
    const serving = hostServing(host, url.pathname);
    if (serving !== host && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(303, { location: hopTo(hops, req, serving, `${url.pathname}${url.search}`) }).end();
      return;
    }
    onMicrosoftHosts(hops, req, res, host, publicOrigin);
    markServedAs(req, host);
    req.url = mockPathOf(host, req.url ?? '/');
    app(req, res);
  });
  served.on('secureConnection', (socket: TLSSocket) => {
    const named = microsoftHostNamed(typeof socket.servername === 'string' ? socket.servername : undefined);
    if (!named) socket.destroy();
  });
  served.on('tlsClientError', (_error, socket) => socket.destroy());

  const tunnels = new Set<Duplex>();
  const answerConnect = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const target = /^([A-Za-z0-9.-]+):(\d+)$/.exec(req.url ?? '');
    const host = microsoftHostNamed(target?.[1]);
    if (!target || target[2] !== '443' || !host) return refuse(socket, '403 Forbidden', ONLY_MICROSOFT);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    served.emit('connection', socket);
  };
  // A tunnel leaves the HTTP server that answered its CONNECT: closing that server does not end it.
  const closeTunnels = () => {
    for (const tunnel of tunnels) tunnel.destroy();
  };
  return Object.assign(answerConnect, { closeTunnels });
}
