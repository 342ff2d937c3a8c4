import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Runs a TypeScript entry point of this project in a Node process of its own on a free port (as
 * the suite runs the portal: apart from the process that drives the browser), and waits until
 * `readyPath` answers.
 */
export async function startProcess(
  entry: string,
  options: { args?: string[]; nodeArgs?: string[]; readyPath?: string } = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', entry, ...(options.args ?? [])],
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    },
  );
  // However this process ends (an error, a closed pipe), the portal it started ends with it.
  process.on('exit', () => child.kill());
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => {
    child.kill();
    return exited;
  };
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (
      await fetch(`${url}${options.readyPath ?? '/'}`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`${entry} did not start`);
}

/** The portal in test mode in a process of its own. */
export function startPortal(nodeArgs: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  return startProcess('mock-portal/src/main.ts', { args: ['--test-mode'], nodeArgs, readyPath: '/healthz' });
}
