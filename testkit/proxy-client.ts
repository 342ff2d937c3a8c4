import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/** The proxy's answer to a CONNECT: its status and body, and the open tunnel when it made one. */
export interface Tunnel {
  readonly status: number;
  readonly body: string;
  readonly socket?: Socket;
}

/** Asks the mock at `proxy` to CONNECT to `target` (`host:port`, or any line a hostile client sends). */
export function connectThrough(proxy: string, target: string): Promise<Tunnel> {
  const { hostname, port } = new URL(proxy);
  return new Promise((resolve, reject) => {
    const asked = httpRequest({ host: hostname, port, method: 'CONNECT', path: target });
    asked.on('connect', (response, socket, head) => {
      if (response.statusCode === 200) return resolve({ status: 200, body: '', socket });
      let body = head.toString();
      socket.on('data', (chunk: Buffer) => (body += chunk.toString()));
      socket.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      socket.on('error', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    asked.on('error', reject);
    asked.end();
  });
}

/** What an HTTPS request through the proxy came back with. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One HTTPS request to one of Microsoft's hosts through the mock's proxy, as a client that trusts
 * the mock's authority (`ca`) makes it: CONNECT, TLS naming the host, then the request.
 */
export async function fetchThrough(
  proxy: string,
  ca: string,
  url: string,
  init: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** The name the client's TLS sends (SNI); empty for none. */
    servername?: string;
    /** Accept the certificate whatever name it is for, as a hostile client would. */
    anyIdentity?: boolean;
    /** The request line's target as sent, when it is not the address's own (a hostile client's). */
    path?: string;
  } = {},
): Promise<Answer> {
  const target = new URL(url);
  const tunnel = await connectThrough(proxy, `${target.hostname}:443`);
  if (!tunnel.socket) throw new Error(`the proxy refused ${target.hostname}: ${tunnel.status} ${tunnel.body}`);
  const servername = init.servername ?? target.hostname;
  const secure = tlsConnect({
    socket: tunnel.socket,
    ca,
    ...(servername ? { servername } : {}),
    ...(init.anyIdentity ? { checkServerIdentity: () => undefined } : {}),
  });
  return new Promise((resolve, reject) => {
    const sent = httpsRequest(
      {
        host: target.hostname,
        port: 443,
        path: init.path ?? `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: init.headers,
        createConnection: () => secure,
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    sent.on('error', reject);
    secure.on('error', reject);
    secure.on('close', () => reject(new Error('the proxy closed the connection')));
    sent.end(init.body);
  });
}

/** Sends raw bytes to the mock and returns all it answers before it closes (or after `ms` of silence). */
export function rawExchange(server: string, bytes: string, ms = 2_000): Promise<string> {
  const { hostname, port } = new URL(server);
  return new Promise((resolve) => {
    let answer = '';
    const socket = netConnect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    const done = () => resolve(answer);
    socket.setTimeout(ms, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
  });
}

/**
 * The public key hash of the certificate the mock answers `host` with through its proxy, as
 * Chromium's `--ignore-certificate-errors-spki-list` names a key to trust (SHA-256, base64).
 */
export async function servedSpki(proxy: string, host: string): Promise<string> {
  const tunnel = await connectThrough(proxy, `${host}:443`);
  if (!tunnel.socket) throw new Error(`the proxy refused ${host}: ${tunnel.status}`);
  const secure = tlsConnect({ socket: tunnel.socket, servername: host, rejectUnauthorized: false });
  await new Promise<void>((resolve, reject) => secure.once('secureConnect', resolve).once('error', reject));
  const key = secure.getPeerX509Certificate()?.publicKey.export({ type: 'spki', format: 'der' });
  secure.destroy();
  if (!key) throw new Error(`${host} showed no certificate`);
  return createHash('sha256').update(key).digest('base64');
}
