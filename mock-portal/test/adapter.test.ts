import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdapterFactory } from '../src/services/login/adapter.js';

describe("the login service's storage adapter", () => {
  it("revokes a grant's tokens but never the interaction or session that mention the grant", async () => {
    const Adapter = createAdapterFactory();
    const codes = new Adapter('AuthorizationCode');
    const interactions = new Adapter('Interaction');
    await codes.upsert('code-1', { grantId: 'g1' }, 60);
    await interactions.upsert('uid-1', { grantId: 'g1', uid: 'uid-1' }, 60);
    await codes.revokeByGrantId('g1');
    assert.equal(await codes.find('code-1'), undefined);
    assert.deepEqual(await interactions.find('uid-1'), { grantId: 'g1', uid: 'uid-1' });
  });

  it('finds a session by its uid, and marks a consumed code', async () => {
    const Adapter = createAdapterFactory();
    const sessions = new Adapter('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    assert.equal((await sessions.findByUid('u1'))?.accountId, 'a');
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('c', { grantId: 'g' }, 60);
    await codes.consume('c');
    assert.equal(typeof (await codes.find('c'))?.consumed, 'number');
  });
});

describe("the login service's storage adapter, bounded", () => {
  it("forgets a destroyed session's uid with it", async () => {
    const sessions = new (createAdapterFactory())('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    await sessions.destroy('s1');
    assert.equal(await sessions.findByUid('u1'), undefined);
  });

  it('keeps sign-ins in progress within their own bound, oldest first out, without touching sessions', async () => {
    const Adapter = createAdapterFactory({ maxEntries: 100, maxInteractions: 3 });
    const sessions = new Adapter('Session');
    const interactions = new Adapter('Interaction');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a' }, 60);
    for (const uid of ['i1', 'i2', 'i3', 'i4']) await interactions.upsert(uid, { uid }, 60);
    assert.equal(await interactions.find('i1'), undefined, 'the oldest unanswered sign-in ended');
    for (const uid of ['i2', 'i3', 'i4']) assert.ok(await interactions.find(uid), uid);
    assert.equal(
      (await sessions.find('s1'))?.accountId,
      'a',
      'signed-in sessions are not pushed out by sign-ins in progress',
    );
  });
});
