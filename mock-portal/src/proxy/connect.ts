import type { IncomingMessage, RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { MICROSOFT_HOSTS, markServedAs, microsoftHostNamed } from '../microsoft-hosts.js';

/** Paths the mock's own pages link to on any host (its services and their assets), never mapped again. */
const OWN_MOUNTS = [...new Set(Object.values(MICROSOFT_HOSTS).filter(Boolean)), '/static'];

/** A request's path on a Microsoft host, as the mock serves it: Microsoft's paths under the host's service. */
export function mockPathOf(host: string, url: string): string {
  const mount = MICROSOFT_HOSTS[host] ?? '';
  const path = url.split('?')[0] ?? '';
  if (OWN_MOUNTS.some((own) => path === own || path.startsWith(`${own}/`))) return url;
  // Microsoft's keys live beside its discovery document; the mock's beside its token endpoint.
  return `${mount}${url.replace(/^(\/[^/?]+)\/discovery\/v2\.0\/keys/, '$1/v2.0/keys')}`;
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
 * The mock's port as an HTTPS proxy for Microsoft's host names, and for nothing else. A `CONNECT`
 * to one of them on 443 is answered by the mock itself, over TLS with a certificate its own
 * authority signed (`tls`), by `app` with the host's paths mapped to its service; any other host,
 * port or IP literal is refused (403), and nothing is ever connected to outward. A TLS client
 * that names no Microsoft host (SNI), or a request whose Host is not the one it named, is refused
 * too.
 */
export function microsoftHostsProxy(tls: { cert: string; key: string }, app: RequestListener) {
  const served = createHttpsServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const host = microsoftHostNamed(req.headers.host);
    const named = (req.socket as TLSSocket).servername;
    if (!host || host !== microsoftHostNamed(typeof named === 'string' ? named : undefined)) {
      res
        .writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Misdirected request: this tunnel is for another host.\n');
      return;
    }
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
