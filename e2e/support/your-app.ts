import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * "Your app": applications registered with the mock through MOCK_CLIENTS that sign people in with
 * Microsoft's own library over HTTPS (MSAL refuses any other authority). The mock that serves them
 * is the suite's third server, started as `npm start -- --https` is; examples/your-app is the
 * fourth (playwright.config.ts).
 */
const BASE_PORT = Number(process.env.MOCK_PORTAL_PORT ?? 3100);
export const YOUR_APP_PORT = BASE_PORT + 2;
export const YOUR_APP_PORTAL = `https://localhost:${YOUR_APP_PORT}`;
export const EXAMPLE_APP_PORT = BASE_PORT + 3;
export const EXAMPLE_APP_URL = `http://localhost:${EXAMPLE_APP_PORT}`;

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'mock-portal', 'test', 'fixtures');
/** The test certificate for localhost the HTTPS server serves, and Node's fetch is told to trust. */
export const TEST_CERTIFICATE = {
  cert: path.join(FIXTURES, 'localhost-cert.pem'),
  key: path.join(FIXTURES, 'localhost-key.pem'),
};

/** MSAL in the test itself: a confidential client whose redirect URI no server answers (the test catches it). */
export const MSAL_TEST_APP = {
  clientId: 'msal-test-app',
  clientSecret: 'msal-test-app-secret-for-tests-only',
  redirectUri: 'https://localhost:5001/redirect',
} as const;

/** examples/your-app as its README registers it, but on this run's port. */
const EXAMPLE_APP = {
  clientId: 'your-app',
  clientSecret: 'your-app-secret-change-me',
  redirectUri: `${EXAMPLE_APP_URL}/redirect`,
} as const;

/** Writes the MOCK_CLIENTS file of this run (the example's redirect URI names this run's port) and returns its path. */
export function writeClientsFile(): string {
  const file = path.join(tmpdir(), `mock-portal-test-clients-${BASE_PORT}.json`);
  const registered = [MSAL_TEST_APP, EXAMPLE_APP].map(({ clientId, clientSecret, redirectUri }) => ({
    clientId,
    clientSecret,
    redirectUris: [redirectUri],
  }));
  writeFileSync(file, JSON.stringify(registered, null, 2));
  return file;
}

/**
 * What NODE_EXTRA_CA_CERTS should name for the test workers and the example app: the test
 * certificate, added to any certificates it already named (a machine's own bundle, say), in a file
 * of both when there are.
 */
export function extraCertificatesWithTestCertificate(already: string | undefined): string {
  if (!already) return TEST_CERTIFICATE.cert;
  let existing: string;
  try {
    existing = readFileSync(already, 'utf8');
  } catch {
    return TEST_CERTIFICATE.cert;
  }
  const bundle = path.join(tmpdir(), `mock-portal-test-ca-${BASE_PORT}.pem`);
  writeFileSync(bundle, `${existing.trimEnd()}\n${readFileSync(TEST_CERTIFICATE.cert, 'utf8')}`);
  return bundle;
}
