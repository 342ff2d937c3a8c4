import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../src/config.js';
import { listen, type Running } from '../src/listen.js';
import { WorldFiles } from '../src/store/world-files.js';
import { WorldRegistry } from '../src/world/registry.js';

export interface KeepingRunning extends Running {
  readonly dataDir: string;
  readonly store: WorldFiles;
}

/** A new, empty data folder of its own. */
export function newDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'mock-portal-data-'));
}

/** The portal as `npm start` runs it: worlds kept in a data folder, read back at start. */
export async function listenKeepingWorlds(dataDir: string, options: Partial<Config> = {}): Promise<KeepingRunning> {
  const store = new WorldFiles(dataDir);
  const registry = new WorldRegistry({}, store, store.load());
  const running = await listen(options, {}, registry);
  return { ...running, dataDir, store };
}

/** Stops as `npm start` stops (every change on disk first) and starts again on the same port and folder. */
export async function restartKeepingWorlds(running: KeepingRunning): Promise<KeepingRunning> {
  const port = Number(new URL(running.url).port);
  await running.store.flush();
  await running.close();
  return listenKeepingWorlds(running.dataDir, { port });
}
