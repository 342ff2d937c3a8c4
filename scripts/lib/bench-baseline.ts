import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import express from 'express';
import { csrfProtection } from '../../mock-portal/src/http/csrf.js';
import { securityHeaders } from '../../mock-portal/src/http/security.js';
import { serviceSession } from '../../mock-portal/src/http/sessions.js';

/**
 * The yardsticks, served by this same process: a bare Express app (no middleware) rendering an EJS
 * table with the view cache on, as many rows as it takes to send as many bytes as the page it is
 * compared with; and the same page behind only the libraries every page of ours must use (the floor).
 */
export async function startBaseline(scratch: string): Promise<{
  url: string;
  close: () => void;
  rowsFor: (bytes: number) => number;
  floorCookie: string;
}> {
  const views = path.join(scratch, 'views');
  mkdirSync(views, { recursive: true });
  writeFileSync(
    path.join(views, 'page.ejs'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title><%= title %></title></head><body><header><h1><%= title %></h1></header><main><table><% for (const row of rows) { %><tr><td><%= row.name %></td><td><%= row.value %></td></tr><% } %></table></main></body></html>',
  );
  const app = express();
  app.set('views', views);
  app.set('view engine', 'ejs');
  app.set('view cache', true);
  const page: express.RequestHandler = (req, res) => {
    const count = Math.min(Number(req.query.rows ?? 20) || 20, 10_000);
    res.render('page', {
      title: 'Bare Express + EJS',
      rows: Array.from({ length: count }, (_, index) => ({ name: `row ${index}`, value: index * 7 })),
    });
  };
  app.get('/page', page);
  // The floor: the same page behind this project's own security headers (helmet), express-session
  // with memorystore, holding a signed-in-sized session, and csrf-sync's token, and nothing else.
  // No page of ours can be faster than this, whatever our own code does.
  const required = [
    securityHeaders({ https: false }),
    serviceSession({ name: 'floor.sid', path: '/floor', secret: randomBytes(32).toString('hex'), secure: false }),
    express.urlencoded({ extended: false }),
    ...csrfProtection(),
  ];
  app.get('/floor/page', ...required, page);
  app.get('/floor/sign-in', ...required, (req, res) => {
    req.session.identity = {
      oid: randomUUID(),
      tid: randomUUID(),
      upn: 'alice@contoso.com',
      name: 'Alice Chen',
      givenName: 'Alice',
      familyName: 'Chen',
      idToken: randomBytes(800).toString('base64url'),
    };
    res.send('signed in');
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const sizeOf = async (rows: number) => (await (await fetch(`${url}/page?rows=${rows}`)).text()).length;
  const [ten, hundredTen] = [await sizeOf(10), await sizeOf(110)];
  const rowsFor = (bytes: number) => Math.max(1, Math.round(10 + ((bytes - ten) * 100) / (hundredTen - ten)));
  const floorCookie = ((await fetch(`${url}/floor/sign-in`)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { url, close: () => server.close(), rowsFor, floorCookie };
}

export async function requestsPerSecond(
  url: string,
  cookie: string,
  seconds: number,
  connections = 10,
): Promise<{ rps: number; non2xx: number; errors: number }> {
  const result = await autocannon({ url, connections, duration: seconds, headers: cookie ? { cookie } : {} });
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors };
}
