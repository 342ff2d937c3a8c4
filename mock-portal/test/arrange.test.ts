import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { arrange } from '../src/world/arrange.js';
import { FREE_TRIAL_OFFER } from '../src/world/model.js';
import { WorldRegistry } from '../src/world/registry.js';
import { createSeedWorld, SEED_PASSWORD } from '../src/world/seed.js';
import { accountOf, directoryNamed } from './helpers.js';
import { worldFileOf, worldFromFile } from '../src/world/world-file.js';
import { World } from '../src/world/world.js';

describe('arranging a world through its own rules', () => {
  it('signs up as the ID token would place it: alice@fabrikam.com’s Free Trial lands in Fabrikam', () => {
    const world = createSeedWorld();
    const result = arrange(world, { subscriptions: [{ signedUpBy: 'alice@fabrikam.com' }] });
    assert.ok(result.ok);
    const subscription = world.subscription(result.subscriptionIds[0] ?? '');
    assert.equal(subscription?.offerId, FREE_TRIAL_OFFER);
    assert.equal(subscription?.directoryId, directoryNamed(world, 'Fabrikam'));
    assert.equal(subscription?.accountAdminId, accountOf(world, 'alice@fabrikam.com').id);
  });

  it('gives a personal account its Default Directory, as its first sign-up does', () => {
    const world = createSeedWorld();
    const result = arrange(world, { subscriptions: [{ signedUpBy: 'carol@contoso.com', kind: 'personal' }] });
    assert.ok(result.ok);
    const directory = world.directory(world.subscription(result.subscriptionIds[0] ?? '')?.directoryId ?? '');
    assert.equal(directory?.name, 'Default Directory');
    assert.equal(directory?.initialDomain, 'carolcontoso.onmicrosoft.com');
  });

  it('moves, then gives roles and co-administrators as the signer, in that order', () => {
    const world = createSeedWorld();
    const result = arrange(world, {
      subscriptions: [
        {
          signedUpBy: 'alice@fabrikam.com',
          movedTo: 'Contoso',
          roleAssignments: [{ principal: 'bob@contoso.com', role: 'Contributor' }],
          coAdministrators: ['bob@contoso.com'],
        },
      ],
    });
    assert.ok(result.ok);
    const subscription = world.subscription(result.subscriptionIds[0] ?? '');
    const bob = accountOf(world, 'bob@contoso.com').id;
    assert.equal(subscription?.directoryId, directoryNamed(world, 'Contoso'));
    assert.deepEqual(subscription?.roleAssignments, [
      { principalId: accountOf(world, 'alice@fabrikam.com').id, role: 'Owner' },
      { principalId: bob, role: 'Contributor' },
    ]);
    assert.deepEqual(subscription?.coAdministratorIds, [bob]);
  });

  it('refuses what the rules refuse and names the step: no state a person could not reach', () => {
    const cases = [
      [{ signedUpBy: 'dave@contoso.com' }, /subscriptions\[0\]\.signedUpBy: .*free-trial-used/],
      [{ signedUpBy: 'kim@adatum.com' }, /subscriptions\[0\]\.signedUpBy: .*account-type-not-supported/],
      [
        { signedUpBy: 'nobody@contoso.com' },
        /subscriptions\[0\]\.signedUpBy: no work account is called nobody@contoso.com/,
      ],
      [{ signedUpBy: 'alice@contoso.com', movedTo: 'Fabrikam' }, /subscriptions\[0\]\.movedTo: refused/],
      [{ signedUpBy: 'alice@contoso.com', movedTo: 'Nowhere' }, /no directory is named Nowhere/],
      [
        { signedUpBy: 'alice@contoso.com', roleAssignments: [{ principal: 'user@nowhere.com', role: 'Reader' }] },
        /roleAssignments\[0\]: no work account/,
      ],
    ] as const;
    for (const [wanted, problem] of cases) {
      const result = arrange(createSeedWorld(), { subscriptions: [wanted] });
      assert.equal(result.ok, false, JSON.stringify(wanted));
      assert.match(result.ok ? '' : result.problem, problem);
    }
  });

  it('refuses a second Free Trial for the same person, as the sign-up form does', () => {
    const result = arrange(createSeedWorld(), {
      subscriptions: [{ signedUpBy: 'alice@contoso.com' }, { signedUpBy: 'alice@contoso.com' }],
    });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.problem, /subscriptions\[1\]\.signedUpBy: .*free-trial-used/);
  });

  it('keeps no world whose arrangement was refused', () => {
    const registry = new WorldRegistry();
    const made = registry.arrangeWorld({}, { subscriptions: [{ signedUpBy: 'dave@contoso.com' }] });
    assert.ok('problem' in made);
    assert.equal(registry.size, 0);
  });
});

describe('arranging a world (the test API)', () => {
  it('signs up with the billing contact a person of the seed would give', () => {
    const world = createSeedWorld();
    const result = arrange(world, { subscriptions: [{ signedUpBy: 'Alice@Contoso.com' }] });
    assert.ok(result.ok);
    const subscription = result.ok ? world.subscription(result.subscriptionIds[0]!) : undefined;
    assert.deepEqual(subscription?.billingContact, {
      country: 'US',
      firstName: 'Alice',
      lastName: 'Chen',
      email: 'alice@contoso.com',
      workPhone: '+1 425 555 0100',
      organization: '',
    });
  });

  it('names the co-administrator it could not find', () => {
    const result = arrange(createSeedWorld(), {
      subscriptions: [{ signedUpBy: 'alice@contoso.com', coAdministrators: ['nobody@contoso.com'] }],
    });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].coAdministrators[0]: no work account is called nobody@contoso.com',
    });
  });

  it('names the co-administrator a rule refused', () => {
    const result = arrange(createSeedWorld(), {
      subscriptions: [{ signedUpBy: 'alice@contoso.com', coAdministrators: ['alice@contoso.com'] }],
    });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].coAdministrators[0]: refused (already-co-admin)',
    });
  });

  it('refuses a signer with no directory to sign in to', () => {
    const file = worldFileOf(createSeedWorld());
    const erin = file.accounts.find((a) => a.signInName === 'erin@contoso.com')!;
    delete erin.homeDirectoryId;
    const result = arrange(worldFromFile(file), { subscriptions: [{ signedUpBy: 'erin@contoso.com' }] });
    assert.deepEqual(result, {
      ok: false,
      problem: 'subscriptions[0].signedUpBy: erin@contoso.com has no directory to sign in to',
    });
  });

  it('lets an error that is not a refusal through, rather than answering it as one', () => {
    class BrokenWorld extends World {
      override signUpForFreeTrial(): never {
        throw new Error('the disk is full');
      }
    }
    const { directories, accounts, subscriptions } = createSeedWorld().snapshot();
    const broken = new BrokenWorld({
      directories,
      accounts: accounts.map((account) => ({ ...account, password: SEED_PASSWORD })),
      subscriptions,
    });
    assert.throws(() => arrange(broken, { subscriptions: [{ signedUpBy: 'alice@contoso.com' }] }), /disk is full/);
  });
});
