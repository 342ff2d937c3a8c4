import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { THE_ARTICLE, WALK_DETAILS, WALKS } from '../src/world/walks.js';

describe('the walks of the Scenarios page', () => {
  it('are the article and its three traps, each about one person, starting signed in as the trap needs', () => {
    assert.deepEqual(WALKS, ['happy-path', 'two-accounts', 'work-or-personal', 'already-signed-in']);
    assert.equal(THE_ARTICLE, 'happy-path');
    assert.deepEqual(WALK_DETAILS, {
      'happy-path': { person: 'Alice Chen', signedInFirst: [] },
      'two-accounts': { person: 'Alice Chen', signedInFirst: ['alice@fabrikam.com', 'alice@contoso.com'] },
      'work-or-personal': { person: 'Carol Huang', signedInFirst: [] },
      'already-signed-in': { person: 'Alice Chen', signedInFirst: ['alice@fabrikam.com'] },
    });
  });
});
