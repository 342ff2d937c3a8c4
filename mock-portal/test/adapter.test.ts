import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdapterFactory } from '../src/services/login/adapter.js';

describe('the login service\'s storage adapter', () => {
  it('revokes a grant\'s tokens but never the interaction or session that mention the grant', async () => {
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
