import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type session from 'express-session';
import { SessionStore } from '../src/http/sessions.js';

const put = (store: SessionStore, sid: string) =>
  new Promise<void>((resolve) =>
    store.set(sid, { cookie: { originalMaxAge: null } } as session.SessionData, () => resolve()),
  );
const has = (store: SessionStore, sid: string) =>
  new Promise<boolean>((resolve) => store.get(sid, (_error, found) => resolve(found !== undefined && found !== null)));

describe('the session store', () => {
  it('after pruning, a full store still lets the least recently used session go first, never the newest', async () => {
    const store = new SessionStore({ max: 4, ttl: 60_000 });
    store.stopInterval();
    for (const sid of ['old-1', 'old-2', 'new-1', 'new-2']) await put(store, sid);
    store.pruneExpired();
    await put(store, 'newest');
    assert.equal(await has(store, 'old-1'), false, 'the oldest went');
    for (const sid of ['old-2', 'new-1', 'new-2', 'newest']) assert.equal(await has(store, sid), true, `${sid} stays`);
  });
});
