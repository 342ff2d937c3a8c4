import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessTokenClaims, v1Issuer } from '../src/identity-platform/access-token-claims.js';
import {
  ALL_RESOURCE_SCOPES,
  GRAPH_AUDIENCE,
  MICROSOFT_PUBLIC_CLIENTS,
  MICROSOFT_RESOURCES,
  RESOURCE_MANAGER_AUDIENCES,
  resourceAskedBy,
  resourceByIndicator,
} from '../src/identity-platform/resources.js';
import { newSigningKey } from '../src/identity-platform/signing-key.js';
import { newAppSecrets, secretFields, secretsFromFields } from '../src/identity-platform/app-secrets.js';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { createSeedWorld, SEED_DIRECTORY_IDS } from '../src/world/seed.js';

const world = createSeedWorld();
const named = (signInName: string, kind: 'work' | 'personal' = 'work') => {
  const account = world.accountsBySignInName(signInName).find((each) => each.kind === kind);
  assert.ok(account, signInName);
  return account;
};
const resource = (audience: string) => {
  const found = MICROSOFT_RESOURCES.find((each) => each.audience === audience);
  assert.ok(found, audience);
  return found;
};

describe("Microsoft's APIs as the identity platform names them", () => {
  it('reads which API a request is for from its scopes, in any case, as Microsoft spells them', () => {
    const asked = (scope: string | undefined) => resourceAskedBy(scope)?.audience;
    assert.equal(asked('https://management.core.windows.net//.default openid'), 'https://management.core.windows.net/');
    assert.equal(asked('https://management.core.windows.net/.default'), 'https://management.core.windows.net/');
    assert.equal(asked('openid https://MANAGEMENT.azure.com/user_impersonation'), 'https://management.azure.com');
    assert.equal(asked('https://management.azure.com//.default'), 'https://management.azure.com');
    assert.equal(asked('User.Read'), 'https://graph.microsoft.com');
    assert.equal(asked('https://graph.microsoft.com/User.Read offline_access'), 'https://graph.microsoft.com');
    assert.equal(asked('https://graph.microsoft.com/.default'), 'https://graph.microsoft.com');
    for (const none of [
      undefined,
      '',
      'openid profile offline_access',
      'https://management.azure.com',
      'user.readwrite',
    ])
      assert.equal(asked(none), undefined, String(none));
  });

  it('keys each API by its indicator, and knows no other', () => {
    for (const each of MICROSOFT_RESOURCES) assert.equal(resourceByIndicator(each.indicator), each);
    assert.equal(resourceByIndicator('https://graph.microsoft.com'), undefined);
    assert.equal(resourceByIndicator(''), undefined);
    assert.deepEqual(RESOURCE_MANAGER_AUDIENCES, [
      'https://management.core.windows.net/',
      'https://management.azure.com',
    ]);
    assert.equal(GRAPH_AUDIENCE, 'https://graph.microsoft.com');
    assert.deepEqual(
      MICROSOFT_RESOURCES.map(({ indicator, delegated, api }) => ({ indicator, delegated, api })),
      [
        { indicator: 'https://management.core.windows.net/', delegated: 'user_impersonation', api: 'resource-manager' },
        { indicator: 'https://management.azure.com/', delegated: 'user_impersonation', api: 'resource-manager' },
        { indicator: 'https://graph.microsoft.com/', delegated: 'User.Read', api: 'graph' },
      ],
    );
    assert.equal(ALL_RESOURCE_SCOPES.length, 10);
    assert.ok(ALL_RESOURCE_SCOPES.includes('User.Read'));
  });

  it("knows Microsoft's own public clients by their ids", () => {
    assert.deepEqual(MICROSOFT_PUBLIC_CLIENTS, [
      { clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
      { clientId: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
    ]);
  });
});

describe("Access tokens shaped as Microsoft's version 1.0", () => {
  const facts = {
    tenantId: SEED_DIRECTORY_IDS.contoso,
    clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    confidentialClient: false,
    issuedAt: 1_700_000_000,
    expiresAt: 1_700_003_600,
    tokenId: 'token-id',
  };

  it("a work account's: every claim, upn and unique_name its sign-in name, no idp, no wids without a role", () => {
    const alice = named('alice@contoso.com');
    assert.deepEqual(
      accessTokenClaims({ ...facts, account: alice, resource: resource('https://management.azure.com') }),
      {
        aud: 'https://management.azure.com',
        iss: `https://sts.windows.net/${SEED_DIRECTORY_IDS.contoso}/`,
        iat: 1_700_000_000,
        nbf: 1_700_000_000,
        exp: 1_700_003_600,
        acr: '1',
        amr: ['pwd'],
        appid: facts.clientId,
        appidacr: '0',
        family_name: alice.surname,
        given_name: alice.givenName,
        idtyp: 'user',
        name: alice.displayName,
        oid: alice.id,
        scp: 'user_impersonation',
        sub: alice.id,
        tid: SEED_DIRECTORY_IDS.contoso,
        unique_name: 'alice@contoso.com',
        upn: 'alice@contoso.com',
        uti: 'token-id',
        ver: '1.0',
      },
    );
  });

  it("a Global administrator's carries wids in her directory only; a confidential client's appidacr is 1", () => {
    const megan = named('megan@contoso.com');
    const graph = resource('https://graph.microsoft.com');
    const atHome = accessTokenClaims({ ...facts, account: megan, resource: graph, confidentialClient: true });
    assert.deepEqual(
      [atHome.wids, atHome.appidacr, atHome.scp],
      [['62e90394-69f5-4237-9190-012177145e10'], '1', 'User.Read'],
    );
    const elsewhere = accessTokenClaims({
      ...facts,
      account: megan,
      resource: graph,
      tenantId: SEED_DIRECTORY_IDS.fabrikam,
    });
    assert.equal('wids' in elsewhere, false);
  });

  it("a personal account's: idp live.com, a live.com# unique_name, no upn", () => {
    const personal = named('carol@contoso.com', 'personal');
    const claims = accessTokenClaims({
      ...facts,
      account: personal,
      resource: resource('https://graph.microsoft.com'),
    });
    assert.deepEqual(
      [claims.idp, claims.unique_name, 'upn' in claims],
      ['live.com', 'live.com#carol@contoso.com', false],
    );
  });

  it('are signed with an RS256 key published for signing, under one key id', async () => {
    const { privateJwk } = await newSigningKey();
    assert.deepEqual(
      [privateJwk.alg, privateJwk.use, privateJwk.kid, privateJwk.kty],
      ['RS256', 'sig', 'mock-portal-1', 'RSA'],
    );
  });

  it('names its tenant in the issuer, as sts.windows.net does', () => {
    assert.equal(v1Issuer('abc'), 'https://sts.windows.net/abc/');
  });
});

describe('the secrets every process of one portal shares', () => {
  it('come back from their fields whole: a token signed with the kept key checks with the key read back', async () => {
    const secrets = await newAppSecrets();
    const back = await secretsFromFields(secretFields(secrets));
    assert.ok(back);
    assert.equal(back.cookieSecret, secrets.cookieSecret);
    assert.deepEqual(back.clientSecrets, secrets.clientSecrets);
    const token = await new SignJWT({ oid: 'x' })
      .setProtectedHeader({ alg: 'RS256' })
      .sign(await importJWK(secrets.signingKey.privateJwk, 'RS256'));
    assert.equal((await jwtVerify(token, back.signingKey.publicKey)).payload.oid, 'x');
  });

  it('are none when a field is missing, so that a start-up says so rather than sign with half a key', async () => {
    const fields = secretFields(await newAppSecrets());
    for (const missing of Object.keys(fields)) {
      const { [missing]: _gone, ...rest } = fields;
      assert.equal(await secretsFromFields(rest), undefined, missing);
    }
  });
});
