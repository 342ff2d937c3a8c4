import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { microsoftHostsCertificates } from '../src/store/certificate-authority.js';

const HOSTS = ['login.microsoftonline.com', 'management.azure.com'];

describe("The mock's certificate authority for Microsoft's host names, kept in the data folder", () => {
  it('is made once and kept; its certificate names every host, is signed by it, and the keys are the owner’s only', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'mock-ca-'));
    const first = await microsoftHostsCertificates(folder, HOSTS);
    const again = await microsoftHostsCertificates(folder, HOSTS);
    assert.deepEqual([first.madeAuthority, again.madeAuthority], [true, false]);
    assert.equal(again.caCert, first.caCert);
    const leaf = new X509Certificate(first.cert);
    assert.ok(leaf.verify(new X509Certificate(first.caCert).publicKey), 'signed by the authority');
    for (const host of HOSTS) assert.equal(leaf.checkHost(host, { subject: 'never' }), host);
    assert.equal(statSync(path.join(folder, 'mock-ca-key.pem')).mode & 0o077, 0);
    const more = await microsoftHostsCertificates(folder, [...HOSTS, 'graph.microsoft.com']);
    assert.equal(more.caCert, first.caCert, 'a host added: the same authority signs a new certificate');
    assert.equal(
      new X509Certificate(more.cert).checkHost('graph.microsoft.com', { subject: 'never' }),
      'graph.microsoft.com',
    );
  });

  it('makes a new authority when the kept files are not a certificate and its key, rather than failing to start', async () => {
    for (const [cert, key] of [
      ['not a certificate', 'not a key'],
      ['', ''],
    ] as const) {
      const folder = mkdtempSync(path.join(tmpdir(), 'mock-ca-'));
      writeFileSync(path.join(folder, 'mock-ca-cert.pem'), cert);
      writeFileSync(path.join(folder, 'mock-ca-key.pem'), key);
      const made = await microsoftHostsCertificates(folder, HOSTS);
      assert.equal(made.madeAuthority, true);
      assert.ok(new X509Certificate(made.cert).verify(new X509Certificate(made.caCert).publicKey));
    }
    const folder = mkdtempSync(path.join(tmpdir(), 'mock-ca-'));
    const other = await microsoftHostsCertificates(mkdtempSync(path.join(tmpdir(), 'mock-ca-')), HOSTS);
    const own = await microsoftHostsCertificates(folder, HOSTS);
    writeFileSync(path.join(folder, 'mock-ca-key.pem'), other.key);
    const mismatched = await microsoftHostsCertificates(folder, HOSTS);
    assert.equal(mismatched.madeAuthority, true, 'a key that is not the certificate’s is not kept');
    assert.notEqual(mismatched.caCert, own.caCert);
  });
});
