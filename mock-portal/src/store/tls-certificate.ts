import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import { generate } from 'selfsigned';

/** A certificate and its key, and where the certificate is (for a client to trust it). */
export interface TlsCertificate {
  readonly certFile: string;
  readonly cert: string;
  readonly key: string;
  /** True when it was made just now rather than read. */
  readonly made: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A file's text, or an error naming the variable that named it. */
function readNamed(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, {
      cause: error,
    });
  }
}

/** The certificate named by TLS_CERT and TLS_KEY, refused with a clear message unless they are a certificate and its key. */
export function namedCertificate(certFile: string, keyFile: string): TlsCertificate {
  const cert = readNamed('TLS_CERT', certFile);
  const key = readNamed('TLS_KEY', keyFile);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(`TLS_CERT and TLS_KEY are not a certificate and its key: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { certFile, cert, key, made: false };
}

/**
 * A certificate for localhost (and 127.0.0.1) kept in `folder`: the one made before while it has a
 * day or more to run, else a new one, valid for a year. The key is readable by its owner only.
 */
export async function localCertificate(folder: string, now = new Date()): Promise<TlsCertificate> {
  const certFile = path.join(folder, 'localhost-cert.pem');
  const keyFile = path.join(folder, 'localhost-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const kept = namedCertificate(certFile, keyFile);
    if (Date.parse(new X509Certificate(kept.cert).validTo) - now.getTime() > DAY_MS) return kept;
  }
  const made = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + 365 * DAY_MS),
  });
  mkdirSync(folder, { recursive: true });
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return { certFile, cert: made.cert, key: made.private, made: true };
}
