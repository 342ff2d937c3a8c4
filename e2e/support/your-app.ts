import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * "Your app": an application registered with the mock through MOCK_CLIENTS, signing people in with
 * Microsoft's own library over HTTPS (MSAL refuses any other authority). The mock that serves it is
 * the suite's third server (playwright.config.ts), started as `npm start -- --https` is.
 */
export const YOUR_APP_PORT = Number(process.env.MOCK_PORTAL_PORT ?? 3100) + 2;
export const YOUR_APP_PORTAL = `https://localhost:${YOUR_APP_PORT}`;

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'mock-portal', 'test', 'fixtures');
/** The test certificate for localhost the HTTPS server serves, and Node's fetch is told to trust. */
export const TEST_CERTIFICATE = {
  cert: path.join(FIXTURES, 'localhost-cert.pem'),
  key: path.join(FIXTURES, 'localhost-key.pem'),
};
/** The MOCK_CLIENTS file the HTTPS server reads. */
export const YOUR_APP_CLIENTS_FILE = path.join(import.meta.dirname, 'your-app-clients.json');

/** As registered in that file: a confidential client, whose redirect URI no server needs to answer (the test catches it). */
export const YOUR_APP = {
  clientId: 'your-app',
  clientSecret: 'your-app-secret-for-tests-only',
  redirectUri: 'https://localhost:5001/redirect',
} as const;

/**
 * What NODE_EXTRA_CA_CERTS should name for the test workers: the test certificate, added to any
 * certificates it already named (a machine's own bundle, say), in a file of both when there are.
 */
export function extraCertificatesWithTestCertificate(already: string | undefined): string {
  if (!already) return TEST_CERTIFICATE.cert;
  let existing: string;
  try {
    existing = readFileSync(already, 'utf8');
  } catch {
    return TEST_CERTIFICATE.cert;
  }
  const bundle = path.join(tmpdir(), `mock-portal-test-ca-${process.pid}.pem`);
  writeFileSync(bundle, `${existing.trimEnd()}\n${readFileSync(TEST_CERTIFICATE.cert, 'utf8')}`);
  return bundle;
}
