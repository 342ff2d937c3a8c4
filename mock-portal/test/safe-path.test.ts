import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeLocalPath } from '../src/http/safe-path.js';

/** Classic open-redirect payloads: none may leave this origin. */
const OPEN_REDIRECTS = [
  '//evil.example',
  '//evil.example/path',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  'https://evil.example',
  'http:evil.example',
  'https:evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '%2F%2Fevil.example',
  '/%2F%2Fevil.example',
  '%252F%252Fevil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/\t/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
  'evil.example',
  '//evil.example@mock.invalid',
  '/%2f%2fevil.example',
  '',
];

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
