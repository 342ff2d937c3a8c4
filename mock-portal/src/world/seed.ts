import { randomUUID } from 'node:crypto';
import type { Account, AzureSubscription, Directory } from './model.js';
import { pictureProvenance, randomProvenance, type Provenance } from './provenance.js';
import { World } from './world.js';

/** Every seeded account signs in with this password. */
export const SEED_PASSWORD = 'Passw0rd!';

/** Why each seeded account exists, for the Scenarios page and the README. */
export type Persona =
  'alice-contoso' | 'alice-fabrikam' | 'megan' | 'bob' | 'carol-work' | 'carol-personal' | 'dave' | 'erin' | 'kim';

interface SeedAccount {
  persona: Persona;
  signInName: string;
  kind: Account['kind'];
  givenName: string;
  surname: string;
  home?: 'contoso' | 'fabrikam' | 'adatum';
  guestOf?: ('contoso' | 'fabrikam')[];
  globalAdmin?: boolean;
  locked?: boolean;
}

/** The seeded accounts, in the order the Scenarios page lists them. */
export const SEED_ACCOUNTS: readonly SeedAccount[] = [
  {
    persona: 'alice-contoso',
    signInName: 'alice@contoso.com',
    kind: 'work',
    givenName: 'Alice',
    surname: 'Chen',
    home: 'contoso',
  },
  {
    persona: 'alice-fabrikam',
    signInName: 'alice@fabrikam.com',
    kind: 'work',
    givenName: 'Alice',
    surname: 'Chen',
    home: 'fabrikam',
    guestOf: ['contoso'],
  },
  {
    persona: 'megan',
    signInName: 'megan@contoso.com',
    kind: 'work',
    givenName: 'Megan',
    surname: 'Bowen',
    home: 'contoso',
    globalAdmin: true,
  },
  { persona: 'bob', signInName: 'bob@contoso.com', kind: 'work', givenName: 'Bob', surname: 'Lin', home: 'contoso' },
  {
    persona: 'carol-work',
    signInName: 'carol@contoso.com',
    kind: 'work',
    givenName: 'Carol',
    surname: 'Huang',
    home: 'contoso',
  },
  {
    persona: 'carol-personal',
    signInName: 'carol@contoso.com',
    kind: 'personal',
    givenName: 'Carol',
    surname: 'Huang',
  },
  { persona: 'dave', signInName: 'dave@contoso.com', kind: 'work', givenName: 'Dave', surname: 'Wu', home: 'contoso' },
  {
    persona: 'erin',
    signInName: 'erin@contoso.com',
    kind: 'work',
    givenName: 'Erin',
    surname: 'Lee',
    home: 'contoso',
    locked: true,
  },
  { persona: 'kim', signInName: 'kim@adatum.com', kind: 'work', givenName: 'Kim', surname: 'Tsai', home: 'adatum' },
];

/**
 * The seeded directories' ids, the same in every world, as one organisation has one tenant id: an
 * application configured with Contoso's id or domain (`/login/contoso.com/v2.0`) finds Contoso in
 * whichever world its user signs in from. Directories made later get ids of their own.
 */
export const SEED_DIRECTORY_IDS = {
  contoso: 'c4d64bca-b7c9-460e-b5b4-9e16a0cf7e54',
  fabrikam: 'fc5d62a8-c018-45fb-ac23-8e40ae669ed6',
  adatum: '18a35ae7-0377-4c80-b96f-ee3fed10b1f4',
} as const;

/**
 * A fresh copy of the seeded world (the accounts the README lists). Every account and subscription
 * gets a new random id, so that a token's `oid` names exactly one world; the seeded directories keep
 * their ids (SEED_DIRECTORY_IDS).
 */
export interface SeedOptions {
  /**
   * Extra organisations beyond the seed, for load and concurrency tests: directory "Org n"
   * (orgn.onmicrosoft.com, orgn.com) with one plain user, user@orgn.com. None by default.
   */
  readonly extraOrganisations?: number;
  /** Make the n-th picture world (fixed id, code, ids and clock: provenance.ts) rather than a random one. */
  readonly picture?: number;
}

export function createSeedWorld(
  options: SeedOptions = {},
  provenance: Provenance = options.picture === undefined ? randomProvenance() : pictureProvenance(options.picture),
): World {
  const directory = (
    name: string,
    domain: string,
    managed: boolean,
    office365: Directory['office365Subscriptions'],
    id: string = provenance.newId(),
  ): Directory => ({
    id,
    name,
    initialDomain: `${domain}.onmicrosoft.com`,
    verifiedDomains: managed ? [`${domain}.com`] : [],
    managed,
    office365Subscriptions: office365,
  });
  const directories = {
    contoso: directory(
      'Contoso',
      'contoso',
      true,
      [{ name: 'Office 365 Enterprise E3', licences: 25 }],
      SEED_DIRECTORY_IDS.contoso,
    ),
    fabrikam: directory(
      'Fabrikam',
      'fabrikam',
      true,
      [{ name: 'Office 365 Business Premium', licences: 10 }],
      SEED_DIRECTORY_IDS.fabrikam,
    ),
    adatum: directory('Adatum', 'adatum', false, [{ name: 'Power BI (free)', licences: 0 }], SEED_DIRECTORY_IDS.adatum),
  };

  const accounts = SEED_ACCOUNTS.map((seed): Account => ({
    id: randomUUID(),
    signInName: seed.signInName,
    kind: seed.kind,
    displayName: `${seed.givenName} ${seed.surname}`,
    givenName: seed.givenName,
    surname: seed.surname,
    homeDirectoryId: seed.home ? directories[seed.home].id : undefined,
    guestOfDirectoryIds: (seed.guestOf ?? []).map((key) => directories[key].id),
    directoryRoles:
      seed.globalAdmin && seed.home ? [{ directoryId: directories[seed.home].id, role: 'Global administrator' }] : [],
    password: SEED_PASSWORD,
    locked: seed.locked ?? false,
  }));

  const dave = accounts[SEED_ACCOUNTS.findIndex((seed) => seed.persona === 'dave')];
  if (!dave) throw new Error('the seed has no dave@contoso.com');
  const davesPayAsYouGo: AzureSubscription = {
    id: provenance.newId(),
    offerId: 'MS-AZR-0003P',
    directoryId: directories.contoso.id,
    accountAdminId: dave.id,
    serviceAdminId: dave.id,
    coAdministratorIds: [],
    roleAssignments: [{ principalId: dave.id, role: 'Owner' }],
    createdAt: '2017-01-16T09:00:00.000Z',
  };

  const extras = Array.from({ length: options.extraOrganisations ?? 0 }, (_, index) => {
    const org = directory(`Org ${index + 1}`, `org${index + 1}`, true, [
      { name: 'Office 365 Business Premium', licences: 5 },
    ]);
    const user: Account = {
      id: randomUUID(),
      signInName: `user@org${index + 1}.com`,
      kind: 'work',
      displayName: `Pat Doe ${index + 1}`,
      givenName: 'Pat',
      surname: `Doe ${index + 1}`,
      homeDirectoryId: org.id,
      guestOfDirectoryIds: [],
      directoryRoles: [],
      password: SEED_PASSWORD,
      locked: false,
    };
    return { org, user };
  });

  return new World(
    {
      directories: [...Object.values(directories), ...extras.map((extra) => extra.org)],
      accounts: [...accounts, ...extras.map((extra) => extra.user)],
      subscriptions: [davesPayAsYouGo],
    },
    provenance,
  );
}
