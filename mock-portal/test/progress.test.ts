import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { furthest, type Progress } from '../src/world/progress.js';
import { pictureProvenance } from '../src/world/provenance.js';
import { createSeedWorld } from '../src/world/seed.js';
import { parseWorldFile, worldFileOf, worldFromFile } from '../src/world/world-file.js';
import type { World } from '../src/world/world.js';
import { accountOf, directoryNamed, PROFILE, RecordingStore, tokenFor } from './helpers.js';
import { WorldRegistry } from '../src/world/registry.js';

const stepOf = (world: World) => world.progress?.step;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 10, minute));

function signUp(world: World, signInName: string) {
  const result = world.signUpForFreeTrial(tokenFor(accountOf(world, signInName)), `r-${signInName}`, PROFILE);
  assert.equal(result.status, 'created');
  return result.status === 'created' ? result.subscription.id : '';
}

describe('how far a world has got along the article', () => {
  it('moves only forward, keeping when each furthest step was first reached', () => {
    let progress: Progress | undefined;
    progress = furthest(progress, { kind: 'signed-in', account: 'alice@contoso.com' }, at(0));
    progress = furthest(progress, { kind: 'form-section', section: 2 }, at(3));
    assert.deepEqual(progress, { step: { kind: 'form-section', section: 2 }, since: at(3).toISOString() });
    // The same section again, an earlier section, or signing in again: still section 2, since minute 3.
    for (const step of [
      { kind: 'form-section', section: 2 },
      { kind: 'form-section', section: 1 },
      { kind: 'signed-in', account: 'alice@fabrikam.com' },
    ] as const)
      assert.equal(furthest(progress, step, at(9)), progress);
    const further = furthest(progress, { kind: 'form-section', section: 3 }, at(9));
    assert.deepEqual(further, { step: { kind: 'form-section', section: 3 }, since: at(9).toISOString() });
    const signedUp = furthest(further, { kind: 'signed-up', directory: 'Contoso' }, at(10));
    assert.equal(furthest(signedUp, { kind: 'form-section', section: 4 }, at(11)), signedUp);
  });

  it('is nothing in a new world, then the sign-in, the form section, the sign-up and Change directory', () => {
    const world = createSeedWorld({}, pictureProvenance(1));
    assert.equal(stepOf(world), undefined);
    world.signedInToSignUp(accountOf(world, 'alice@fabrikam.com').id);
    assert.deepEqual(stepOf(world), { kind: 'signed-in', account: 'alice@fabrikam.com' });
    world.signUpFormAt(2);
    assert.deepEqual(stepOf(world), { kind: 'form-section', section: 2 });
    const id = signUp(world, 'alice@fabrikam.com');
    assert.deepEqual(stepOf(world), { kind: 'signed-up', directory: 'Fabrikam' });
    world.portalOpened();
    assert.deepEqual(stepOf(world), { kind: 'portal-opened' });
    const alice = accountOf(world, 'alice@fabrikam.com').id;
    assert.equal(world.changeDirectory(alice, id, 'no-such-directory').ok, false);
    assert.deepEqual(stepOf(world), { kind: 'portal-opened' }, 'a refused change is no step');
    assert.equal(world.changeDirectory(alice, id, directoryNamed(world, 'Contoso')).ok, true);
    assert.deepEqual(stepOf(world), { kind: 'changed-directory', directory: 'Contoso' });
    const since = Date.parse(world.progress?.since ?? '');
    assert.ok(Math.abs(Date.now() - since) < 60_000, 'on the wall clock, even in a picture world fixed in 2017');
  });

  it('counts the portal only once someone signed up: opening it first is not a step of the article', () => {
    const world = createSeedWorld();
    world.portalOpened();
    assert.equal(world.progress, undefined);
  });

  it('ignores a sign-in by an account the world does not have', () => {
    const world = createSeedWorld();
    world.signedInToSignUp('nobody');
    assert.equal(world.progress, undefined);
  });

  it('is saved only when it moves, and comes back from the world file', () => {
    const store = new RecordingStore();
    const registry = new WorldRegistry({}, store);
    const world = registry.createWorld();
    assert.ok(world);
    const saves = () => store.saved.filter((id) => id === world.id).length;
    const before = saves();
    world.signUpFormAt(1);
    world.signUpFormAt(1);
    assert.equal(saves(), before + 1);
    const copy = worldFromFile(worldFileOf(world));
    assert.deepEqual(copy.progress, world.progress);
    assert.deepEqual(world.snapshot().progress, world.progress, 'the test API and failure reports show it');
    assert.equal(registry.reset(world).progress, undefined, 'Start over starts the article again');
  });

  it('refuses a world file whose progress is not a step of the article', () => {
    const file = { ...worldFileOf(createSeedWorld()) } as Record<string, unknown>;
    for (const progress of [
      { step: { kind: 'form-section', section: 5 }, since: at(0).toISOString() },
      { step: { kind: 'lunch' }, since: at(0).toISOString() },
      { step: { kind: 'portal-opened' }, since: 'yesterday' },
      { step: { kind: 'signed-in', account: '<script>' }, since: at(0).toISOString() },
    ]) {
      const parsed = parseWorldFile(JSON.stringify({ ...file, progress }));
      assert.equal(parsed.ok, false, JSON.stringify(progress));
    }
  });

  it('comes back from a world file for every kind of step, with directory names of 1 to 100 characters', () => {
    const file = { ...worldFileOf(createSeedWorld()) } as Record<string, unknown>;
    const since = at(0).toISOString();
    const parses = (step: unknown) => parseWorldFile(JSON.stringify({ ...file, progress: { step, since } })).ok;
    for (const step of [
      { kind: 'signed-in', account: 'alice@contoso.com' },
      ...[1, 2, 3, 4].map((section) => ({ kind: 'form-section', section })),
      { kind: 'signed-up', directory: 'Contoso' },
      { kind: 'portal-opened' },
      { kind: 'changed-directory', directory: 'Contoso' },
    ])
      assert.equal(parses(step), true, JSON.stringify(step));
    for (const kind of ['signed-up', 'changed-directory']) {
      assert.equal(parses({ kind, directory: 'd'.repeat(100) }), true, kind);
      assert.equal(parses({ kind, directory: 'd'.repeat(101) }), false, kind);
      assert.equal(parses({ kind, directory: '' }), false, kind);
    }
    assert.equal(parses({ kind: 'form-section', section: 0 }), false);
  });
});
