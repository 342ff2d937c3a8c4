import { readArticle } from './markdown.js';
import type { ReviewedEdition } from './reviewed.js';

/** An article of the tests' own as if the suite had been reviewed against it: every step and point as read. */
export function reviewedOf(markdown: string): ReviewedEdition {
  const facts = readArticle(markdown);
  return {
    file: 'tea.md',
    reviewedOn: '2017-01-01',
    steps: facts.steps.map((step) => ({ ...step, id: `step-${step.number}` as 'step-1', number: step.number as 1 })),
    rules: facts.rules.map((rule) => ({ proves: 'rule-lands-in-home-directory', fingerprint: rule.fingerprint })),
    pictures: facts.pictures,
  };
}
