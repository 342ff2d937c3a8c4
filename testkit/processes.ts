import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A process of this project's, on its port. */
export interface Started {
  readonly url: string;
  /** Ends it (SIGTERM) and resolves once it has. */
  stop(): Promise<void>;
  /** Kills it at once, as a crash would (SIGKILL), and resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * Runs a TypeScript entry point of this project in a Node process of its own on a free port (as
 * the suite runs the portal: apart from the process that drives the browser), and waits until
 * `readyPath` answers. `env` adds to this process's environment.
 */
export async function startProcess(
  entry: string,
  options: { args?: string[]; nodeArgs?: string[]; readyPath?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Started> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', entry, ...(options.args ?? [])],
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...options.env },
      stdio: 'ignore',
    },
  );
  // However this process ends (an error, a closed pipe), the portal it started ends with it.
  process.on('exit', () => child.kill());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  const stop = () => end('SIGTERM');
  const kill = () => end('SIGKILL');
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (
      await fetch(`${url}${options.readyPath ?? '/'}`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop, kill };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`${entry} did not start`);
}

/**
 * The portal in test mode in a process of its own; `env` adds to its environment (REDIS_URL,
 * PUBLIC_URL), `args` to its command line (`--workers 2`).
 */
export function startPortal(
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  args: string[] = [],
): Promise<Started> {
  return startProcess('mock-portal/src/main.ts', {
    args: ['--test-mode', ...args],
    nodeArgs,
    readyPath: '/healthz',
    env,
  });
}
