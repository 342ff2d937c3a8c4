import { errors, jwtVerify } from 'jose';
import { v1Issuer } from './access-token-claims.js';
import type { PublicKey } from './signing-key.js';

export type BearerToken =
  | { readonly ok: true; readonly accountId: string; readonly tenantId: string; readonly audience: string }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' | 'audience' };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * What an `Authorization: Bearer …` header proves: an access token the login service signed, for
 * one of these audiences, not expired, from the issuer of the tenant it names. Anything else (no
 * header, another scheme, `alg: none`, another key, a forged claim) proves nothing, and says why
 * only as far as the APIs' own answers do.
 */
export async function checkBearerToken(
  header: string | undefined,
  key: PublicKey,
  audiences: readonly string[],
): Promise<BearerToken> {
  if (!header) return { ok: false, reason: 'missing' };
  const token = BEARER.exec(header)?.[1];
  if (!token) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['RS256'], audience: [...audiences] });
    const { tid, oid, aud, iss } = payload;
    if (typeof tid !== 'string' || typeof oid !== 'string' || iss !== v1Issuer(tid) || typeof aud !== 'string')
      return { ok: false, reason: 'invalid' };
    return { ok: true, accountId: oid, tenantId: tid, audience: aud };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud')
      return { ok: false, reason: 'audience' };
    return { ok: false, reason: 'invalid' };
  }
}
