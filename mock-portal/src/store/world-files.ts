import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { StoredWorld, WorldStore } from '../world/registry.js';
import { worldFileOf, worldFileSchema } from '../world/world-file.js';
import type { World } from '../world/world.js';
import { isWorldId } from '../world/provenance.js';
import { CLASSES_FILE } from './class-file.js';

/** One world's file in the data folder: the world as it is exported, with its id and code. */
const storedSchema = z.strictObject({
  id: z.string().refine(isWorldId, 'not a world id'),
  code: z.string().regex(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/),
  world: worldFileSchema,
});

/**
 * Worlds kept as one JSON file each in a folder (DATA_DIR). Every change is written to a temporary
 * file that then replaces the world's file (write-file-atomic), so a stop mid-write leaves the
 * previous version whole. Writes of one world never overlap: a change made while its file is being
 * written is written next, from the world as it is then.
 */
export class WorldFiles implements WorldStore {
  readonly #dir: string;
  /** World id → the world to write next; present while that world's file is being written. */
  readonly #writing = new Map<string, World | undefined>();
  readonly #idle = new Set<() => void>();

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Every world in the folder. A file that is not a world (but the classes') is left where it is and reported. */
  load(report: (file: string, problem: string) => void = () => {}): StoredWorld[] {
    const worlds: StoredWorld[] = [];
    for (const name of readdirSync(this.#dir)) {
      if (!name.endsWith('.json') || name === CLASSES_FILE) continue;
      const file = path.join(this.#dir, name);
      try {
        const stored = storedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        if (!stored.success || `${stored.data.id}.json` !== name) {
          report(file, stored.success ? 'its name is not its id' : z.prettifyError(stored.error));
          continue;
        }
        worlds.push({ ...stored.data, file: stored.data.world, changedAt: statSync(file).mtimeMs });
      } catch (error) {
        report(file, (error as Error).message);
      }
    }
    return worlds;
  }

  save(world: World): void {
    if (!isWorldId(world.id)) return;
    if (this.#writing.has(world.id)) {
      this.#writing.set(world.id, world);
      return;
    }
    this.#writing.set(world.id, undefined);
    void this.#write(world);
  }

  delete(id: string): void {
    if (!isWorldId(id)) return;
    this.#writing.delete(id);
    try {
      unlinkSync(this.#fileOf(id));
    } catch {
      // Never written, or already gone.
    }
  }

  /** Resolves once every change told so far is on disk (before the process stops). */
  flush(): Promise<void> {
    if (this.#writing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }

  async #write(world: World): Promise<void> {
    const stored = { id: world.id, code: world.code, world: worldFileOf(world) };
    try {
      await writeFileAtomic(this.#fileOf(world.id), JSON.stringify(stored), { mode: 0o600 });
    } catch (error) {
      console.error(`Could not save world ${world.code}: ${(error as Error).message}`);
    }
    if (!this.#writing.has(world.id)) {
      // Deleted while it was being written: the write must not bring it back.
      this.delete(world.id);
    } else {
      const next = this.#writing.get(world.id);
      if (next) {
        this.#writing.set(world.id, undefined);
        void this.#write(next);
        return;
      }
      this.#writing.delete(world.id);
    }
    if (this.#writing.size === 0) for (const resolve of this.#idle) resolve();
    if (this.#writing.size === 0) this.#idle.clear();
  }

  #fileOf(id: string): string {
    return path.join(this.#dir, `${id}.json`);
  }
}
