import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * The trainer key kept in the data folder, made on first start: a trainer's bookmark of the
 * trainer view keeps working across restarts. Without a data folder (test mode), a new key per start.
 */
export function keptTrainerKey(dataDir: string | undefined): string {
  if (!dataDir) return newKey();
  const file = path.join(dataDir, 'trainer.key');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[\x21-\x7e]{16,200}$/.test(kept)) return kept;
  } catch {
    // Not made yet.
  }
  const key = newKey();
  writeFileAtomic.sync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

function newKey(): string {
  return randomBytes(18).toString('base64url');
}
