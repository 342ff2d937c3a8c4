import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PICTURE_WORLDS, pictureProvenance } from '../src/world/provenance.js';
import { WorldRegistry } from '../src/world/registry.js';
import { createSeedWorld } from '../src/world/seed.js';
import type { World } from '../src/world/world.js';
import { accountOf, PROFILE, tokenFor } from './helpers.js';

/** What a picture shows of a world: its id, code, directory and subscription ids, and when its Free Trial began. */
function shown(world: World) {
  const made = world.signUpForFreeTrial(tokenFor(accountOf(world, 'carol@contoso.com', 'personal')), 'r', PROFILE);
  assert.equal(made.status, 'created');
  const { id, code, directories, subscriptions } = world.snapshot();
  return {
    id,
    code,
    directories: directories.map((d) => d.id),
    subscriptions: subscriptions.map((s) => [s.id, s.createdAt]),
  };
}

describe('picture worlds: the same on every run, so that a screenshot changes only when a page does', () => {
  it('gives the n-th picture world the same id, code, directory and subscription ids and clock every time', () => {
    const first = shown(createSeedWorld({ picture: 3 }));
    assert.deepEqual(shown(createSeedWorld({ picture: 3 })), first);
    assert.equal(first.id, '00000003-0000-4000-8000-000000000000');
    assert.match(first.code, /^PCT-[A-Z0-9]{3}$/);
    assert.deepEqual(first.subscriptions.at(-1), ['00000003-0000-4000-8000-000000000003', '2017-03-01T09:00:00.000Z']);
  });

  it('tells picture worlds apart by their number, and random worlds always', () => {
    const [one, two] = [shown(createSeedWorld({ picture: 1 })), shown(createSeedWorld({ picture: 2 }))];
    assert.notEqual(one.id, two.id);
    assert.notEqual(one.code, two.code);
    assert.notDeepEqual(shown(createSeedWorld()).directories, shown(createSeedWorld()).directories);
  });

  it('keeps account ids random: an account id names one world in the whole process', () => {
    const a = accountOf(createSeedWorld({ picture: 1 }), 'alice@contoso.com');
    const b = accountOf(createSeedWorld({ picture: 1 }), 'alice@contoso.com');
    assert.notEqual(a.id, b.id);
  });

  it('sends six digits as the phone code: random ones, and 123456 in a picture world', () => {
    const codes = Array.from({ length: 20 }, () => createSeedWorld().newVerificationCode());
    assert.ok(
      codes.every((code) => /^\d{6}$/.test(code)),
      codes.join(' '),
    );
    assert.ok(new Set(codes).size > 1, 'not the same every time');
    assert.equal(createSeedWorld({ picture: 2 }).newVerificationCode(), '123456');
  });

  it('numbers picture worlds from 1 to PICTURE_WORLDS only, and says so', () => {
    for (const n of [0, PICTURE_WORLDS + 1, 1.5, Number.NaN])
      assert.throws(() => pictureProvenance(n), { name: 'RangeError', message: `picture world ${n} is not 1-20` });
    assert.doesNotThrow(() => pictureProvenance(PICTURE_WORLDS));
  });

  it('replaces the last picture world of the same number in the registry, its sign-ins too', () => {
    const registry = new WorldRegistry();
    const made = registry.arrangeWorld({ picture: 1 }, {});
    assert.ok('world' in made);
    const alice = accountOf(made.world, 'alice@contoso.com');
    registry.signedIn(made.world, alice.id);
    const again = registry.arrangeWorld({ picture: 1 }, {});
    assert.ok('world' in again);
    assert.equal(registry.size, 1);
    assert.equal(registry.world(made.world.id), again.world);
    assert.equal(registry.findAccount(alice.id), undefined);
    assert.deepEqual(registry.entries()[0]?.signedIn, []);
  });
});
