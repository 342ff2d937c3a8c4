import { readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { classesFileSchema, type ClassesFile, type ClassStore } from '../world/classroom.js';

/** The classes' file in the data folder, beside the worlds' files. */
export const CLASSES_FILE = 'classes.json';

/**
 * Every class in one file of the data folder (`classes.json`), replaced whole on each change
 * (write-file-atomic: a stop mid-write leaves the previous version). Writes never overlap: a
 * change told while one is being written is written next, the latest only.
 */
export class ClassFile implements ClassStore {
  readonly #file: string;
  #next: ClassesFile | undefined;
  #writing: Promise<void> | undefined;

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, CLASSES_FILE);
  }

  /** The classes kept, none when there is no file yet; a file that is not classes is reported and left. */
  load(report: (file: string, problem: string) => void = () => {}): ClassesFile | undefined {
    let text: string;
    try {
      text = readFileSync(this.#file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const parsed = classesFileSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      report(this.#file, z.prettifyError(parsed.error));
    } catch (error) {
      report(this.#file, (error as Error).message);
    }
    return undefined;
  }

  save(file: ClassesFile): void {
    this.#next = file;
    this.#writing ??= this.#writeAll();
  }

  /** Resolves once every change told so far is on disk. */
  async flush(): Promise<void> {
    await this.#writing;
  }

  async #writeAll(): Promise<void> {
    while (this.#next) {
      const file = this.#next;
      this.#next = undefined;
      try {
        await writeFileAtomic(this.#file, JSON.stringify(file), { mode: 0o600 });
      } catch (error) {
        console.error(`Could not save the classes: ${(error as Error).message}`);
      }
    }
    this.#writing = undefined;
  }
}
