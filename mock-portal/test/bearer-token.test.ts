import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SignJWT, UnsecuredJWT, generateKeyPair, importJWK } from 'jose';
import { v1Issuer } from '../src/identity-platform/access-token-claims.js';
import { checkBearerToken } from '../src/identity-platform/bearer-token.js';
import { newSigningKey } from '../src/identity-platform/signing-key.js';

const AUDIENCE = 'https://management.azure.com';
const TENANT = 'c4d64bca-b7c9-460e-b5b4-9e16a0cf7e54';
const OID = '0b1c2d3e-0000-4000-8000-000000000001';
const key = await newSigningKey();
const privateKey = await importJWK(key.privateJwk, 'RS256');

const now = () => Math.floor(Date.now() / 1000);
function token(claims: Record<string, unknown> = {}, signWith: Parameters<SignJWT['sign']>[0] = privateKey) {
  return new SignJWT({ aud: AUDIENCE, iss: v1Issuer(TENANT), tid: TENANT, oid: OID, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(now() + 3600)
    .sign(signWith);
}
const check = (header: string | undefined) => checkBearerToken(header, key.publicKey, [AUDIENCE]);

describe('What a bearer token proves to Resource Manager and Graph', () => {
  it('proves the account and tenant of a token the login service signed for this API', async () => {
    assert.deepEqual(await check(`Bearer ${await token()}`), {
      ok: true,
      accountId: OID,
      tenantId: TENANT,
      audience: AUDIENCE,
    });
  });

  it('proves nothing without a header, with another scheme, or with something not a JWT', async () => {
    assert.deepEqual(await check(undefined), { ok: false, reason: 'missing' });
    assert.deepEqual(await check(`Basic ${Buffer.from('a:b').toString('base64')}`), { ok: false, reason: 'invalid' });
    assert.deepEqual(await check('Bearer not-a-token'), { ok: false, reason: 'invalid' });
    assert.deepEqual(await check(`Bearer ${'x'.repeat(10_000)}.y.z`), { ok: false, reason: 'invalid' });
  });

  it('refuses an expired token, and one for another audience', async () => {
    const expired = await new SignJWT({ aud: AUDIENCE, iss: v1Issuer(TENANT), tid: TENANT, oid: OID })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuedAt(now() - 7200)
      .setExpirationTime(now() - 3600)
      .sign(privateKey);
    assert.deepEqual(await check(`Bearer ${expired}`), { ok: false, reason: 'expired' });
    assert.deepEqual(await check(`Bearer ${await token({ aud: 'https://graph.microsoft.com' })}`), {
      ok: false,
      reason: 'audience',
    });
  });

  it("refuses alg none, another key's signature, a changed claim, and an issuer of another tenant than its tid", async () => {
    const unsigned = new UnsecuredJWT({ aud: AUDIENCE, iss: v1Issuer(TENANT), tid: TENANT, oid: OID })
      .setExpirationTime(now() + 3600)
      .encode();
    assert.deepEqual(await check(`Bearer ${unsigned}`), { ok: false, reason: 'invalid' });
    const other = await generateKeyPair('RS256');
    assert.deepEqual(await check(`Bearer ${await token({}, other.privateKey)}`), { ok: false, reason: 'invalid' });
    const [header, , signature] = (await token()).split('.');
    const forged = Buffer.from(
      JSON.stringify({ aud: AUDIENCE, iss: v1Issuer(TENANT), tid: TENANT, oid: 'someone-else', exp: now() + 3600 }),
    ).toString('base64url');
    assert.deepEqual(await check(`Bearer ${header}.${forged}.${signature}`), { ok: false, reason: 'invalid' });
    assert.deepEqual(await check(`Bearer ${await token({ iss: v1Issuer('another-tenant') })}`), {
      ok: false,
      reason: 'invalid',
    });
    assert.deepEqual(await check(`Bearer ${await token({ oid: 42 })}`), { ok: false, reason: 'invalid' });
  });
});
