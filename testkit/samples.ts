import { SEED_PASSWORD } from '../mock-portal/src/world/seed.js';

/** Every seeded account's password (the seed's own). */
export const PASSWORD = SEED_PASSWORD;

/** The card the README gives for walking the sign-up, as a person types it into the form's fields. */
export const SAMPLE_CARD = {
  cardName: 'Alice Chen',
  cardNumber: '4111 1111 1111 1111',
  expiryMonth: '12',
  expiryYear: String(new Date().getUTCFullYear() + 3),
  cvv: '123',
  address1: '1 Microsoft Way',
  city: 'Redmond',
  postalCode: '98052',
} as const;

/** About you as Alice of Contoso types it (the form fills her name and address from the sign-in). */
export const ALICE_ABOUT = { country: 'US', workPhone: '+1 425 555 0100', organization: 'Contoso' } as const;
