import { SEED_PASSWORD } from '../../mock-portal/src/world/seed.js';

/** The seeded accounts the specs use (the README lists them all); every one has the same password. */
export const PASSWORD = SEED_PASSWORD;
export const ALICE_CONTOSO = 'alice@contoso.com';
export const ALICE_FABRIKAM = 'alice@fabrikam.com';
export const CAROL = 'carol@contoso.com';
export const DAVE = 'dave@contoso.com';
export const ERIN = 'erin@contoso.com';
export const KIM = 'kim@adatum.com';

export const ALICE_ABOUT = { country: 'US', workPhone: '+1 425 555 0100', organization: 'Contoso' } as const;
