import type { ArticleLocale, ArticleStep, RuleId } from './article.js';
import type { StepFacts } from './markdown.js';

/** A step of an edition as the suite last reviewed it: which item it is, and the facts read from it. */
export interface ReviewedStep extends StepFacts {
  readonly id: ArticleStep['id'];
  readonly number: ArticleStep['number'];
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
      {
        id: 'step-1',
        number: 1,
        numberInSource: 1,
        quoted: [],
        links: ['https://azure.microsoft.com/'],
        pictures: [],
        sentences: ['a0ea05f1e6e2'],
        warnsOfSeveralAccounts: false,
        fingerprint: 'a0ea05f1e6e2',
      },
      {
        id: 'step-2',
        number: 2,
        numberInSource: 2,
        quoted: ['開始免費使用'],
        links: [],
        pictures: [],
        sentences: ['71ecf1602198'],
        warnsOfSeveralAccounts: false,
        fingerprint: '71ecf1602198',
      },
      {
        id: 'step-3',
        number: 3,
        numberInSource: 3,
        quoted: [],
        links: [],
        pictures: ['billing-sign-in-with-office-365-account.png'],
        sentences: ['ddf7e56792bd', 'dbefb065ff0f', '38ee37b01f48'],
        warnsOfSeveralAccounts: true,
        fingerprint: '51ad8e980fb6',
      },
      {
        id: 'step-4',
        number: 4,
        numberInSource: 4,
        quoted: [],
        links: [],
        pictures: ['billing-azure-sign-up-fill-information.png'],
        sentences: ['9c72c5d29d15'],
        warnsOfSeveralAccounts: false,
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
  'en-US': {
    file: 'billing-use-existing-office-365-account-azure-subscription.en-us.md',
    reviewedOn: '2026-12-04',
    steps: [
      {
        id: 'step-1',
        number: 1,
        numberInSource: 1,
        quoted: [],
        links: ['https://azure.microsoft.com/'],
        pictures: [],
        sentences: ['2e81882fca4e'],
        warnsOfSeveralAccounts: false,
        fingerprint: '2e81882fca4e',
      },
      {
        id: 'step-2',
        number: 2,
        numberInSource: 2,
        quoted: ['Start free'],
        links: [],
        pictures: [],
        sentences: ['882ed8d62578'],
        warnsOfSeveralAccounts: false,
        fingerprint: '882ed8d62578',
      },
      {
        id: 'step-3',
        number: 3,
        numberInSource: 2,
        quoted: [],
        links: [],
        pictures: [],
        sentences: ['85fb5d0538b1', 'a9c037edcb07'],
        warnsOfSeveralAccounts: false,
        fingerprint: '659e8ce4449d',
      },
      {
        id: 'step-4',
        number: 4,
        numberInSource: 3,
        quoted: [],
        links: [],
        pictures: ['5-azure-sign-up-fill-information.png'],
        sentences: ['502ddb1ee001'],
        warnsOfSeveralAccounts: false,
        fingerprint: '502ddb1ee001',
      },
    ],
    rules: [
      { proves: 'rule-lands-in-home-directory', fingerprint: 'afb03158a70b' },
      { proves: 'rule-lands-in-home-directory', fingerprint: '0c2442748324' },
      { proves: 'rule-lands-in-home-directory', fingerprint: '5f2b37a338ee' },
      { proves: 'rule-signer-is-owner', fingerprint: 'f788bf9c4df4' },
      { proves: 'rule-office-365-owned-by-directory', fingerprint: 'cd3fa07396aa' },
    ],
    pictures: ['19-background-information.png'],
  },
};

/** The words the reviewed edition in this language quotes in this step, in brackets or in bold (none without one). */
export function quotedInStep(locale: ArticleLocale, number: ArticleStep['number']): readonly string[] {
  return REVIEWED[locale]?.steps.find((step) => step.number === number)?.quoted ?? [];
}
