import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';

describe('a proof in the unit tests', () => {
  it('passes when it asserted, and fails naming its item when it asserted nothing', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=tap', path.join(import.meta.dirname, 'fixtures', 'proofs.ts')],
      // Without the parent runner's context, so that the child prints its own TAP.
      { encoding: 'utf8', env: { ...process.env, NODE_TEST_CONTEXT: undefined } },
    );
    assert.match(run.stdout, /^ok \d+ - proof: rule-exactly-once: asserts$/m);
    assert.match(run.stdout, /^not ok \d+ - proof: rule-exactly-once: asserts nothing$/m);
    assert.match(run.stdout, /proves nothing: no assertion about rule-exactly-once passed/);
    assert.notEqual(run.status, 0);
  });
});
