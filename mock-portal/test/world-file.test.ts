import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createSeedWorld } from '../src/world/seed.js';
import { parseWorldFile, WORLD_FILE_FORMAT, worldFileOf, worldFromFile } from '../src/world/world-file.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

function worldWithAFabrikamTrial() {
  const world = createSeedWorld();
  world.signUpForFreeTrial(tokenFor(accountOf(world, 'alice@fabrikam.com')), 'r1', PROFILE);
  return world;
}

describe('a world as a file', () => {
  it('reads back as the same world, with new account ids', () => {
    const world = worldWithAFabrikamTrial();
    const parsed = parseWorldFile(JSON.stringify(worldFileOf(world)));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('; '));
    const copy = worldFromFile(parsed.file);
    const trial = copy.snapshot().subscriptions.find((s) => s.offerId === 'MS-AZR-0044P');
    assert.equal(trial?.directoryId, directoryNamed(copy, 'Fabrikam'));
    assert.equal(trial?.accountAdminId, accountOf(copy, 'alice@fabrikam.com').id);
    assert.notEqual(accountOf(copy, 'alice@fabrikam.com').id, accountOf(world, 'alice@fabrikam.com').id);
    assert.equal(copy.snapshot().accounts.length, world.snapshot().accounts.length);
    assert.equal(copy.credentials.check(accountOf(copy, 'bob@contoso.com').id, 'Passw0rd!'), 'ok');
  });

  it('keeps the id and code it is given, so that a browser keeps its world', () => {
    const copy = worldFromFile(worldFileOf(createSeedWorld()), 'the-id', 'ABC-DEF');
    assert.equal(copy.id, 'the-id');
    assert.equal(copy.code, 'ABC-DEF');
  });

  it('refuses what is not JSON, another format, and extra fields, naming the problem', () => {
    const file = worldFileOf(createSeedWorld());
    const cases: [string, RegExp][] = [
      ['{ not json', /not JSON/],
      [JSON.stringify({ ...file, format: 'something-else/1' }), /format/],
      [JSON.stringify({ ...file, extra: true }), /extra/],
      [JSON.stringify({ ...file, accounts: [] }), /accounts/],
      [JSON.stringify({ ...file, walk: 'evil' }), /walk/],
      [JSON.stringify({ ...file, walk: '<script>alert(1)</script>' }), /walk/],
      [JSON.stringify({ ...file, walk: 'x'.repeat(10_000) }), /walk/],
      [JSON.stringify({ ...file, walk: ['two-accounts'] }), /walk/],
      ['[]', /file/],
      ['null', /file/],
    ];
    for (const [text, problem] of cases) {
      const parsed = parseWorldFile(text);
      assert.equal(parsed.ok, false, text.slice(0, 40));
      assert.match(parsed.ok ? '' : parsed.problems.join('; '), problem);
    }
  });

  it('refuses ids that name nothing in the file', () => {
    const file = worldFileOf(worldWithAFabrikamTrial());
    const [trial] = file.subscriptions.filter((s) => s.offerId === 'MS-AZR-0044P');
    assert.ok(trial);
    const broken = { ...file, subscriptions: [{ ...trial, directoryId: 'no-such-directory' }] };
    const parsed = parseWorldFile(JSON.stringify(broken));
    assert.equal(parsed.ok, false);
    assert.match(
      parsed.ok ? '' : parsed.problems.join('; '),
      /subscriptions\.0\.directoryId|directoryId names no-such-directory/,
    );
  });

  it('refuses two accounts with one id', () => {
    const file = worldFileOf(createSeedWorld());
    const [first] = file.accounts;
    assert.ok(first);
    const parsed = parseWorldFile(JSON.stringify({ ...file, accounts: [...file.accounts, first] }));
    assert.equal(parsed.ok, false);
    assert.match(parsed.ok ? '' : parsed.problems.join('; '), /two accounts share an id/);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const parsed = parseWorldFile(text);
          assert.equal(typeof parsed.ok, 'boolean');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never takes a file a field of which was changed to another type', () => {
    const file = worldFileOf(createSeedWorld());
    fc.assert(
      fc.property(
        fc.constantFrom('directories', 'accounts', 'subscriptions'),
        fc.nat(),
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer())),
        (list, index, junk) => {
          const items = file[list] as unknown as Record<string, unknown>[];
          const item = items[index % items.length];
          if (!item) return;
          const key = Object.keys(item)[index % Object.keys(item).length] ?? 'id';
          const before = item[key];
          if (typeof before === typeof junk && Array.isArray(before) === Array.isArray(junk)) return;
          const changed = { ...file, [list]: items.map((it) => (it === item ? { ...it, [key]: junk } : it)) };
          assert.equal(parseWorldFile(JSON.stringify(changed)).ok, false, `${list}[${index}].${key} = ${String(junk)}`);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('says its format', () => {
    assert.equal(worldFileOf(createSeedWorld()).format, WORLD_FILE_FORMAT);
  });
});

describe('a world file', () => {
  it('says which format it is', () => {
    assert.equal(worldFileOf(createSeedWorld()).format, 'mock-azure-world/1');
    assert.equal(WORLD_FILE_FORMAT, 'mock-azure-world/1');
  });

  it('takes an address whose domain has several dots', () => {
    const file = worldFileOf(createSeedWorld());
    file.accounts[0]!.signInName = 'alice@mail.contoso.co.uk';
    assert.ok(parseWorldFile(JSON.stringify(file)).ok);
  });

  it('refuses an address whose domain has no dot', () => {
    const file = worldFileOf(createSeedWorld());
    file.accounts[0]!.signInName = 'alice@contoso';
    const parsed = parseWorldFile(JSON.stringify(file));
    assert.deepEqual(parsed.ok ? [] : parsed.problems.map((p) => p.split(':')[0]), ['accounts.0.signInName']);
  });

  it('names a dangling reference, names the file itself for a file that is no object, and lists at most five problems', () => {
    const file = worldFileOf(createSeedWorld());
    file.subscriptions[0]!.accountAdminId = 'gone';
    const dangling = parseWorldFile(JSON.stringify(file));
    assert.deepEqual(dangling.ok ? [] : dangling.problems, [
      'file: subscriptions[0].accountAdminId names gone, which is not in the file',
    ]);
    const notAnObject = parseWorldFile('[]');
    assert.match(notAnObject.ok ? '' : notAnObject.problems[0]!, /^file: /);
    const many = structuredClone(worldFileOf(createSeedWorld()));
    for (const account of many.accounts) account.signInName = 'not an address';
    const parsed = parseWorldFile(JSON.stringify(many));
    assert.equal(parsed.ok ? 0 : parsed.problems.length, 5);
  });

  it('brings no createdForAccountId to a directory that had none', () => {
    const world = worldFromFile(worldFileOf(createSeedWorld()));
    assert.ok(world.snapshot().directories.every((d) => !('createdForAccountId' in d)));
  });
});
