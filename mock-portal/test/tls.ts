import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fetchTrusting } from '../src/http/trusting-fetch.js';
import { createApp } from '../src/server.js';
import { WorldRegistry } from '../src/world/registry.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const cert = readFileSync(path.join(FIXTURES, 'localhost-cert.pem'));
const key = readFileSync(path.join(FIXTURES, 'localhost-key.pem'));

/** The portal served over HTTPS with the test certificate, as behind a TLS-terminating host would be without a proxy. */
export async function listenTls(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer({ key, cert });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `https://localhost:${port}`;
  // The relying parties reach the login service over HTTPS too, so they must trust the test certificate.
  const { app } = await createApp(
    {
      port,
      publicUrl: url,
      testMode: false,
      logLevel: 'silent',
      maxWorlds: 100,
      worldIdleHours: 1,
      newWorldsPerAddress: 1_000,
      overloadLagMs: 1_000,
    },
    new WorldRegistry(),
    {
      relyingPartyFetch: (target, options) => fetchTrustingTestCertificate(target, options),
    },
  );
  server.on('request', app);
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A fetch over HTTPS that trusts the test certificate. */
export const fetchTrustingTestCertificate: typeof fetch = fetchTrusting(cert);
