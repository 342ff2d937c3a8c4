import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express, { type RequestHandler } from 'express';
import { helmetFor, securityHeaders } from '../src/http/security.js';

/** The headers a page gets from an app with only this middleware (and X-Powered-By off, as ours). */
async function headersFrom(middleware: RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.send('page');
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  try {
    const response = await fetch(`http://localhost:${(server.address() as AddressInfo).port}/`);
    const headers = Object.fromEntries(response.headers);
    delete headers.date;
    return headers;
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  for (const https of [false, true]) {
    it(`are exactly helmet's, set once per response (${https ? 'HTTPS, with HSTS' : 'HTTP'})`, async () => {
      const ours = await headersFrom(securityHeaders({ https }));
      assert.deepEqual(ours, await headersFrom(helmetFor(https)));
      assert.match(ours['content-security-policy'] ?? '', /default-src 'self'/);
      assert.equal('strict-transport-security' in ours, https);
    });
  }
});
