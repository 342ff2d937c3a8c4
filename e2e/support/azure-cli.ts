import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** One run of `az`: what it printed, and how it ended. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command still running, read as it prints. */
export interface RunningCli {
  stderr(): string;
  readonly ended: Promise<CliRun>;
  /** Ends it now (a test that failed half-way leaves no CLI polling behind). */
  stop(): void;
}

/**
 * The machine's Azure CLI, unchanged, pointed at the mock as the README says: `HTTPS_PROXY` is the
 * mock's own address and `REQUESTS_CA_BUNDLE` the certificate authority it offers for download.
 * Each instance keeps its own state (`AZURE_CONFIG_DIR`), as a person's machine would.
 */
export async function azureCliThrough(mock: string) {
  const folder = mkdtempSync(path.join(tmpdir(), 'mock-portal-az-'));
  const caFile = path.join(folder, 'mock-azure-portal-ca.pem');
  const response = await fetch(`${mock}/scenarios/mock-azure-portal-ca.pem`);
  if (response.status !== 200) throw new Error(`the mock offers no certificate authority (${response.status})`);
  writeFileSync(caFile, await response.text());
  // The CLI's browser sign-in opens its page with $BROWSER: here, a script that writes it down for
  // the test's own browser to open.
  const opened = path.join(folder, 'opened-pages.txt');
  const browser = path.join(folder, 'browser.sh');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  chmodSync(browser, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(https?|no|all)_proxy$/i.test(name))),
    HTTPS_PROXY: mock,
    REQUESTS_CA_BUNDLE: caFile,
    AZURE_CONFIG_DIR: path.join(folder, 'config'),
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
    BROWSER: browser,
  };

  const start = (args: readonly string[]): RunningCli => {
    const child = spawn('az', [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<CliRun>((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
    return { stderr: () => stderr, ended, stop: () => child.kill() };
  };

  return {
    start,
    /** The pages the CLI asked a browser to open, in order. */
    openedPages: (): string[] => (existsSync(opened) ? readFileSync(opened, 'utf8').split('\n').filter(Boolean) : []),
    run: (args: readonly string[]) => start(args).ended,
    /** The JSON a command prints with `--output json`. */
    json: async (args: readonly string[]): Promise<unknown> => {
      const done = await start([...args, '--output', 'json']).ended;
      if (done.status !== 0) throw new Error(`az ${args.join(' ')} ended with ${done.status}: ${done.stderr}`);
      return JSON.parse(done.stdout) as unknown;
    },
  };
}

/** The code `az login --use-device-code` asks the person to type, from Microsoft's sentence. */
export const DEVICE_CODE_SENTENCE = /open the page (\S+) and enter the code (\w+) to authenticate/;
