import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Adapter } from 'oidc-provider';

type AdapterClass = new (model: string) => Adapter;

/**
 * What every storage of oidc-provider's models must do, in memory or in Redis: the tests both
 * run. `storage()` gives the adapter class under test (a fresh store for each test).
 */
export function storageContract(storage: () => AdapterClass | Promise<AdapterClass>): void {
  it('keeps each model apart, and finds what it keeps until it is destroyed', async () => {
    const Adapter = await storage();
    const [codes, tokens] = [new Adapter('AuthorizationCode'), new Adapter('AccessToken')];
    await codes.upsert('same-id', { kind: 'AuthorizationCode', accountId: 'a' }, 60);
    await tokens.upsert('same-id', { kind: 'AccessToken', accountId: 'b' }, 60);
    assert.equal((await codes.find('same-id'))?.accountId, 'a');
    assert.equal((await tokens.find('same-id'))?.accountId, 'b');
    assert.equal(await codes.find('no-such-id'), undefined);
    await codes.destroy('same-id');
    assert.equal(await codes.find('same-id'), undefined);
    assert.equal((await tokens.find('same-id'))?.accountId, 'b');
  });

  it('finds a session by its uid, and forgets the uid with the session', async () => {
    const Adapter = await storage();
    const sessions = new Adapter('Session');
    await sessions.upsert('session-1', { uid: 'uid-1', accountId: 'a' }, 60);
    assert.equal((await sessions.findByUid('uid-1'))?.accountId, 'a');
    await sessions.destroy('session-1');
    assert.equal(await sessions.findByUid('uid-1'), undefined);
  });

  it('finds a device code by its user code', async () => {
    const Adapter = await storage();
    const codes = new Adapter('DeviceCode');
    await codes.upsert('device-1', { userCode: 'BCDFGHJKL', clientId: 'cli' }, 60);
    assert.equal((await codes.findByUserCode('BCDFGHJKL'))?.clientId, 'cli');
    assert.equal(await codes.findByUserCode('ZZZZZZZZZ'), undefined);
  });

  it('marks a code consumed, keeping the rest of it', async () => {
    const Adapter = await storage();
    const codes = new Adapter('AuthorizationCode');
    await codes.upsert('code-1', { accountId: 'a', scope: 'openid' }, 60);
    await codes.consume('code-1');
    const consumed = await codes.find('code-1');
    assert.equal(typeof consumed?.consumed, 'number');
    assert.deepEqual([consumed?.accountId, consumed?.scope], ['a', 'openid']);
    await codes.consume('no-such-code');
    assert.equal(await codes.find('no-such-code'), undefined, 'consuming nothing makes nothing');
  });

  it("revokes a grant's codes and tokens, and nothing of another grant's, nor the session", async () => {
    const Adapter = await storage();
    const [tokens, refresh, sessions] = [
      new Adapter('AccessToken'),
      new Adapter('RefreshToken'),
      new Adapter('Session'),
    ];
    await tokens.upsert('t1', { grantId: 'g1' }, 60);
    await refresh.upsert('r1', { grantId: 'g1' }, 600);
    await tokens.upsert('t2', { grantId: 'g2' }, 60);
    await sessions.upsert('s1', { uid: 'u1', grantId: 'g1' }, 60);
    await tokens.revokeByGrantId('g1');
    assert.deepEqual(
      [await tokens.find('t1'), await refresh.find('r1')],
      [undefined, undefined],
      "the grant's access and refresh tokens are gone",
    );
    assert.ok(await tokens.find('t2'), "another grant's token stays");
    assert.ok(await sessions.find('s1'), 'the session stays');
  });
}
