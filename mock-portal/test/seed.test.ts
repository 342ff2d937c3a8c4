import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enUS } from '../src/i18n/en-US.js';
import { zhTW } from '../src/i18n/zh-TW.js';
import { createSeedWorld, SEED_ACCOUNTS } from '../src/world/seed.js';
import { accountOf, directoryNamed } from './helpers.js';

describe('the seed: the people of PORTAL.md, each with a purpose on the Scenarios page', () => {
  it('has these people, by address, kind and name', () => {
    assert.deepEqual(
      createSeedWorld()
        .snapshot()
        .accounts.map((a) => `${a.signInName} ${a.kind} ${a.givenName} ${a.surname}`),
      [
        'alice@contoso.com work Alice Chen',
        'alice@fabrikam.com work Alice Chen',
        'megan@contoso.com work Megan Bowen',
        'bob@contoso.com work Bob Lin',
        'carol@contoso.com work Carol Huang',
        'carol@contoso.com personal Carol Huang',
        'dave@contoso.com work Dave Wu',
        'erin@contoso.com work Erin Lee',
        'kim@adatum.com work Kim Tsai',
      ],
    );
  });

  it('gives every persona its own line on the Scenarios page, in both languages', () => {
    const personas = SEED_ACCOUNTS.map((seed) => seed.persona);
    assert.equal(new Set(personas).size, personas.length);
    for (const persona of personas) {
      assert.ok(enUS[`scenarios.purpose.${persona}` as keyof typeof enUS], `en-US purpose of ${persona}`);
      assert.ok(zhTW[`scenarios.purpose.${persona}` as keyof typeof enUS], `zh-TW purpose of ${persona}`);
    }
  });

  it('makes each extra organisation a managed directory with one ordinary user, for load tests', () => {
    const snapshot = createSeedWorld({ extraOrganisations: 2 }).snapshot();
    const org2 = snapshot.directories.find((d) => d.name === 'Org 2');
    assert.deepEqual(org2?.office365Subscriptions, [{ name: 'Office 365 Business Premium', licences: 5 }]);
    const pat = snapshot.accounts.find((a) => a.signInName === 'user@org2.com');
    assert.deepEqual(
      pat && [pat.displayName, pat.givenName, pat.surname, pat.guestOfDirectoryIds, pat.directoryRoles],
      ['Pat Doe 2', 'Pat', 'Doe 2', [], []],
    );
  });
});

describe('the extra organisations of a load-test world', () => {
  it('adds "Org n" directories, each with one member, user@orgn.com, Pat Doe n', () => {
    const world = createSeedWorld({ extraOrganisations: 2 });
    const org2 = directoryNamed(world, 'Org 2');
    assert.deepEqual(
      world.usersOf(org2).map((u) => [u.account.signInName, u.account.displayName, u.membership, u.account.locked]),
      [['user@org2.com', 'Pat Doe 2', 'member', false]],
    );
    assert.equal(world.directory(org2)?.initialDomain, 'org2.onmicrosoft.com');
    assert.equal(world.directory(org2)?.office365Subscriptions[0]?.licences, 5);
    assert.equal(world.freeTrialIneligibility(accountOf(world, 'user@org1.com').id), undefined, 'a managed directory');
    assert.equal(createSeedWorld().snapshot().directories.length, 3);
  });
});
