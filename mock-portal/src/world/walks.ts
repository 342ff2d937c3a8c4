/** The walks of the Scenarios page, each a way to sign up that the article describes or warns of. */
export const WALKS = ['happy-path', 'two-accounts', 'work-or-personal', 'already-signed-in'] as const;
export type Walk = (typeof WALKS)[number];

/** The walk a world made by browsing answers for: the article as written. */
export const THE_ARTICLE: Walk = 'happy-path';

/**
 * Each walk: whose sign-up it is about (Alice has two work accounts, Carol a work and a personal
 * one), and who is signed in (so remembered by the browser) before it starts, in that order.
 */
export const WALK_DETAILS: Readonly<Record<Walk, { person: string; signedInFirst: readonly string[] }>> = {
  'happy-path': { person: 'Alice Chen', signedInFirst: [] },
  'two-accounts': { person: 'Alice Chen', signedInFirst: ['alice@fabrikam.com', 'alice@contoso.com'] },
  'work-or-personal': { person: 'Carol Huang', signedInFirst: [] },
  'already-signed-in': { person: 'Alice Chen', signedInFirst: ['alice@fabrikam.com'] },
};
