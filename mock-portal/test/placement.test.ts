import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERSONAL_ACCOUNT_TENANT_ID } from '../src/world/model.js';
import { defaultDirectoryDomain } from '../src/world/placement.js';
import { createSeedWorld } from '../src/world/seed.js';
import { accountOf, directoryNamed, PROFILE, tokenFor } from './helpers.js';

describe('placement: a subscription lands in the directory the ID token names', () => {
  it("puts alice@contoso.com's Free Trial in Contoso", () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const result = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(result.status, 'created');
    assert.equal(result.status === 'created' && result.directory.name, 'Contoso');
    assert.equal(world.subscriptionsVisibleTo(alice.id, directoryNamed(world, 'Contoso')).length, 1);
  });

  it("puts alice@fabrikam.com's Free Trial in Fabrikam, not in Contoso where she is a guest", () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@fabrikam.com');
    const result = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(result.status === 'created' && result.directory.name, 'Fabrikam');
    const inContoso = world.snapshot().subscriptions.filter((s) => s.directoryId === directoryNamed(world, 'Contoso'));
    assert.deepEqual(
      inContoso.map((s) => s.offerId),
      ['MS-AZR-0003P'],
      "only Dave's Pay-As-You-Go is in Contoso",
    );
  });

  it("refuses a token whose tid is not the account's home directory", () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@fabrikam.com');
    const result = world.signUpForFreeTrial(
      { tenantId: directoryNamed(world, 'Contoso'), accountId: alice.id },
      'r1',
      PROFILE,
    );
    assert.deepEqual(result, { status: 'refused', reason: 'tenant-mismatch' });
    assert.equal(world.snapshot().subscriptions.length, 1);
  });

  it('refuses a work account presenting the personal-account tenant', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    const result = world.signUpForFreeTrial(
      { tenantId: PERSONAL_ACCOUNT_TENANT_ID, accountId: alice.id },
      'r1',
      PROFILE,
    );
    assert.deepEqual(result, { status: 'refused', reason: 'tenant-mismatch' });
  });

  it('refuses an account id the world does not know', () => {
    const world = createSeedWorld();
    const result = world.signUpForFreeTrial(
      { tenantId: directoryNamed(world, 'Contoso'), accountId: 'nobody' },
      'r1',
      PROFILE,
    );
    assert.deepEqual(result, { status: 'refused', reason: 'unknown-account' });
  });
});

describe('placement: a personal Microsoft account gets a Default Directory', () => {
  it('creates "Default Directory" carolcontoso.onmicrosoft.com on Carol\'s first sign-up and places the trial there', () => {
    const world = createSeedWorld();
    const carol = accountOf(world, 'carol@contoso.com', 'personal');
    assert.equal(carol.homeDirectoryId, undefined);
    const result = world.signUpForFreeTrial(tokenFor(carol), 'r1', PROFILE);
    assert.equal(result.status, 'created');
    if (result.status !== 'created') return;
    assert.equal(result.directory.name, 'Default Directory');
    assert.equal(result.directory.initialDomain, 'carolcontoso.onmicrosoft.com');
    assert.equal(result.directory.createdForAccountId, carol.id);
    assert.equal(world.account(carol.id)?.homeDirectoryId, result.directory.id);
  });

  it("refuses a personal account presenting an organisation's tenant", () => {
    const world = createSeedWorld();
    const carol = accountOf(world, 'carol@contoso.com', 'personal');
    const result = world.signUpForFreeTrial(
      { tenantId: directoryNamed(world, 'Contoso'), accountId: carol.id },
      'r1',
      PROFILE,
    );
    assert.deepEqual(result, { status: 'refused', reason: 'tenant-mismatch' });
    assert.equal(world.snapshot().directories.length, 3, 'no Default Directory was made');
  });

  it('derives the initial domain from the address and numbers it when taken', () => {
    assert.equal(
      defaultDirectoryDomain('carol@contoso.com', () => false),
      'carolcontoso.onmicrosoft.com',
    );
    assert.equal(
      defaultDirectoryDomain('John.Doe@outlook.co.uk', () => false),
      'johndoeoutlookco.onmicrosoft.com',
    );
    const taken = new Set(['carolcontoso.onmicrosoft.com', 'carolcontoso2.onmicrosoft.com']);
    assert.equal(
      defaultDirectoryDomain('carol@contoso.com', (d) => taken.has(d)),
      'carolcontoso3.onmicrosoft.com',
    );
  });
});

describe('the creator of a subscription', () => {
  it('becomes Account admin, Service admin and Owner without any directory role', () => {
    const world = createSeedWorld();
    const alice = accountOf(world, 'alice@contoso.com');
    assert.deepEqual(alice.directoryRoles, []);
    const result = world.signUpForFreeTrial(tokenFor(alice), 'r1', PROFILE);
    assert.equal(result.status, 'created');
    if (result.status !== 'created') return;
    assert.equal(result.subscription.accountAdminId, alice.id);
    assert.equal(result.subscription.serviceAdminId, alice.id);
    assert.deepEqual(result.subscription.roleAssignments, [{ principalId: alice.id, role: 'Owner' }]);
    assert.equal(result.subscription.offerId, 'MS-AZR-0044P');
    assert.deepEqual(result.subscription.billingContact, PROFILE);
  });
});
