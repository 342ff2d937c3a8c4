import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';

/** One address in front of several portal processes, and what it sent where. */
export interface Balancer {
  readonly url: string;
  /** The processes behind it, in the order requests go to them. */
  serve(targets: readonly string[]): void;
  /** Requests each process answered (by its address). */
  readonly answered: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * A load balancer for tests: each request goes to the next process in turn (no sticky sessions),
 * and a process that refuses the connection (it died) is passed over for the next one: it never
 * saw the request, so sending it on is safe. Bodies are read first, to send them again.
 */
export async function startBalancer(): Promise<Balancer> {
  const proxy = createProxyServer({ xfwd: false });
  let targets: readonly string[] = [];
  let next = 0;
  const answered = new Map<string, number>();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tried: number) => {
    if (tried >= targets.length) {
      res.writeHead(502).end('no process answers');
      return;
    }
    const target = targets[next % targets.length] ?? '';
    next += 1;
    servedBy.set(res, target);
    proxy.web(req, res, { target, buffer: Readable.from([body]) }, (error) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED' && !res.headersSent)
        forward(req, res, body, tried + 1);
      else if (!res.headersSent) res.writeHead(502).end('the process went away');
    });
  };
  const servedBy = new WeakMap<ServerResponse, string>();

  const server = createServer((req, res) => {
    res.once('finish', () => {
      const target = servedBy.get(res);
      if (target) answered.set(target, (answered.get(target) ?? 0) + 1);
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => forward(req, res, Buffer.concat(chunks), 0));
  });
  server.listen(0);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    serve: (urls) => {
      targets = [...urls];
    },
    answered,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
