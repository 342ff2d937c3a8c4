import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  admission,
  authorityNamed,
  authoritySegment,
  issuerTenantOf,
  TENANT_TEMPLATE,
  type Authority,
} from '../src/world/authority.js';
import { PERSONAL_ACCOUNT_TENANT_ID, type Account, type Directory } from '../src/world/model.js';
import { World } from '../src/world/world.js';

// A small world of its own, not the seed: these rules hold for any directories and accounts.
const contoso = 'c0000000-0000-4000-8000-000000000001';
const fabrikam = 'f0000000-0000-4000-8000-000000000002';
const directory = (id: string, name: string, managed = true): Directory => ({
  id,
  name,
  initialDomain: `${name.toLowerCase()}.onmicrosoft.com`,
  verifiedDomains: managed ? [`${name.toLowerCase()}.com`] : [],
  managed,
  office365Subscriptions: [],
});
const directories = [
  directory(contoso, 'Contoso'),
  directory(fabrikam, 'Fabrikam'),
  directory('a0000000-0000-4000-8000-000000000003', 'Adatum', false),
];
const person = (signInName: string, kind: Account['kind'], home?: string, guestOf: string[] = []): Account => ({
  id: `${signInName}-${kind}`,
  signInName,
  kind,
  displayName: signInName,
  givenName: '',
  surname: '',
  homeDirectoryId: home,
  guestOfDirectoryIds: guestOf,
  directoryRoles: [],
  password: 'x',
  locked: false,
});
const world = new World({ directories, accounts: [], subscriptions: [] });
const atContoso: Authority = { kind: 'directory', directoryId: contoso };

describe('authorities: what a v2.0 path names', () => {
  it('names the shared authorities, in any case, and consumers by its tenant id too', () => {
    assert.deepEqual(authorityNamed('common', directories), { kind: 'common' });
    assert.deepEqual(authorityNamed('Organizations', directories), { kind: 'organizations' });
    assert.deepEqual(authorityNamed('CONSUMERS', directories), { kind: 'consumers' });
    assert.deepEqual(authorityNamed(PERSONAL_ACCOUNT_TENANT_ID, directories), { kind: 'consumers' });
  });

  it('names a directory by its id or any of its domains, in any case', () => {
    for (const tenant of [contoso, contoso.toUpperCase(), 'contoso.com', 'Contoso.onmicrosoft.com'])
      assert.deepEqual(authorityNamed(tenant, directories), atContoso, tenant);
  });

  it("is what a world answers for its own directories, and for another world's nothing", () => {
    assert.deepEqual(world.authorityNamed('CONTOSO.COM'), atContoso);
    assert.deepEqual(world.authorityNamed('organizations'), { kind: 'organizations' });
    const defaultDirectory = directory('d0000000-0000-4000-8000-000000000004', 'CarolDefault', false);
    const elsewhere = new World({ directories: [...directories, defaultDirectory], accounts: [], subscriptions: [] });
    assert.deepEqual(elsewhere.authorityNamed(defaultDirectory.id), {
      kind: 'directory',
      directoryId: defaultDirectory.id,
    });
    assert.equal(world.authorityNamed(defaultDirectory.id), undefined);
  });

  it('names nothing for a tenant that does not exist, or an unmanaged directory by a domain it never verified', () => {
    for (const tenant of [
      '',
      'contoso',
      'contoso.org',
      'adatum.com',
      '00000000-0000-0000-0000-000000000000',
      '{tenantid}',
    ])
      assert.equal(authorityNamed(tenant, directories), undefined, tenant);
    assert.equal(authorityNamed('adatum.onmicrosoft.com', directories)?.kind, 'directory');
  });

  it('writes a directory authority as its id, and the shared ones as their names', () => {
    assert.equal(authoritySegment(atContoso), contoso);
    assert.equal(authoritySegment({ kind: 'organizations' }), 'organizations');
  });

  it("puts one directory's id in its issuer, the personal accounts' tenant in consumers', and the template in the others'", () => {
    assert.equal(issuerTenantOf(atContoso), contoso);
    assert.equal(issuerTenantOf({ kind: 'consumers' }), PERSONAL_ACCOUNT_TENANT_ID);
    assert.equal(TENANT_TEMPLATE, '{tenantid}', "Microsoft's template, which clients fill in with each token's tid");
    assert.equal(issuerTenantOf({ kind: 'common' }), '{tenantid}');
    assert.equal(issuerTenantOf({ kind: 'organizations' }), '{tenantid}');
  });
});

describe('authorities: who each one signs in, and to which tenant', () => {
  const alice = person('alice@contoso.com', 'work', contoso);
  const aliceFabrikam = person('alice@fabrikam.com', 'work', fabrikam, [contoso]);
  const carolPersonal = person('carol@contoso.com', 'personal');
  const bob = person('bob@contoso.com', 'work', contoso);

  it('common signs in everyone to their own tenant', () => {
    assert.deepEqual(admission({ kind: 'common' }, alice), { admitted: true, tenantId: contoso });
    assert.deepEqual(admission({ kind: 'common' }, aliceFabrikam), { admitted: true, tenantId: fabrikam });
    assert.deepEqual(admission({ kind: 'common' }, carolPersonal), {
      admitted: true,
      tenantId: PERSONAL_ACCOUNT_TENANT_ID,
    });
  });

  it('organizations signs in work accounts and refuses personal ones with AADSTS500200', () => {
    assert.deepEqual(admission({ kind: 'organizations' }, alice), { admitted: true, tenantId: contoso });
    assert.deepEqual(admission({ kind: 'organizations' }, carolPersonal), {
      admitted: false,
      refusal: 'AADSTS500200',
    });
  });

  it('consumers signs in personal accounts and refuses work ones with AADSTS50020', () => {
    assert.deepEqual(admission({ kind: 'consumers' }, carolPersonal), {
      admitted: true,
      tenantId: PERSONAL_ACCOUNT_TENANT_ID,
    });
    assert.deepEqual(admission({ kind: 'consumers' }, alice), { admitted: false, refusal: 'AADSTS50020' });
  });

  it("a directory signs in its members and its guests, to itself, and refuses everyone else's with AADSTS50020", () => {
    assert.deepEqual(admission(atContoso, bob), { admitted: true, tenantId: contoso });
    assert.deepEqual(admission(atContoso, aliceFabrikam), { admitted: true, tenantId: contoso }, 'a guest of Contoso');
    const atFabrikam: Authority = { kind: 'directory', directoryId: fabrikam };
    assert.deepEqual(admission(atFabrikam, bob), { admitted: false, refusal: 'AADSTS50020' });
    assert.deepEqual(admission(atFabrikam, carolPersonal), { admitted: false, refusal: 'AADSTS50020' });
  });

  it('is what a world answers for a tenant by name, and nothing for a tenant it does not have', () => {
    assert.deepEqual(world.admissionAt('contoso.com', bob), { admitted: true, tenantId: contoso });
    assert.deepEqual(world.admissionAt('Fabrikam.onmicrosoft.com', bob), { admitted: false, refusal: 'AADSTS50020' });
    assert.equal(world.admissionAt('nowhere.example', bob), undefined);
  });

  it('refuses, everywhere but at a directory it is a guest of, a work account with no home directory', () => {
    const homeless = { ...bob, homeDirectoryId: undefined, guestOfDirectoryIds: [contoso] };
    for (const kind of ['common', 'organizations'] as const)
      assert.deepEqual(admission({ kind }, homeless), {
        admitted: false,
        refusal: kind === 'common' ? 'AADSTS50020' : 'AADSTS500200',
      });
    assert.deepEqual(admission(atContoso, homeless), { admitted: true, tenantId: contoso });
  });
});
