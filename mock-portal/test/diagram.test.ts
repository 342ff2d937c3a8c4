import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { translator } from '../src/i18n/index.js';
import { directoryDiagram } from '../src/views/diagram.js';
import { createSeedWorld } from '../src/world/seed.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

const t = translator('en-US');

describe('the directory diagram', () => {
  it("draws Contoso, its Office 365 subscription owned by the directory, its users, and Dave's Azure subscription under Dave", () => {
    const world = createSeedWorld();
    const diagram = directoryDiagram(world, directoryNamed(world, 'Contoso'), t);
    assert.ok(diagram);
    const labels = diagram.nodes.map((n) => n.label);
    assert.ok(labels.includes('Directory Contoso'));
    assert.ok(labels.includes('Office 365 subscription Office 365 Enterprise E3, owned by the directory'));
    assert.ok(labels.includes('User alice@fabrikam.com (Guest)'));
    assert.ok(labels.includes('Azure subscription Pay-As-You-Go, owned by dave@contoso.com'));
    const dave = diagram.nodes.find((n) => n.label === 'User dave@contoso.com (Member)');
    const payg = diagram.nodes.find((n) => n.kind === 'azure');
    assert.equal(payg?.y, dave?.y, 'the Azure subscription stands beside its owner');
    assert.ok(
      diagram.edges.every((e) => e.label.length > 0),
      'every edge has words for a screen reader',
    );
  });

  it('changes as subscriptions are created and moved: after the trap, then after the remedy', () => {
    const world = createSeedWorld();
    const wrong = accountOf(world, 'alice@fabrikam.com');
    const result = world.signUpForFreeTrial(tokenFor(wrong), 'r1', PROFILE);
    assert.equal(result.status, 'created');
    if (result.status !== 'created') return;
    const azureIn = (name: string) =>
      directoryDiagram(world, directoryNamed(world, name), t)
        ?.nodes.filter((n) => n.kind === 'azure')
        .map((n) => n.label);
    assert.deepEqual(azureIn('Fabrikam'), ['Azure subscription Free Trial, owned by alice@fabrikam.com']);
    assert.ok(world.changeDirectory(wrong.id, result.subscription.id, directoryNamed(world, 'Contoso')).ok);
    assert.deepEqual(azureIn('Fabrikam'), []);
    assert.deepEqual(azureIn('Contoso'), [
      'Azure subscription Pay-As-You-Go, owned by dave@contoso.com',
      'Azure subscription Free Trial, owned by alice@fabrikam.com',
    ]);
  });

  it('crosses no connector with another, and gives the Office 365 subscription its unit', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@fabrikam.com');
    const trap = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(trap.status, 'created');
    if (trap.status === 'created')
      assert.ok(world.changeDirectory(alice.id, trap.subscription.id, directoryNamed(world, 'Contoso')).ok);
    const diagram = directoryDiagram(world, directoryNamed(world, 'Contoso'), t);
    assert.ok(diagram);
    type Segment = readonly [{ x: number; y: number }, { x: number; y: number }];
    const segments = diagram.edges.flatMap((edge) =>
      edge.points.slice(1).map((to, i): Segment => [edge.points[i]!, to]),
    );
    assert.ok(
      segments.every(([from, to]) => from.x === to.x || from.y === to.y),
      'every run is level or upright',
    );
    const between = (v: number, a: number, b: number) => v > Math.min(a, b) && v < Math.max(a, b);
    const crosses = ([a1, a2]: Segment, [b1, b2]: Segment) =>
      a1.y === a2.y && b1.x === b2.x && between(b1.x, a1.x, a2.x) && between(a1.y, b1.y, b2.y);
    const crossings = segments.flatMap((a) => segments.filter((b) => crosses(a, b)).map((b) => [a, b]));
    assert.deepEqual(crossings, []);
    assert.deepEqual(diagram.nodes.find((n) => n.kind === 'office365')?.lines, [
      'Office 365 Enterprise E3',
      '25 licenses',
    ]);
    assert.ok(diagram.width <= 1_000, `fits a page 1280 pixels wide at full size (${diagram.width})`);
  });

  it('says nothing for a directory that does not exist', () => {
    assert.equal(directoryDiagram(createSeedWorld(), 'nowhere', t), undefined);
  });
});
