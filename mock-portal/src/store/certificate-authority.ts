import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

/** The mock's own certificate authority, and the certificate it signed for Microsoft's host names. */
export interface MicrosoftHostsCertificates {
  /** The authority's certificate: what a client trusts (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS, a browser). */
  readonly caFile: string;
  readonly caCert: string;
  /** The certificate the mock answers Microsoft's host names with, and its key. */
  readonly cert: string;
  readonly key: string;
  /** True when the authority was made just now rather than read. */
  readonly madeAuthority: boolean;
  /** The certificate's public key as Chromium's `--ignore-certificate-errors-spki-list` names it (SHA-256, base64). */
  readonly spki: string;
}

/** A certificate's public key hash, as Chromium names a key to trust. */
const spkiOf = (cert: string) =>
  createHash('sha256')
    .update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where the authority is kept: the data folder's `tls/`, or, without one, a folder of this port's. */
export function certificatesFolder(dataDir: string | undefined, port: number): string {
  return path.join(dataDir ?? path.join(tmpdir(), `mock-azure-portal-${port}`), 'tls');
}

const CA_NAME = 'Mock Azure portal local certificate authority';

const files = (folder: string) => ({
  caCert: path.join(folder, 'mock-ca-cert.pem'),
  caKey: path.join(folder, 'mock-ca-key.pem'),
  cert: path.join(folder, 'microsoft-hosts-cert.pem'),
  key: path.join(folder, 'microsoft-hosts-key.pem'),
});

/**
 * A kept certificate and key, while the certificate has a day or more to run and was made for
 * these names; undefined for files that are not a certificate and its key (they are made again).
 */
function kept(certFile: string, keyFile: string, now: Date, names?: readonly string[]) {
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  try {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return undefined;
    if (Date.parse(x509.validTo) - now.getTime() <= DAY_MS) return undefined;
    if (names && !names.every((name) => x509.checkHost(name, { subject: 'never' }) === name)) return undefined;
    return { cert, key };
  } catch {
    return undefined;
  }
}

/**
 * The certificate authority the mock makes once and keeps in `folder` (ten years), and a
 * certificate it signs for `hostNames` (a year, made again when a name is added or it nears its
 * end). Only the authority is for clients to trust; both keys are readable by their owner only.
 */
export async function microsoftHostsCertificates(
  folder: string,
  hostNames: readonly string[],
  now = new Date(),
): Promise<MicrosoftHostsCertificates> {
  const at = files(folder);
  mkdirSync(folder, { recursive: true });
  let authority = kept(at.caCert, at.caKey, now);
  const madeAuthority = !authority;
  if (!authority) {
    const made = await generate([{ name: 'commonName', value: CA_NAME }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 10 * 365 * DAY_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
      ],
    });
    authority = { cert: made.cert, key: made.private };
    writeFileSync(at.caKey, authority.key, { mode: 0o600 });
    writeFileSync(at.caCert, authority.cert);
  }
  let leaf = madeAuthority ? undefined : kept(at.cert, at.key, now, hostNames);
  if (!leaf) {
    const made = await generate([{ name: 'commonName', value: hostNames[0] ?? 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: new Date(now.getTime() + 365 * DAY_MS),
      ca: authority,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: hostNames.map((value) => ({ type: 2, value })) },
      ],
    });
    leaf = { cert: made.cert, key: made.private };
    writeFileSync(at.key, leaf.key, { mode: 0o600 });
    writeFileSync(at.cert, leaf.cert);
  }
  return { caFile: at.caCert, caCert: authority.cert, ...leaf, madeAuthority, spki: spkiOf(leaf.cert) };
}
