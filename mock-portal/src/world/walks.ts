/** The walks of the Scenarios page, each a way to sign up that the article describes or warns of. */
export const WALKS = ['happy-path', 'two-accounts', 'work-or-personal', 'already-signed-in'] as const;
export type Walk = (typeof WALKS)[number];

/** The walk a world made by browsing answers for: the article as written. */
export const THE_ARTICLE: Walk = 'happy-path';
