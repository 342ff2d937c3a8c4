import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open. Node closes one after 5 s by default and says
 * nothing when it does, so a client that reuses the socket at that moment (a browser, Playwright's
 * request context, a load test) gets a reset. Clients keep idle sockets longer than 5 s, so the
 * server must outlast them: then the client is always the side that closes.
 */
export const KEEP_ALIVE_MS = 65_000;

/** Keeps idle connections open past the clients' own idle limits; headers wait a little longer still. */
export function keepConnectionsOpen(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers must be allowed to arrive on a socket the server still considers open.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
