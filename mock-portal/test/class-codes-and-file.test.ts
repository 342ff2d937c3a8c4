import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { WRONG_CLASS_CODES_PER_QUARTER_HOUR } from '../src/services/classroom/index.js';
import { ClassFile } from '../src/store/class-file.js';
import { Classes } from '../src/world/classroom.js';
import { CookieClient } from '../../testkit/cookie-client.js';

const KEY = 'a-trainer-key-for-tests-0123456789';

describe('class codes guessed', () => {
  let running: Running;
  beforeEach(async () => {
    running = await listen({ trainerKey: KEY });
  });
  afterEach(() => running.close());

  it('are limited per address like trainer keys: past the limit, even the right code is refused for a while', async () => {
    const started = running.classes.start('Guarded');
    assert.ok(started.ok);
    const guesser = new CookieClient(running.url);
    guesser.cookies.set('lang', 'en-US');
    for (let n = 0; n < WRONG_CLASS_CODES_PER_QUARTER_HOUR; n += 1) {
      const code = `AAA${String(n)
        .padStart(3, '0')
        .replace(/[0125 8]/g, 'C')}`;
      const response = await guesser.send(n % 2 ? `/class/${code}` : `/class?code=${code}`);
      assert.equal(response.status, 404, code);
      assert.match(await response.text(), /No class has this code/);
    }
    const right = await guesser.send(`/class/${started.classroom.code}`);
    assert.equal(right.status, 429);
    assert.match(await right.text(), /Too many wrong class codes/);
    assert.ok(right.headers.get('ratelimit'));
  });

  it('that are right, mistyped in case or with a dash, do not count', async () => {
    const started = running.classes.start('Friendly');
    assert.ok(started.ok);
    const { code } = started.classroom;
    const learner = new CookieClient(running.url);
    for (let n = 0; n < WRONG_CLASS_CODES_PER_QUARTER_HOUR + 5; n += 1) {
      const typed = n % 2 ? code.toLowerCase() : `${code.slice(0, 3)}-${code.slice(3)}`;
      const response = await learner.send(`/class?code=${encodeURIComponent(typed)}`);
      assert.equal(response.status, 303);
      assert.equal(response.headers.get('location'), `/class/${code}`);
    }
  });
});

describe('the classes file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'classes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps classes and learners across a restart', async () => {
    const file = new ClassFile(dir);
    const classes = new Classes(file.load(), file);
    const started = classes.start('Tuesday 10:00');
    assert.ok(started.ok);
    const joined = classes.join(started.classroom.code, 'Dana');
    assert.ok(joined.ok);
    classes.rename(joined.learner.id, 'Dana Lee');
    await file.flush();
    const again = new Classes(new ClassFile(dir).load());
    assert.deepEqual(again.list(), classes.list());
    assert.equal(again.membership(joined.learner.id)?.learner.name, 'Dana Lee');
  });

  it('reports a file that is not classes and starts with none', () => {
    writeFileSync(
      path.join(dir, 'classes.json'),
      JSON.stringify({ format: 'mock-azure-classes/1', classes: [{ id: 1 }] }),
    );
    const problems: string[] = [];
    assert.equal(
      new ClassFile(dir).load((_file, problem) => problems.push(problem)),
      undefined,
    );
    assert.equal(problems.length, 1);
    writeFileSync(path.join(dir, 'classes.json'), '{');
    assert.equal(
      new ClassFile(dir).load((_file, problem) => problems.push(problem)),
      undefined,
    );
    assert.equal(problems.length, 2);
  });
});
