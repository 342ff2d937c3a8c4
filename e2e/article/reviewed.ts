import type { ArticleLocale, ArticleStep, RuleId } from './article.js';

/** A step of an edition as the suite last reviewed it: which item it is, and the facts read from it. */
export interface ReviewedStep {
  readonly id: ArticleStep['id'];
  readonly number: ArticleStep['number'];
  readonly quoted: readonly string[];
  readonly pictures: readonly string[];
  readonly fingerprint: string;
}

/** One edition of the article as last reviewed: facts and fingerprints, never its sentences. */
export interface ReviewedEdition {
  readonly file: string;
  readonly reviewedOn: string;
  readonly steps: readonly ReviewedStep[];
  /** The background's bullets, in order, each with the rule of ours that proves it. */
  readonly rules: readonly { readonly proves: RuleId; readonly fingerprint: string }[];
  /** Pictures outside the steps. */
  readonly pictures: readonly string[];
}

/**
 * The editions the suite has been reviewed against. After reading a changed article and changing
 * the suite to match, print the new facts with `npm run article-check -- <file> --facts` and copy
 * them here.
 */
export const REVIEWED: Partial<Record<ArticleLocale, ReviewedEdition>> = {
  'zh-TW': {
    file: 'billing-use-existing-office-365-account-azure-subscription.zh-tw.md',
    reviewedOn: '2026-11-30',
    steps: [
      { id: 'step-1', number: 1, quoted: [], pictures: [], fingerprint: 'a0ea05f1e6e2' },
      { id: 'step-2', number: 2, quoted: ['開始免費使用'], pictures: [], fingerprint: '71ecf1602198' },
      {
        id: 'step-3',
        number: 3,
        quoted: [],
        pictures: ['billing-sign-in-with-office-365-account.png'],
        fingerprint: '51ad8e980fb6',
      },
      {
        id: 'step-4',
        number: 4,
        quoted: [],
        pictures: ['billing-azure-sign-up-fill-information.png'],
        fingerprint: '9c72c5d29d15',
      },
    ],
    rules: [
      { proves: 'rule-lands-in-home-directory', fingerprint: '3c4546909f2e' },
      { proves: 'rule-lands-in-home-directory', fingerprint: '918de40f8ecf' },
      { proves: 'rule-lands-in-home-directory', fingerprint: '593e655c76a4' },
      { proves: 'rule-signer-is-owner', fingerprint: 'ba371559e8bc' },
      { proves: 'rule-office-365-owned-by-directory', fingerprint: 'f5f755a6fba8' },
    ],
    pictures: ['19-background-information.png'],
  },
};

/** The words the reviewed edition in this language quotes in brackets in this step (none without one). */
export function quotedInStep(locale: ArticleLocale, number: ArticleStep['number']): readonly string[] {
  return REVIEWED[locale]?.steps.find((step) => step.number === number)?.quoted ?? [];
}
