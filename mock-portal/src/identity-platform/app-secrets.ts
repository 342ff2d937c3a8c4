import { randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { newSigningKey, signingKeyFrom, type SigningKey } from './signing-key.js';

/** What every process serving one portal must hold alike, or a cookie or token from one fails on another. */
export interface AppSecrets {
  /** Signs every service's cookies. */
  readonly cookieSecret: string;
  /** Signs every token. */
  readonly signingKey: SigningKey;
  /** The client secrets of the portal's own relying parties (the sign-up site and the portal). */
  readonly clientSecrets: { readonly signup: string; readonly portal: string };
}

/** Secrets of one process's own, made at start (the default: one process, nothing to share). */
export async function newAppSecrets(): Promise<AppSecrets> {
  return {
    cookieSecret: randomBytes(32).toString('hex'),
    signingKey: await newSigningKey(),
    clientSecrets: { signup: randomBytes(24).toString('hex'), portal: randomBytes(24).toString('hex') },
  };
}

/** The secrets as named text, to keep where other processes read them. */
export function secretFields(secrets: AppSecrets): Record<string, string> {
  return {
    cookieSecret: secrets.cookieSecret,
    signingKey: JSON.stringify(secrets.signingKey.privateJwk),
    signupClientSecret: secrets.clientSecrets.signup,
    portalClientSecret: secrets.clientSecrets.portal,
  };
}

/** The secrets another process kept; undefined when a field is missing. */
export async function secretsFromFields(fields: Record<string, string>): Promise<AppSecrets | undefined> {
  const { cookieSecret, signingKey, signupClientSecret, portalClientSecret } = fields;
  if (!cookieSecret || !signingKey || !signupClientSecret || !portalClientSecret) return undefined;
  return {
    cookieSecret,
    signingKey: await signingKeyFrom(JSON.parse(signingKey) as JWK),
    clientSecrets: { signup: signupClientSecret, portal: portalClientSecret },
  };
}
