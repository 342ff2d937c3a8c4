import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeLocalPath } from '../src/http/safe-path.js';
import { OPEN_REDIRECTS } from './open-redirects.js';

describe('safeLocalPath: return and redirect parameters', () => {
  for (const payload of OPEN_REDIRECTS) {
    it(`refuses ${JSON.stringify(payload)}`, () => {
      assert.equal(safeLocalPath(payload, '/fallback'), '/fallback');
    });
  }

  it('keeps our own relative paths with their query and fragment', () => {
    assert.equal(safeLocalPath('/signup/?offer=free#phone', '/'), '/signup/?offer=free#phone');
    assert.equal(safeLocalPath('/portal/subscriptions', '/'), '/portal/subscriptions');
  });

  it('refuses what is not a string, and what is too long', () => {
    assert.equal(safeLocalPath(undefined, '/x'), '/x');
    assert.equal(safeLocalPath(['/a'], '/x'), '/x');
    assert.equal(safeLocalPath(`/${'a'.repeat(5000)}`, '/x'), '/x');
  });
});
