import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { fetchTrusting } from '../src/http/trusting-fetch.js';
import { createApp } from '../src/server.js';
import { localCertificate, namedCertificate } from '../src/store/tls-certificate.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, signInUntilCallback } from '../../testkit/cookie-client.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

describe('npm start -- --https', () => {
  it('asks for HTTPS with --https, on an https:// public URL, and takes TLS_CERT and TLS_KEY only together', () => {
    const config = loadConfig(['--https'], {});
    assert.deepEqual([config.https, config.publicUrl, config.tlsFiles], [true, 'https://localhost:3000', undefined]);
    assert.deepEqual(loadConfig(['--https'], { TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' }).tlsFiles, {
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    assert.throws(() => loadConfig(['--https'], { TLS_CERT: 'c.pem' }), /TLS_CERT and TLS_KEY go together/);
    assert.equal(loadConfig([], {}).publicUrl, 'http://localhost:3000');
  });

  it('makes a certificate for localhost once, keeps its key to its owner, and makes a new one only near its end', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mock-tls-'));
    const first = await localCertificate(folder);
    const x509 = new X509Certificate(first.cert);
    assert.equal(first.made, true);
    assert.match(x509.subjectAltName ?? '', /DNS:localhost/);
    assert.match(x509.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.ok(Date.parse(x509.validTo) - Date.now() > YEAR_MS - 2 * 24 * 60 * 60 * 1000, x509.validTo);
    assert.equal(statSync(path.join(folder, 'localhost-key.pem')).mode & 0o777, 0o600);
    const again = await localCertificate(folder);
    assert.deepEqual([again.made, again.cert], [false, first.cert]);
    const nearItsEnd = await localCertificate(folder, new Date(Date.now() + YEAR_MS - 60 * 60 * 1000));
    assert.equal(nearItsEnd.made, true);
  });

  it('refuses TLS_CERT and TLS_KEY that are missing, not PEM, or not a pair, naming what is wrong', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mock-tls-'));
    const one = await localCertificate(path.join(folder, 'one'));
    const other = await localCertificate(path.join(folder, 'other'));
    const junk = path.join(folder, 'junk.pem');
    writeFileSync(junk, '<script>alert(1)</script>\n'.repeat(100));
    const keyOf = (made: string) => path.join(folder, made, 'localhost-key.pem');
    assert.throws(
      () => namedCertificate(path.join(folder, 'missing.pem'), keyOf('one')),
      /^Error: TLS_CERT: cannot read .*ENOENT/,
    );
    assert.throws(
      () => namedCertificate(one.certFile, path.join(folder, 'missing.pem')),
      /^Error: TLS_KEY: cannot read/,
    );
    for (const [cert, key] of [
      [junk, keyOf('one')],
      [one.certFile, junk],
      [one.certFile, keyOf('other')],
    ] as const)
      assert.throws(
        () => namedCertificate(cert, key),
        /^Error: TLS_CERT and TLS_KEY are not a certificate and its key/,
      );
    assert.equal(namedCertificate(other.certFile, keyOf('other')).cert, other.cert);
  });

  it('serves the portal over HTTPS with that certificate: its issuer is https://, and a sign-in goes through', async () => {
    const { cert, key } = await localCertificate(mkdtempSync(path.join(tmpdir(), 'mock-tls-')));
    const server = createServer({ cert, key });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `https://localhost:${(server.address() as AddressInfo).port}`;
    const trusting = fetchTrusting(cert);
    const { app } = await createApp(
      { ...loadConfig(['--https'], { PUBLIC_URL: url }), testMode: true, logLevel: 'silent' },
      undefined,
      { relyingPartyFetch: trusting },
    );
    server.on('request', app);
    try {
      const discovery = (await (
        await trusting(`${url}/login/contoso.com/v2.0/.well-known/openid-configuration`)
      ).json()) as {
        issuer: string;
      };
      assert.equal(discovery.issuer, `${url}/login/${SEED_DIRECTORY_IDS.contoso}/v2.0`);
      const browser = new CookieClient(url, trusting);
      const callback = await signInUntilCallback(browser, '/portal/subscriptions', 'alice@contoso.com', SEED_PASSWORD);
      const { response } = await browser.follow(callback);
      assert.match(await response.text(), /alice@contoso\.com/);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
