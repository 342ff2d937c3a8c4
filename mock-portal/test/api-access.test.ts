import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizationSourceOf, subscriptionFor, subscriptionsFor } from '../src/world/api-access.js';
import { createSeedWorld } from '../src/world/seed.js';
import { accountOf, directoryNamed, signUp, tokenFor } from './helpers.js';

describe("What Azure's APIs show a token: the portal's rules, per tenant", () => {
  it('a token of the directory the Free Trial landed in lists it; a token of another directory does not', () => {
    const world = createSeedWorld();
    const { subscription } = signUp(world, 'alice@fabrikam.com');
    const alice = accountOf(world, 'alice@fabrikam.com');
    const atFabrikam = tokenFor(alice);
    const atContoso = { ...atFabrikam, tenantId: directoryNamed(world, 'Contoso') };
    assert.deepEqual(
      subscriptionsFor(world, atFabrikam).map((visible) => visible.subscription.id),
      [subscription.id],
    );
    assert.deepEqual(subscriptionsFor(world, atContoso), []);
    assert.equal(subscriptionFor(world, atFabrikam, subscription.id).kind, 'visible');
    assert.deepEqual(subscriptionFor(world, atContoso, subscription.id), { kind: 'other-tenant' });
    assert.deepEqual(subscriptionFor(world, atFabrikam, 'no-such-id'), { kind: 'not-found' });
  });

  it("the Global administrator's token of the same directory may not read it: no role, no access (pitfall 4)", () => {
    const world = createSeedWorld();
    const { subscription } = signUp(world, 'alice@contoso.com');
    const megan = tokenFor(accountOf(world, 'megan@contoso.com'));
    assert.deepEqual(subscriptionsFor(world, megan), []);
    assert.deepEqual(subscriptionFor(world, megan, subscription.id), { kind: 'no-access' });
    const alice = accountOf(world, 'alice@contoso.com');
    assert.equal(world.grantRole(alice.id, subscription.id, megan.accountId, 'Reader').ok, true);
    assert.equal(subscriptionFor(world, megan, subscription.id).kind, 'visible');
  });

  it('says how each came to see it: a role, or a classic administrator', () => {
    assert.equal(authorizationSourceOf('Owner'), 'RoleBased');
    assert.equal(authorizationSourceOf('Reader'), 'RoleBased');
    assert.equal(authorizationSourceOf('ServiceAdmin'), 'Legacy');
    assert.equal(authorizationSourceOf('CoAdministrator'), 'Legacy');
  });
});
