import type { ArticleFacts } from './markdown.js';
import type { ReviewedEdition } from './reviewed.js';

const missingFrom = <T>(wanted: readonly T[], present: readonly T[]) => wanted.filter((x) => !present.includes(x));

/**
 * Every difference between an edition of the article and the suite's review of it, in words a
 * writer understands; none when they agree. `shownByMock` says whether some page of the mock shows
 * exactly these words (in the edition's language).
 */
export function articleDifferences(
  article: ArticleFacts,
  reviewed: ReviewedEdition,
  shownByMock: (words: string) => boolean,
): string[] {
  const differences: string[] = [];
  for (const step of article.steps) {
    const reviewedStep = reviewed.steps.find((candidate) => candidate.number === step.number);
    if (!reviewedStep) differences.push(`step ${step.number} is new and nothing proves it`);
    const known = reviewedStep ?? { fingerprint: step.fingerprint, quoted: [], pictures: [] };
    if (known.fingerprint !== step.fingerprint)
      differences.push(`step ${step.number} changed since the suite was last reviewed`);
    for (const words of missingFrom(step.quoted, known.quoted))
      differences.push(
        shownByMock(words)
          ? `the article now quotes [${words}] in step ${step.number}, which the suite does not check yet`
          : `the article now quotes [${words}] in step ${step.number}, which no page of the mock shows`,
      );
    for (const words of missingFrom(known.quoted, step.quoted))
      differences.push(`step ${step.number} no longer quotes [${words}]`);
    for (const picture of missingFrom(step.pictures, known.pictures))
      differences.push(`step ${step.number} now shows the picture ${picture}`);
    for (const picture of missingFrom(known.pictures, step.pictures))
      differences.push(`step ${step.number} no longer shows the picture ${picture}`);
  }
  for (const known of reviewed.steps)
    if (!article.steps.some((step) => step.number === known.number))
      differences.push(`step ${known.number} is gone from the article, but the suite still proves it (${known.id})`);

  const ruleFingerprints = reviewed.rules.map((rule) => rule.fingerprint);
  article.rules.forEach((rule, index) => {
    if (!ruleFingerprints.includes(rule.fingerprint))
      differences.push(`background point ${index + 1} is new or changed since the suite was last reviewed`);
  });
  for (const known of reviewed.rules)
    if (!article.rules.some((rule) => rule.fingerprint === known.fingerprint))
      differences.push(
        `a background point the suite proves as ${known.proves} is no longer in the article as reviewed`,
      );

  for (const picture of missingFrom(article.pictures, reviewed.pictures))
    differences.push(`the article now shows the picture ${picture} outside the steps`);
  for (const picture of missingFrom(reviewed.pictures, article.pictures))
    differences.push(`the article no longer shows the picture ${picture}`);
  return differences;
}
