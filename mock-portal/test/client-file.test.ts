import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readClientFile } from '../src/store/client-file.js';

const folder = mkdtempSync(path.join(tmpdir(), 'mock-clients-'));
let written = 0;

/** Writes this text to a new file and returns its path. */
function fileWith(text: string | Buffer): string {
  const file = path.join(folder, `clients-${(written += 1)}.json`);
  writeFileSync(file, text);
  return file;
}

const APP = {
  clientId: 'my-app',
  redirectUris: ['https://localhost:5000/redirect'],
  clientSecret: 'a-secret-of-sixteen+',
};

/** The start-up message for a file of this JSON. */
function refusalOf(json: unknown): string {
  const file = fileWith(JSON.stringify(json));
  try {
    readClientFile(file);
  } catch (error) {
    const { message } = error as Error;
    assert.ok(message.startsWith(`MOCK_CLIENTS: ${file} `), message);
    return message;
  }
  assert.fail(`accepted ${JSON.stringify(json)}`);
}

describe('MOCK_CLIENTS: the applications people register', () => {
  it('reads confidential and public clients', () => {
    const publicApp = { clientId: 'spa.Test_1~', redirectUris: ['http://localhost:5173/', 'https://app.example/cb'] };
    assert.deepEqual(readClientFile(fileWith(JSON.stringify([APP, publicApp]))), [APP, publicApp]);
    assert.deepEqual(readClientFile(fileWith('[]')), []);
  });

  it('names the file that cannot be read, or is not JSON', () => {
    assert.throws(() => readClientFile(path.join(folder, 'nowhere.json')), {
      message: `MOCK_CLIENTS: cannot read ${path.join(folder, 'nowhere.json')} (ENOENT)`,
    });
    const notJson = fileWith('[{ clientId: "x" }');
    assert.throws(() => readClientFile(notJson), { message: `MOCK_CLIENTS: ${notJson} is not JSON` });
  });

  it('names each wrong field by where it is in the file', () => {
    const cases: [unknown, RegExp][] = [
      [{ clientId: 'x' }, /\(the file\): Invalid input: expected array/],
      [[{ ...APP, clientId: '' }], /\[0\]\.clientId: must be 1 to 100 letters/],
      [[{ ...APP, clientId: '<script>alert(1)</script>' }], /\[0\]\.clientId: must be 1 to 100 letters/],
      [[{ ...APP, clientId: 'a'.repeat(101) }], /\[0\]\.clientId: must be 1 to 100 letters/],
      [[{ ...APP, clientId: 'signup-azure' }], /\[0\]\.clientId: is one of the mock's own applications/],
      [[APP, { ...APP }], /\[1\]\.clientId: my-app is registered twice/],
      [[{ ...APP, redirectUris: [] }], /\[0\]\.redirectUris: needs at least one URL/],
      [[{ ...APP, redirectUris: ['javascript:alert(1)'] }], /\[0\]\.redirectUris\[0\]: must be an http/],
      [[{ ...APP, redirectUris: ['https://a.example/cb#x'] }], /\[0\]\.redirectUris\[0\]: must be an http/],
      [[{ ...APP, redirectUris: ['/relative'] }], /\[0\]\.redirectUris\[0\]: must be an http/],
      [[{ ...APP, clientSecret: 'short' }], /\[0\]\.clientSecret: must be at least 16 characters/],
      [[{ ...APP, clientSecret: 42 }], /\[0\]\.clientSecret: Invalid input/],
      [[{ ...APP, scopes: ['all'] }], /\[0\]: Unrecognized key: "scopes"/],
      [[{ ...APP, __proto__: { admin: true }, constructor: 1 }], /\[0\]: Unrecognized key/],
      [Array.from({ length: 101 }, (_, i) => ({ ...APP, clientId: `app-${i}` })), /\(the file\): Too big/],
    ];
    for (const [json, expected] of cases) assert.match(refusalOf(json), expected, JSON.stringify(json).slice(0, 80));
  });

  it('refuses random bytes and random JSON with one line, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
        ),
        (content) => {
          try {
            readClientFile(fileWith(typeof content === 'string' ? content : Buffer.from(content)));
            return true;
          } catch (error) {
            const { message } = error as Error;
            return message.startsWith('MOCK_CLIENTS: ') && !message.includes('\n    at ');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
