import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

/** The key the login service signs every token with, and Resource Manager and Graph check them with. */
export type PublicKey = Awaited<ReturnType<typeof generateKeyPair>>['publicKey'];

export interface SigningKey {
  readonly privateJwk: JWK;
  readonly publicKey: PublicKey;
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'mock-portal-1' },
    publicKey,
  };
}

/** The signing key another process made, from its private JWK. */
export async function signingKeyFrom(privateJwk: JWK): Promise<SigningKey> {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  return { privateJwk, publicKey: (await importJWK(publicJwk, 'RS256')) as PublicKey };
}
