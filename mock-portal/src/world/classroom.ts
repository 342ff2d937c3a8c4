import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isReadable, readableLetters } from './provenance.js';

/** A learner of a class: the name they gave, and the world their browser is in now. */
export interface Learner {
  /** Unguessable: the learner's browser holds it, and whoever holds it is this learner. */
  readonly id: string;
  readonly name: string;
  readonly joinedAt: string;
  /** The world this learner's browser last used; undefined until it has one. */
  readonly worldId?: string;
}

/** A class as the trainer started it, and its learners in the order they joined. */
export interface Classroom {
  readonly id: string;
  /** What learners type to join: six readable letters, granting only the right to join. */
  readonly code: string;
  readonly name: string;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly learners: readonly Learner[];
}

export const CLASS_NAME_MAX = 80;
export const LEARNER_NAME_MAX = 60;
/** Classes kept at once; starting one more forgets the oldest ended one. */
export const MAX_CLASSES = 200;
export const MAX_LEARNERS_PER_CLASS = 500;
export const CLASS_CODE_LENGTH = 6;

export type NameProblem = 'empty' | 'too-long' | 'invisible-characters';

/**
 * Control characters, and the marks and overrides that change the direction of the text around
 * them: invisible in a name, and able to make one row of the trainer's list read as another.
 * Letters of right-to-left scripts are names like any other.
 */
const INVISIBLE = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** A name as people typed it, made one line with single spaces; or why it cannot be a name. */
export function personName(
  raw: unknown,
  max: number,
): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  if (typeof raw !== 'string') return { ok: false, problem: 'empty' };
  if ([...raw].length > max * 4) return { ok: false, problem: 'too-long' };
  if (INVISIBLE.test(raw.replace(/[\t\r\n]/g, ' '))) return { ok: false, problem: 'invisible-characters' };
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') return { ok: false, problem: 'empty' };
  if ([...name].length > max) return { ok: false, problem: 'too-long' };
  return { ok: true, name };
}

/** A class code as typed: any case, with spaces or a dash; undefined when it cannot be one. */
export function classCodeOf(typed: unknown): string | undefined {
  if (typeof typed !== 'string' || typed.length > 40) return undefined;
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CLASS_CODE_LENGTH && isReadable(code) ? code : undefined;
}

const when = z.iso.datetime();
const uuid = z.uuid();
const name = (max: number) =>
  z.string().refine((text) => {
    const checked = personName(text, max);
    return checked.ok && checked.name === text;
  }, 'not a name');

/** The classes as a store keeps them. */
export const classesFileSchema = z.strictObject({
  format: z.literal('mock-azure-classes/1'),
  classes: z
    .array(
      z.strictObject({
        id: uuid,
        code: z.string().refine((code) => classCodeOf(code) === code, 'not a class code'),
        name: name(CLASS_NAME_MAX),
        startedAt: when,
        endedAt: when.optional(),
        learners: z
          .array(z.strictObject({ id: uuid, name: name(LEARNER_NAME_MAX), joinedAt: when, worldId: uuid.optional() }))
          .max(MAX_LEARNERS_PER_CLASS),
      }),
    )
    .max(MAX_CLASSES),
});
export type ClassesFile = z.infer<typeof classesFileSchema>;

/** Where classes are kept across a restart: told the whole list after every change. */
export interface ClassStore {
  save(file: ClassesFile): void;
  /**
   * A learner's browser used another world. A store that keeps each learner's world apart (Redis,
   * where a class joining at once changes them all) is told only this; otherwise it saves the list.
   */
  learnerEntered?(learnerId: string, worldId: string): void;
}

export type Started =
  { ok: true; classroom: Classroom } | { ok: false; problem: NameProblem | 'too-many' | 'code-taken' };
export type Joined =
  | { ok: true; classroom: Classroom; learner: Learner }
  | { ok: false; problem: NameProblem | 'no-such-class' | 'ended' | 'full' };

/**
 * The classes trainers started, and who joined each. A learner's browser names the learner; the
 * world selection tells which world that browser uses, so the trainer's list has one row per
 * learner, whatever worlds they went through. Worlds of nobody's class are in no class.
 */
export class Classes {
  /** Class id → class, in the order started. */
  readonly #classes = new Map<string, Classroom>();
  /** Learner id → their class's id. */
  readonly #classOfLearner = new Map<string, string>();
  readonly #store: ClassStore | undefined;
  readonly #now: () => Date;
  readonly #newCode: () => string;

  /** `now` and `newCode` for tests: a clock they set, codes they choose (random ones by default). */
  constructor(
    stored?: ClassesFile,
    store?: ClassStore,
    now: () => Date = () => new Date(),
    newCode: () => string = () => readableLetters(CLASS_CODE_LENGTH),
  ) {
    this.#store = store;
    this.#now = now;
    this.#newCode = newCode;
    for (const classroom of stored?.classes ?? []) this.#put(classroom);
  }

  /** Takes the classes another process saved, in place of these (nothing is saved back). */
  restore(file: ClassesFile): void {
    this.#classes.clear();
    this.#classOfLearner.clear();
    for (const classroom of file.classes) this.#put(classroom);
  }

  /** Starts a class; `code` only for a class arranged by tests (pictures need the same code every run). */
  start(rawName: unknown, code?: string): Started {
    const checked = personName(rawName, CLASS_NAME_MAX);
    if (!checked.ok) return checked;
    if (code !== undefined && (classCodeOf(code) !== code || this.byCode(code)))
      return { ok: false, problem: 'code-taken' };
    if (this.#classes.size >= MAX_CLASSES && !this.#forgetOldestEnded()) return { ok: false, problem: 'too-many' };
    const classroom: Classroom = {
      id: randomUUID(),
      code: code ?? this.#unusedCode(),
      name: checked.name,
      startedAt: this.#now().toISOString(),
      learners: [],
    };
    this.#put(classroom);
    this.#save();
    return { ok: true, classroom };
  }

  /** Every class, the newest first. */
  list(): Classroom[] {
    return [...this.#classes.values()].reverse();
  }

  byId(id: string): Classroom | undefined {
    return this.#classes.get(id);
  }

  /** The class a typed code names, open or ended; undefined when none has it. */
  byCode(typed: unknown): Classroom | undefined {
    const code = classCodeOf(typed);
    if (code === undefined) return undefined;
    for (const classroom of this.#classes.values()) if (classroom.code === code) return classroom;
    return undefined;
  }

  /** Ends a class: its list stays, its learners' browsers leave it, nobody more can join. */
  end(id: string): boolean {
    const classroom = this.#classes.get(id);
    if (!classroom || classroom.endedAt !== undefined) return false;
    this.#classes.set(id, { ...classroom, endedAt: this.#now().toISOString() });
    this.#save();
    return true;
  }

  join(typedCode: unknown, rawName: unknown): Joined {
    const classroom = this.byCode(typedCode);
    if (!classroom) return { ok: false, problem: 'no-such-class' };
    if (classroom.endedAt !== undefined) return { ok: false, problem: 'ended' };
    const checked = personName(rawName, LEARNER_NAME_MAX);
    if (!checked.ok) return checked;
    if (classroom.learners.length >= MAX_LEARNERS_PER_CLASS) return { ok: false, problem: 'full' };
    const learner: Learner = { id: randomUUID(), name: checked.name, joinedAt: this.#now().toISOString() };
    this.#classes.set(classroom.id, { ...classroom, learners: [...classroom.learners, learner] });
    this.#classOfLearner.set(learner.id, classroom.id);
    this.#save();
    return { ok: true, classroom: this.#classes.get(classroom.id) ?? classroom, learner };
  }

  /** The learner this id names and their class, while that class is open; undefined otherwise. */
  membership(learnerId: string): { classroom: Classroom; learner: Learner } | undefined {
    const classroom = this.#classes.get(this.#classOfLearner.get(learnerId) ?? '');
    const learner = classroom?.learners.find((candidate) => candidate.id === learnerId);
    return classroom && learner && classroom.endedAt === undefined ? { classroom, learner } : undefined;
  }

  /** The learner gives another name; their row stays theirs. */
  rename(learnerId: string, rawName: unknown): { ok: true } | { ok: false; problem: NameProblem | 'not-in-a-class' } {
    if (!this.membership(learnerId)) return { ok: false, problem: 'not-in-a-class' };
    const checked = personName(rawName, LEARNER_NAME_MAX);
    if (!checked.ok) return checked;
    this.#updateLearner(learnerId, (learner) => ({ ...learner, name: checked.name }));
    return { ok: true };
  }

  /** The learner's browser used this world: from now on it is the world their row shows. */
  entered(learnerId: string, worldId: string): void {
    const found = this.membership(learnerId);
    if (!found || found.learner.worldId === worldId) return;
    this.#updateLearner(learnerId, (learner) => ({ ...learner, worldId }), false);
    if (this.#store?.learnerEntered) this.#store.learnerEntered(learnerId, worldId);
    else this.#save();
  }

  /** Each learner's world as another process last told it (a store that keeps them apart). */
  learnersEntered(worlds: ReadonlyMap<string, string>): void {
    for (const [learnerId, worldId] of worlds)
      this.#updateLearner(learnerId, (learner) => ({ ...learner, worldId }), false);
  }

  /** Changes a learner of any class, open or ended (the callers check what they must). */
  #updateLearner(learnerId: string, change: (learner: Learner) => Learner, save = true): void {
    const classroom = this.#classes.get(this.#classOfLearner.get(learnerId) ?? '');
    if (!classroom?.learners.some((learner) => learner.id === learnerId)) return;
    const learners = classroom.learners.map((learner) => (learner.id === learnerId ? change(learner) : learner));
    this.#classes.set(classroom.id, { ...classroom, learners });
    if (save) this.#save();
  }

  /** Forgets a class and its learners altogether (the test API's clean-up). */
  forget(id: string): boolean {
    const classroom = this.#classes.get(id);
    if (!classroom) return false;
    this.#classes.delete(id);
    for (const learner of classroom.learners) this.#classOfLearner.delete(learner.id);
    this.#save();
    return true;
  }

  #put(classroom: Classroom): void {
    this.#classes.set(classroom.id, classroom);
    for (const learner of classroom.learners) this.#classOfLearner.set(learner.id, classroom.id);
  }

  #forgetOldestEnded(): boolean {
    const oldest = [...this.#classes.values()].find((classroom) => classroom.endedAt !== undefined);
    return oldest !== undefined && this.forget(oldest.id);
  }

  #unusedCode(): string {
    const taken = new Set([...this.#classes.values()].map((classroom) => classroom.code));
    let code = this.#newCode();
    while (taken.has(code)) code = this.#newCode();
    return code;
  }

  #save(): void {
    this.#store?.save({ format: 'mock-azure-classes/1', classes: [...this.#classes.values()] } as ClassesFile);
  }
}
