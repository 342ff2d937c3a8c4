import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { availableParallelism } from 'node:os';
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
    for (const env of [
      { LOG_LEVEL: 'loud' },
      { PORT: 'abc' },
      { MAX_WORLDS: '-5' },
      { OVERLOAD_LAG_MS: 'soon' },
      { REDIS_URL: 'http://127.0.0.1:6379' },
    ]) {
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

  it('takes REDIS_URL as a redis: or rediss: address, and refuses anything else in one line', () => {
    assert.equal(loadConfig([], { REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(loadConfig([], { REDIS_URL: 'rediss://cache.example:6380' }).redisUrl, 'rediss://cache.example:6380');
    assert.equal(loadConfig([], {}).redisUrl, undefined, 'none: everything stays in the process');
    assert.throws(() => loadConfig([], { REDIS_URL: 'not an address' }), /^Error: REDIS_URL must be an address/);
    assert.throws(
      () => loadConfig([], { REDIS_URL: 'file:///etc/passwd' }),
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ address, not file:/,
    );
  });

  it('starts --workers N or auto (one per core) only with REDIS_URL, and says so in one line otherwise', () => {
    const redis = { REDIS_URL: 'redis://127.0.0.1:6379' };
    assert.equal(loadConfig(['--workers', '2'], redis).workers, 2);
    assert.equal(loadConfig(['--workers', 'auto'], redis).workers, availableParallelism());
    assert.equal(loadConfig([], redis).workers, undefined);
    assert.throws(() => loadConfig(['--workers', '2'], {}), /--workers needs REDIS_URL/);
    assert.throws(() => loadConfig(['--workers', '-1'], redis), /^Error: [^\n]*--workers[^\n]*$/, 'one line');
    assert.throws(() => loadConfig(['--wrokers', '2'], redis), /^Error: [^\n]*--wrokers[^\n]*$/, 'one line');
    for (const bad of ['0', '1.5', 'many', '65', ''])
      assert.throws(
        () => loadConfig(['--workers', bad], redis),
        /--workers must be a whole number from 1 to 64, or auto/,
      );
  });

  it('stops npm start -- --workers without REDIS_URL with that one line and exit 1', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', MAIN, '--workers', '2'], {
      env: { ...process.env, REDIS_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const printed = `${started.stdout}${started.stderr}`.trim();
    assert.equal(started.status, 1);
    assert.match(printed, /^--workers needs REDIS_URL: several processes share worlds and sign-ins only through Redis/);
    assert.equal(printed.split('\n').length, 1, printed);
  });
});
