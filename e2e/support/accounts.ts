/** The seeded accounts the specs use (the README lists them all); every one has the same password. */
export { ALICE_ABOUT, PASSWORD } from '../../testkit/samples.js';
export const ALICE_CONTOSO = 'alice@contoso.com';
export const ALICE_FABRIKAM = 'alice@fabrikam.com';
export const CAROL = 'carol@contoso.com';
export const DAVE = 'dave@contoso.com';
export const ERIN = 'erin@contoso.com';
export const KIM = 'kim@adatum.com';
