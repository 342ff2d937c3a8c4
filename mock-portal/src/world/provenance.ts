import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Where a world's new ids, its code and its times come from. */
export interface Provenance {
  readonly worldId: string;
  readonly code: string;
  /** An id for a new directory or subscription. */
  newId(): string;
  /** The six digits a phone verification sends. */
  newCode(): string;
  now(): Date;
}

/** Letters and digits no one misreads (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** `length` random letters of the readable alphabet. */
export function readableLetters(length: number): string {
  return [...randomBytes(length)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

/** Whether every character is one of the readable alphabet's. */
export function isReadable(text: string): boolean {
  return [...text].every((letter) => CODE_ALPHABET.includes(letter));
}

/** A world's code as people read it out: `K7Q-F2M`. About 244 million of them. */
export function worldCode(): string {
  const letters = readableLetters(6);
  return `${letters.slice(0, 3)}-${letters.slice(3)}`;
}

/** What every world but a picture's has: random ids and code, the wall clock. */
export function randomProvenance(worldId: string = randomUUID(), code: string = worldCode()): Provenance {
  return {
    worldId,
    code,
    newId: () => randomUUID(),
    newCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
    now: () => new Date(),
  };
}

const WORLD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a text can be a world's id (a random UUID, or a picture world's fixed one): anything else names no world. */
export function isWorldId(text: string): boolean {
  return WORLD_ID.test(text);
}

/** The most picture worlds one process holds at once (a class of learners in the trainer's picture). */
export const PICTURE_WORLDS = 20;

/** When every picture world signs up: the spring of the article. */
const PICTURE_TIME = new Date('2017-03-01T09:00:00.000Z');

/**
 * The n-th world for pictures (1 to PICTURE_WORLDS): the same id, code, directory and subscription
 * ids and clock on every run, so that a picture changes only when a page does. Its accounts keep
 * random ids: an account id names one world in the whole process, and no page shows one.
 */
export function pictureProvenance(n: number): Provenance {
  if (!Number.isInteger(n) || n < 1 || n > PICTURE_WORLDS)
    throw new RangeError(`picture world ${n} is not 1-${PICTURE_WORLDS}`);
  const prefix = n.toString(16).padStart(8, '0');
  let made = 0;
  const id = (serial: number) => `${prefix}-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
  return {
    worldId: id(0),
    code: `PCT-${CODE_ALPHABET[n]}${CODE_ALPHABET[n]}${CODE_ALPHABET[n]}`,
    newId: () => id((made += 1)),
    newCode: () => '123456',
    now: () => new Date(PICTURE_TIME),
  };
}
