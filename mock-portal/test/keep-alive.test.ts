import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as idle } from 'node:timers/promises';
import { listen, type Running } from '../src/listen.js';

/** Node's own default closes an idle keep-alive socket at about 6 s (5 s and a second's grace). */
const NODE_DEFAULT_CLOSE_MS = 6_000;

/** A raw keep-alive connection, so the test decides exactly when the socket is reused. */
async function openConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  const closed = once(socket, 'close').then(() => 'closed by the server');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  /** Sends one request and resolves with the response's status line, or says the socket was closed. */
  const statusLine = async (): Promise<string> => {
    let received = '';
    const answered = new Promise<string>((resolve) => {
      const onData = (chunk: Buffer) => {
        received += chunk.toString('latin1');
        if (!received.includes('"ok":true')) return;
        socket.off('data', onData);
        resolve(received.split('\r\n')[0] ?? '');
      };
      socket.on('data', onData);
    });
    socket.write(`GET /healthz HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: keep-alive\r\n\r\n`);
    return Promise.race([answered, closed]);
  };
  return { statusLine, destroy: () => socket.destroy() };
}

describe('keep-alive connections', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  it('stay open past Node’s default, so a client reusing an idle socket is answered, not reset', async () => {
    const connection = await openConnection(Number(new URL(running.url).port));
    try {
      assert.equal(await connection.statusLine(), 'HTTP/1.1 200 OK');
      await idle(NODE_DEFAULT_CLOSE_MS + 750);
      assert.equal(await connection.statusLine(), 'HTTP/1.1 200 OK');
    } finally {
      connection.destroy();
    }
  });

  it('tell clients how long the server keeps them, so the client is the side that closes', async () => {
    const response = await fetch(`${running.url}/healthz`);
    assert.match(response.headers.get('keep-alive') ?? '', /timeout=65\b/);
  });
});
