import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  classCodeOf,
  Classes,
  classesFileSchema,
  MAX_CLASSES,
  MAX_LEARNERS_PER_CLASS,
  personName,
  type ClassesFile,
} from '../src/world/classroom.js';
import { CLASSES_IN_THIS_PROCESS } from '../src/world/shared-worlds.js';

/** A store that keeps the last file it was told, as the data folder would. */
class LastFile {
  file: ClassesFile | undefined;
  saves = 0;
  save(file: ClassesFile): void {
    this.file = structuredClone(file);
    this.saves += 1;
  }
}

function started(classes: Classes, name = 'Tuesday 10:00') {
  const result = classes.start(name);
  assert.ok(result.ok);
  return result.classroom;
}

function joined(classes: Classes, code: string, name: string) {
  const result = classes.join(code, name);
  assert.ok(result.ok, JSON.stringify(result));
  return result.learner;
}

describe('a name a person gives', () => {
  it('is one line with single spaces, in any script', () => {
    assert.deepEqual(personName('  Dana \t Lee\n', 60), { ok: true, name: 'Dana Lee' });
    assert.deepEqual(personName('נועה כהן', 60), { ok: true, name: 'נועה כהן' });
    assert.deepEqual(personName('陳 愛麗絲', 60), { ok: true, name: '陳 愛麗絲' });
    assert.deepEqual(
      personName('<b>Dana</b>', 60),
      { ok: true, name: '<b>Dana</b>' },
      'markup is text: pages escape it',
    );
  });

  it('is refused when empty, too long, or holding invisible characters', () => {
    for (const raw of ['', '   ', undefined, 42, ['Dana']])
      assert.deepEqual(personName(raw, 60), { ok: false, problem: 'empty' });
    assert.deepEqual(personName('x'.repeat(10_000), 60), { ok: false, problem: 'too-long' });
    assert.deepEqual(personName('x'.repeat(61), 60), { ok: false, problem: 'too-long' });
    assert.equal(personName('😀'.repeat(60), 60).ok, true, 'counted in characters, not UTF-16 units');
    for (const raw of ['Dana\u0000', 'Da\u0007na', '\u202Eanad', 'Dana\u200F', '\u2066Dana\u2069', 'Dana\u001b[31m'])
      assert.deepEqual(personName(raw, 60), { ok: false, problem: 'invisible-characters' }, JSON.stringify(raw));
  });
});

describe('a class code as typed', () => {
  it('takes any case, spaces and a dash', () => {
    assert.equal(classCodeOf('qx7-kda'), 'QX7KDA');
    assert.equal(classCodeOf(' QX7 KDA '), 'QX7KDA');
  });
  it('is nothing when it cannot be a code', () => {
    for (const typed of ['', 'QX7KD', 'QX7KDAA', 'QX0KDA', 'QX7KD!', undefined, 7, 'x'.repeat(1000)])
      assert.equal(classCodeOf(typed), undefined, String(typed));
  });
});

describe('classes', () => {
  it('start with a name and a code; learners join by the code with a name', () => {
    const classes = new Classes();
    const tuesday = started(classes);
    assert.match(tuesday.code, /^[A-Z0-9]{6}$/);
    const dana = joined(classes, tuesday.code.toLowerCase(), 'Dana');
    const found = classes.membership(dana.id);
    assert.equal(found?.classroom.id, tuesday.id);
    assert.equal(found?.learner.name, 'Dana');
    assert.deepEqual(
      classes.byId(tuesday.id)?.learners.map((l) => l.name),
      ['Dana'],
    );
  });

  it('refuse a bad class name and change nothing', () => {
    const store = new LastFile();
    const classes = new Classes(undefined, store);
    assert.deepEqual(classes.start('\u202E00:01 yadseuT'), { ok: false, problem: 'invisible-characters' });
    assert.deepEqual(classes.start('x'.repeat(10_000)), { ok: false, problem: 'too-long' });
    assert.deepEqual(classes.list(), []);
    assert.equal(store.saves, 0);
  });

  it('refuse joining with no such code, a bad name, or an ended class, and change nothing', () => {
    const classes = new Classes();
    const tuesday = started(classes);
    assert.deepEqual(classes.join('AAAAAA', 'Dana'), { ok: false, problem: 'no-such-class' });
    assert.deepEqual(classes.join(tuesday.code, '\u0000'), { ok: false, problem: 'invisible-characters' });
    assert.ok(classes.end(tuesday.id));
    assert.equal(classes.end(tuesday.id), false, 'ended once');
    assert.deepEqual(classes.join(tuesday.code, 'Dana'), { ok: false, problem: 'ended' });
    assert.deepEqual(classes.byId(tuesday.id)?.learners, []);
  });

  it('let a learner change their name mid-class: one learner, one row, the new name', () => {
    const classes = new Classes();
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    classes.entered(dana.id, randomUUID());
    assert.deepEqual(classes.rename(dana.id, 'Dana Lee'), { ok: true });
    assert.deepEqual(classes.rename(dana.id, 'x'.repeat(10_000)), { ok: false, problem: 'too-long' });
    const learners = classes.byId(tuesday.id)?.learners ?? [];
    assert.deepEqual(
      learners.map((l) => [l.id, l.name]),
      [[dana.id, 'Dana Lee']],
    );
    assert.ok(learners[0]?.worldId, 'the world stays with the learner');
  });

  it('follow the world each learner uses, and save only when it changes', () => {
    const store = new LastFile();
    const classes = new Classes(undefined, store);
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    const [first, second] = [randomUUID(), randomUUID()];
    classes.entered(dana.id, first);
    const saves = store.saves;
    classes.entered(dana.id, first);
    assert.equal(store.saves, saves, 'the same world again saves nothing');
    classes.entered(dana.id, second);
    assert.equal(classes.membership(dana.id)?.learner.worldId, second);
    classes.entered('not-a-learner', first);
    assert.equal(store.saves, saves + 1);
  });

  it('once ended, keep their list and let their learners go', () => {
    const classes = new Classes();
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    classes.end(tuesday.id);
    assert.equal(classes.membership(dana.id), undefined);
    assert.deepEqual(classes.rename(dana.id, 'Eve'), { ok: false, problem: 'not-in-a-class' });
    assert.equal(classes.byId(tuesday.id)?.learners[0]?.name, 'Dana');
    assert.ok(classes.byId(tuesday.id)?.endedAt);
  });

  it('survive a restart through their file, which a hostile file cannot pass', () => {
    const store = new LastFile();
    const classes = new Classes(undefined, store);
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    classes.entered(dana.id, randomUUID());
    const file = classesFileSchema.parse(JSON.parse(JSON.stringify(store.file)));
    const again = new Classes(file);
    assert.deepEqual(again.byId(tuesday.id), classes.byId(tuesday.id));
    assert.equal(again.membership(dana.id)?.learner.name, 'Dana');
    assert.equal(again.byCode(tuesday.code)?.id, tuesday.id);
    const hostile = (change: (c: Record<string, unknown>) => void) => {
      const copy = structuredClone(file) as { classes: Record<string, unknown>[] };
      change(copy.classes[0] ?? {});
      return classesFileSchema.safeParse(copy).success;
    };
    assert.equal(
      hostile(() => {}),
      true,
    );
    assert.equal(
      hostile((c) => (c.name = '<script>\u202E')),
      false,
    );
    assert.equal(
      hostile((c) => (c.code = 'not a code')),
      false,
    );
    assert.equal(
      hostile((c) => (c.learners = [{ id: 'x', name: 'Dana', joinedAt: 'now' }])),
      false,
    );
    assert.equal(
      hostile((c) => (c.extra = 1)),
      false,
    );
  });

  it('make room for a new class by forgetting the oldest ended one, never an open one', () => {
    const classes = new Classes();
    const first = started(classes, 'first');
    for (let n = 1; n < MAX_CLASSES; n += 1) started(classes, `class ${n}`);
    assert.deepEqual(classes.start('one too many'), { ok: false, problem: 'too-many' });
    classes.end(first.id);
    assert.ok(classes.start('one more').ok);
    assert.equal(classes.byId(first.id), undefined);
    assert.equal(classes.list().length, MAX_CLASSES);
    assert.equal(classes.list()[0]?.name, 'one more', 'newest first');
  });

  it('give every class its own code', () => {
    const classes = new Classes();
    const codes = new Set(Array.from({ length: MAX_CLASSES }, (_, n) => started(classes, `c${n}`).code));
    assert.equal(codes.size, MAX_CLASSES);
  });
});

describe('classes, at their edges', () => {
  it('look no further than four times the limit into a name, and no further than 40 characters into a code', () => {
    assert.deepEqual(personName(' '.repeat(240), 60), { ok: false, problem: 'empty' });
    assert.deepEqual(personName(' '.repeat(241), 60), { ok: false, problem: 'too-long' });
    assert.equal(classCodeOf(`${' '.repeat(34)}QX7KDA`), 'QX7KDA');
    assert.equal(classCodeOf(`${' '.repeat(35)}QX7KDA`), undefined);
  });

  it('take a code chosen for them only when it is a free class code', () => {
    const classes = new Classes();
    const fixed = classes.start('Pictures', 'TRY7QA');
    assert.ok(fixed.ok);
    assert.equal(fixed.classroom.code, 'TRY7QA');
    assert.deepEqual(classes.start('Again', 'TRY7QA'), { ok: false, problem: 'code-taken' });
    assert.deepEqual(classes.start('Lower', 'try7qc'), { ok: false, problem: 'code-taken' });
    assert.deepEqual(classes.start('Not one', 'TRY7Q'), { ok: false, problem: 'code-taken' });
    assert.equal(classes.list().length, 1);
  });

  it('never give two classes one code, however the random letters fall', () => {
    const codes = ['AAAAAA', 'AAAAAA', 'AAAAAA', 'CCCCCC'];
    const classes = new Classes(undefined, undefined, undefined, () => codes.shift() ?? 'DDDDDD');
    assert.equal(started(classes, 'first').code, 'AAAAAA');
    assert.equal(started(classes, 'second').code, 'CCCCCC');
  });

  it('tell the store every change: a class started, a learner joined, a class ended or forgotten', () => {
    const store = new LastFile();
    const classes = new Classes(undefined, store);
    const tuesday = started(classes);
    assert.deepEqual(
      store.file?.classes.map((c) => c.name),
      ['Tuesday 10:00'],
    );
    joined(classes, tuesday.code, 'Dana');
    assert.deepEqual(
      store.file?.classes[0]?.learners.map((l) => l.name),
      ['Dana'],
    );
    classes.end(tuesday.id);
    assert.ok(store.file?.classes[0]?.endedAt);
    assert.equal(classes.forget('no-such-class'), false);
    assert.ok(classes.forget(tuesday.id));
    assert.deepEqual(store.file?.classes, []);
  });

  it('answer a join with the class as it is now, the new learner in it, and each learner as themselves', () => {
    const classes = new Classes();
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    const second = classes.join(tuesday.code, 'Erin');
    assert.ok(second.ok);
    assert.deepEqual(
      second.classroom.learners.map((l) => l.name),
      ['Dana', 'Erin'],
    );
    assert.equal(classes.membership(second.learner.id)?.learner.name, 'Erin');
    classes.rename(second.learner.id, 'Erin Wu');
    assert.equal(classes.membership(dana.id)?.learner.name, 'Dana', 'renaming one learner renames no other');
  });

  it(`are full at ${MAX_LEARNERS_PER_CLASS} learners, not one before`, () => {
    const classes = new Classes();
    const big = started(classes);
    for (let n = 0; n < MAX_LEARNERS_PER_CLASS; n += 1) joined(classes, big.code, `Learner ${n}`);
    assert.deepEqual(classes.join(big.code, 'One more'), { ok: false, problem: 'full' });
  });

  it('say why a file is refused: a name that is not one, a code that is not one', () => {
    const file = {
      format: 'mock-azure-classes/1',
      classes: [
        { id: randomUUID(), code: 'TRY7QA', name: '  Dana  ', startedAt: new Date().toISOString(), learners: [] },
      ],
    };
    const messages = (changed: unknown) =>
      classesFileSchema.safeParse(changed).error?.issues.map((issue) => issue.message) ?? [];
    assert.deepEqual(messages(file), ['not a name']);
    assert.deepEqual(messages({ ...file, classes: [{ ...file.classes[0], name: 'Dana', code: 'nope' }] }), [
      'not a class code',
    ]);
  });
});

describe('classes another process saved', () => {
  it("take that process's classes in place of these, learners' memberships with them, and save nothing back", () => {
    const store = new LastFile();
    const elsewhere = new Classes(undefined, store);
    const tuesday = started(elsewhere);
    const dana = joined(elsewhere, tuesday.code, 'Dana');
    const own = new LastFile();
    const here = new Classes(undefined, own);
    const forgotten = started(here, 'Monday');
    const savesBefore = own.saves;
    here.restore(structuredClone(store.file!));
    assert.equal(own.saves, savesBefore);
    assert.deepEqual(
      here.list().map((classroom) => classroom.name),
      ['Tuesday 10:00'],
    );
    assert.equal(here.byId(forgotten.id), undefined);
    assert.equal(here.membership(dana.id)?.learner.name, 'Dana');
  });
});

describe("a learner's world, kept apart by a store that asks to", () => {
  /** A store like Redis's: it keeps each learner's world on its own. */
  class WorldsApart extends LastFile {
    readonly entered: [string, string][] = [];
    learnerEntered(learnerId: string, worldId: string): void {
      this.entered.push([learnerId, worldId]);
    }
  }

  it('tells the store only the world, once per new world, and saves no list for it', () => {
    const store = new WorldsApart();
    const classes = new Classes(undefined, store);
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    const saves = store.saves;
    const world = randomUUID();
    classes.entered(dana.id, world);
    classes.entered(dana.id, world);
    classes.entered('nobody', world);
    assert.deepEqual(store.entered, [[dana.id, world]]);
    assert.equal(store.saves, saves);
    assert.equal(classes.membership(dana.id)?.learner.worldId, world);
  });

  it("takes every learner's world another process told, in open and ended classes, and saves nothing", () => {
    const store = new WorldsApart();
    const classes = new Classes(undefined, store);
    const tuesday = started(classes);
    const dana = joined(classes, tuesday.code, 'Dana');
    classes.end(tuesday.id);
    const saves = store.saves;
    const world = randomUUID();
    classes.learnersEntered(
      new Map([
        [dana.id, world],
        ['nobody', world],
      ]),
    );
    assert.equal(store.saves, saves);
    assert.equal(classes.byId(tuesday.id)?.learners[0]?.worldId, world);
  });
});

describe('classes in one process', () => {
  it('make a change at once and give its result; reading and saving ask nothing', async () => {
    assert.equal(await CLASSES_IN_THIS_PROCESS.change(() => 42), 42);
    await assert.rejects(
      CLASSES_IN_THIS_PROCESS.change(() => {
        throw new Error('refused');
      }),
      /refused/,
    );
    assert.equal(await CLASSES_IN_THIS_PROCESS.read(), undefined);
    assert.equal(await CLASSES_IN_THIS_PROCESS.saved(), undefined);
  });
});
