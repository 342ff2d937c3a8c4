import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createClient } from 'redis';

/** A free TCP port on the loopback, for a server of the test's own. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A redis-server of the test's own: its address, and how to stop (or kill) it. */
export interface TestRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
  /** Kills it at once, as a crash would. */
  kill(): Promise<void>;
}

/**
 * Starts Debian's `redis-server` on a free loopback port (or `port`, to start it again where it
 * was) and resolves once it answers PING. It keeps nothing on disk, unless `keepIn` names a
 * folder: then it writes every change there before answering (append-only, fsync always), as a
 * Redis that must survive a restart does, and a Redis started again on that folder has them all.
 */
export async function startRedis({ port, keepIn }: { port?: number; keepIn?: string } = {}): Promise<TestRedis> {
  const chosen = port ?? (await freePort());
  const persistence = keepIn
    ? ['--dir', keepIn, '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no'];
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', ...persistence],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${chosen}`;
  const client = createClient({ url, socket: { reconnectStrategy: (retries) => (retries > 50 ? false : 50) } });
  client.on('error', () => undefined);
  await client.connect();
  await client.ping();
  await client.close();
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port: chosen, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}
