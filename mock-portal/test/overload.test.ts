import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { loadConfig } from '../src/config.js';
import { localeMiddleware } from '../src/http/locale.js';
import { eventLoopLag, shedWhenOverloaded } from '../src/http/overload.js';

/** A small app behind the guard, with a lag the test sets, counting what reached the handler. */
async function guarded(lag: { ms: number }) {
  const reached: string[] = [];
  const app = express();
  app.use(localeMiddleware());
  app.use(shedWhenOverloaded(lag, { maxLagMs: 1_000 }));
  app.all('/{*rest}', (req, res) => {
    reached.push(`${req.method} ${req.path}`);
    res.send('done');
  });
  const server = app.listen(0);
  await once(server, 'listening');
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { base, reached, close: () => server.close() };
}

describe('an overloaded portal says so rather than dropping the connection', () => {
  it('lets every request through while the event loop keeps up', async () => {
    const { base, reached, close } = await guarded({ ms: 1_000 });
    const response = await fetch(`${base}/signup/`);
    assert.equal(response.status, 200);
    assert.deepEqual(reached, ['GET /signup/']);
    close();
  });

  it("answers 503 with Retry-After, in the reader's language, and runs nothing, once the loop runs late", async () => {
    const { base, reached, close } = await guarded({ ms: 1_001 });
    const page = await fetch(`${base}/portal/subscriptions`, { headers: { 'accept-language': 'zh-TW' } });
    assert.equal(page.status, 503);
    assert.equal(page.headers.get('retry-after'), '2');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    const html = await page.text();
    assert.match(html, /模擬網站忙碌中/);
    assert.match(html, /href="\/portal\/subscriptions">再試一次</);
    const form = await fetch(`${base}/signup/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=signup',
    });
    assert.equal(form.status, 503);
    const formPage = await form.text();
    assert.match(formPage, /The mock is busy/);
    assert.doesNotMatch(formPage, /Try again</, 'a form is sent again from its own page, not by a link');
    assert.deepEqual(reached, [], 'a request turned away has done nothing');
    close();
  });

  it('never links a retry anywhere but this site', async () => {
    const { base, close } = await guarded({ ms: 5_000 });
    for (const path of ['//evil.example/x', '/%2F%2Fevil.example', '/\\evil.example']) {
      const html = await (await fetch(`${base}${path}`)).text();
      assert.doesNotMatch(html, /href="(https?:)?\/\/evil/, path);
      assert.doesNotMatch(html, /href="\/\\/, path);
    }
    close();
  });

  it("measures the process's event loop, which is not late when idle", async () => {
    const lag = eventLoopLag();
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.ok(lag.ms < 1_000, `idle lag ${lag.ms} ms`);
  });

  it('takes OVERLOAD_LAG_MS from the environment and refuses one out of bounds, naming it', () => {
    assert.equal(loadConfig([], {}).overloadLagMs, 1_000);
    assert.equal(loadConfig([], { OVERLOAD_LAG_MS: '250' }).overloadLagMs, 250);
    for (const bad of ['0', '-1', 'soon', '1.5', '600001'])
      assert.throws(() => loadConfig([], { OVERLOAD_LAG_MS: bad }), /OVERLOAD_LAG_MS must be a whole number/);
  });
});
