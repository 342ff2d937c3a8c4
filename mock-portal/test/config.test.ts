import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';

const MAIN = path.resolve(import.meta.dirname, '..', 'src', 'main.ts');

describe('start-up settings', () => {
  it('logs warnings and errors only unless LOG_LEVEL asks for more, so the printed addresses stay on screen', () => {
    assert.equal(loadConfig([], {}).logLevel, 'warn');
    assert.equal(loadConfig(['--test-mode'], {}).logLevel, 'warn');
    assert.equal(loadConfig([], { LOG_LEVEL: 'info' }).logLevel, 'info');
    assert.equal(loadConfig([], { LOG_LEVEL: '' }).logLevel, 'warn');
  });

  it('refuses a LOG_LEVEL that is no level, naming the ones there are', () => {
    for (const bad of ['loud', 'INFO', 'warn ', '<script>', 'x'.repeat(5_000)])
      assert.throws(
        () => loadConfig([], { LOG_LEVEL: bad }),
        /LOG_LEVEL must be one of silent, fatal, error, warn, info/,
      );
  });

  it('stops a start-up with a bad setting with one line and exit 1, never a stack trace', () => {
    for (const env of [{ LOG_LEVEL: 'loud' }, { PORT: 'abc' }, { MAX_WORLDS: '-5' }, { OVERLOAD_LAG_MS: 'soon' }]) {
      const started = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      const printed = `${started.stdout}${started.stderr}`.trim();
      assert.equal(started.status, 1, JSON.stringify(env));
      assert.equal(printed.split('\n').length, 1, printed);
      assert.match(printed, new RegExp(`^${Object.keys(env)[0]} must be`));
    }
  });
});
