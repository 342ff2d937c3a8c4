import type { ArticleFacts, StepFacts } from './markdown.js';
import type { ReviewedEdition, ReviewedStep } from './reviewed.js';

const missingFrom = <T>(wanted: readonly T[], present: readonly T[]) => wanted.filter((x) => !present.includes(x));
const overlap = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x)).length;
const listed = (numbers: readonly number[]) =>
  numbers.length === 2 ? `${numbers[0]} and ${numbers[1]}` : `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;

/**
 * Which reviewed steps each step of the article is: first by the sentences they share (so that a
 * step merged into another, or moved, is still recognised), then, for a reviewed step whose every
 * sentence changed, by its place between its neighbours: the one article step left between them,
 * or else the neighbour holding sentences no reviewed step explains (it was merged there).
 */
function matchSteps(article: readonly StepFacts[], reviewed: readonly ReviewedStep[]): Map<number, ReviewedStep[]> {
  const home = new Map<ReviewedStep, number>();
  /** Article steps recognised by their sentences: only these can have taken in a step rewritten whole. */
  const recognised = new Set<number>();
  for (const known of reviewed) {
    const best = [...article].sort(
      (a, b) => overlap(b.sentences, known.sentences) - overlap(a.sentences, known.sentences),
    )[0];
    const shared = best ? overlap(best.sentences, known.sentences) : 0;
    if (best && shared > 0 && shared * 2 >= known.sentences.length) {
      home.set(known, best.number);
      recognised.add(best.number);
    }
  }
  const assigned = (number: number) => [...home].filter(([, at]) => at === number).map(([known]) => known);
  const unexplained = (step: StepFacts) =>
    step.sentences.length -
    assigned(step.number).reduce((sum, known) => sum + overlap(step.sentences, known.sentences), 0);
  reviewed.forEach((known, index) => {
    if (home.has(known)) return;
    const before = index > 0 ? (home.get(reviewed[index - 1]!) ?? 0) : 0;
    const after =
      reviewed
        .slice(index + 1)
        .map((next) => home.get(next))
        .find((at) => at !== undefined) ?? Infinity;
    const between = article.find(
      (step) => step.number > before && step.number < after && assigned(step.number).length === 0,
    );
    const neighbour = article.find(
      (step) =>
        (step.number === before || step.number === after) && recognised.has(step.number) && unexplained(step) > 0,
    );
    const at = between ?? neighbour;
    if (at) home.set(known, at.number);
  });
  const matches = new Map<number, ReviewedStep[]>();
  for (const [known, at] of home) matches.set(at, [...(matches.get(at) ?? []), known]);
  for (const list of matches.values()) list.sort((a, b) => a.number - b.number);
  return matches;
}

/** What one kind of thing (quoted words, links, pictures) did in a step: renamed, added, removed. */
function changes(
  was: readonly string[],
  now: readonly string[],
  say: Record<'renamed' | 'added' | 'removed', (a: string, b?: string) => string>,
): string[] {
  const added = missingFrom(now, was);
  const removed = missingFrom(was, now);
  if (added.length === 1 && removed.length === 1) return [say.renamed(removed[0]!, added[0])];
  return [...added.map((a) => say.added(a)), ...removed.map((r) => say.removed(r))];
}

function stepDifferences(
  step: StepFacts,
  known: readonly ReviewedStep[],
  shownByMock: (words: string) => boolean,
): string[] {
  const n = step.number;
  const differences: string[] = [];
  const [only] = known;
  if (known.length === 0) differences.push(`step ${n} is new and nothing proves it`);
  if (known.length > 1) differences.push(`steps ${listed(known.map((k) => k.number))} are now one step, step ${n}`);
  if (known.length === 1 && only && only.number !== n) differences.push(`step ${only.number} is now step ${n}`);
  if (known.length === 1 && only && only.fingerprint !== step.fingerprint)
    differences.push(`step ${n} changed since the suite was last reviewed`);
  const was = (pick: (k: ReviewedStep) => readonly string[]) => known.flatMap(pick);
  const mock = (words: string) =>
    shownByMock(words) ? 'which the suite does not check yet' : 'which no page of the mock shows';
  differences.push(
    ...changes(
      was((k) => k.quoted),
      step.quoted,
      {
        renamed: (old, now = '') => `step ${n} now quotes [${now}] where it quoted [${old}], ${mock(now)}`,
        added: (words) => `the article now quotes [${words}] in step ${n}, ${mock(words)}`,
        removed: (words) => `step ${n} no longer quotes [${words}]`,
      },
    ),
    ...changes(
      was((k) => k.links),
      step.links,
      {
        renamed: (old, now = '') => `the link in step ${n} now goes to ${now}, not ${old}`,
        added: (link) => `step ${n} now links to ${link}`,
        removed: (link) => `step ${n} no longer links to ${link}`,
      },
    ),
    ...changes(
      was((k) => k.pictures),
      step.pictures,
      {
        renamed: (old, now = '') => `step ${n} now shows the picture ${now} where it showed ${old}`,
        added: (picture) => `step ${n} now shows the picture ${picture}`,
        removed: (picture) => `step ${n} no longer shows the picture ${picture}`,
      },
    ),
  );
  if (known.length === 1 && only && only.numberInSource !== step.numberInSource)
    differences.push(`step ${n} is numbered ${step.numberInSource} in the source, not ${only.numberInSource}`);
  return differences;
}

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
  const matches = matchSteps(article.steps, reviewed.steps);
  const differences = article.steps.flatMap((step) =>
    stepDifferences(step, matches.get(step.number) ?? [], shownByMock),
  );
  const matched = [...matches.values()].flat();
  for (const known of reviewed.steps)
    if (!matched.includes(known))
      differences.push(`step ${known.number} is gone from the article, but the suite still proves it (${known.id})`);

  const warnedIn = reviewed.steps.find((k) => k.warnsOfSeveralAccounts);
  const warnsIn = article.steps.find((step) => step.warnsOfSeveralAccounts);
  const warnedNowIn = warnedIn && [...matches].find(([, known]) => known.includes(warnedIn))?.[0];
  if (warnedIn && !warnsIn)
    differences.push(`the warning about more than one Office 365 account is gone (it was in step ${warnedIn.number})`);
  if (!warnedIn && warnsIn) differences.push(`step ${warnsIn.number} now warns about more than one Office 365 account`);
  if (warnedIn && warnsIn && warnedNowIn !== warnsIn.number)
    differences.push(
      `the warning about more than one Office 365 account moved from step ${warnedIn.number} to step ${warnsIn.number}`,
    );

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
