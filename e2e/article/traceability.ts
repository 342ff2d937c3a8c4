import { ARTICLE, ARTICLE_ITEMS, type ArticleItem } from './article.js';

/** The title a proof step starts with: `proof: pitfall-1: …`. */
export const PROOF_PREFIX = 'proof: ';

/** One proof step of a test: the item it proves, and whether it held at least one assertion that passed. */
export interface ProofStep {
  readonly id: string;
  /** The step passed and at least one assertion inside it (at any depth) ran and passed. */
  readonly asserted: boolean;
  /** Where the step is written (`file.spec.ts:42`); absent for a unit proof, which is a whole test. */
  readonly where?: string;
}

/** One test as the traceability check sees it: where it is, whether it passed, its proof steps. */
export interface TracedTest {
  readonly project: string;
  readonly file: string;
  readonly title: string;
  readonly passed: boolean;
  readonly proofs: readonly ProofStep[];
}

/** One proof step of an item, wherever it ran: the languages it ran in and those where it proved the item. */
export interface ProofSite {
  /** Where the step is written (`file.spec.ts:42`), or `node:test` for a unit proof. */
  readonly where: string;
  /** The title of the test it is in. */
  readonly test: string;
  readonly ranIn: readonly string[];
  readonly provedIn: readonly string[];
}

export interface TraceRow {
  readonly item: ArticleItem;
  /** Each proof step of the item, once whatever the project. */
  readonly proofSteps: readonly ProofSite[];
  /** Projects in which at least one of those tests ran. */
  readonly ranIn: readonly string[];
  /** Projects in which at least one of those tests passed. */
  readonly passedIn: readonly string[];
}

export interface Trace {
  readonly rows: readonly TraceRow[];
  /** Items not proven in some project that runs a proof of them (or in none at all). */
  readonly gaps: readonly { readonly item: ArticleItem; readonly missingIn: readonly string[] }[];
  /** Proof steps that proved nothing: no assertion inside passed ("file › title [project]: item"). */
  readonly emptyProofs: readonly string[];
  /** Claimed ids that are not article items (a typo, or an item that was removed). */
  readonly unknownClaims: readonly string[];
}

/** The item id a proof step's title (less its prefix) names: everything before the first colon. */
export function claimedId(description: string): string {
  return description.split(':', 1)[0]?.trim() ?? '';
}

/**
 * Which items are proven where. An item is proven in a project only by a proof step for it that
 * held a passing assertion, in a test that passed; it must be proven in every project where a
 * proof of it ran. A proof step with no passing assertion is a problem of its own, whatever else
 * proves the item: a claim is a proof or nothing.
 */
export function trace(tests: readonly TracedTest[], items: readonly ArticleItem[] = ARTICLE_ITEMS): Trace {
  const known = new Set<string>(items.map((item) => item.id));
  const rows = items.map((item) => {
    const claiming = tests.filter((test) => test.proofs.some((proof) => proof.id === item.id));
    const proving = claiming.filter(
      (test) => test.passed && test.proofs.some((proof) => proof.id === item.id && proof.asserted),
    );
    return {
      item,
      proofSteps: proofSites(claiming, item.id),
      ranIn: [...new Set(claiming.map((test) => test.project))].sort(),
      passedIn: [...new Set(proving.map((test) => test.project))].sort(),
    };
  });
  const gaps = rows
    .map((row) => ({
      item: row.item,
      missingIn: row.ranIn.length === 0 ? ['any project'] : row.ranIn.filter((p) => !row.passedIn.includes(p)),
    }))
    .filter((gap) => gap.missingIn.length > 0);
  const emptyProofs = tests.flatMap((test) =>
    test.proofs
      .filter((proof) => !proof.asserted && test.passed)
      .map((proof) => `${test.file} › ${test.title} [${test.project}]: ${proof.id}`),
  );
  const unknownClaims = [
    ...new Set(tests.flatMap((test) => test.proofs.map((proof) => proof.id)).filter((id) => !known.has(id))),
  ].sort();
  return { rows, gaps, emptyProofs: [...new Set(emptyProofs)].sort(), unknownClaims };
}

/** The proof steps of one item among these tests, merged across projects. */
function proofSites(tests: readonly TracedTest[], id: string): ProofSite[] {
  const sites = new Map<string, { where: string; test: string; ranIn: Set<string>; provedIn: Set<string> }>();
  for (const test of tests)
    for (const step of test.proofs.filter((each) => each.id === id)) {
      const where = step.where ?? test.file;
      const key = `${where} › ${test.title}`;
      const site = sites.get(key) ?? { where, test: test.title, ranIn: new Set<string>(), provedIn: new Set<string>() };
      site.ranIn.add(test.project);
      if (test.passed && step.asserted) site.provedIn.add(test.project);
      sites.set(key, site);
    }
  return [...sites]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, site]) => ({ ...site, ranIn: [...site.ranIn].sort(), provedIn: [...site.provedIn].sort() }));
}

const KIND_HEADING: Record<ArticleItem['kind'], string> = { step: 'Steps', rule: 'Rules', pitfall: 'Pitfalls' };

/** A proof step's languages in the matrix: `en-US ✓ · zh-TW ✓`; node:test proofs say `unit ✓`. */
function siteMarks(site: ProofSite): string {
  return site.ranIn
    .map((project) => `${project === 'node:test' ? 'unit' : project} ${site.provedIn.includes(project) ? '✓' : '✗'}`)
    .join(' · ');
}

/** docs/coverage.md: the matrix of article items against the proof steps that prove them. No timings, so it only changes when coverage does. */
export function coverageMarkdown(result: Trace, projects: readonly string[]): string {
  const lines = [
    '# Article coverage',
    '',
    `Generated by \`npm test\` (e2e/reporters/traceability.ts); do not edit by hand. Every step of the article [${ARTICLE.title['en-US']}](${ARTICLE.url}), every rule it states and every pitfall of the contract, against the proof steps that prove it. An item is proven only inside a proof step for it (\`await proof('pitfall-1', async () => { … })\`) that holds a passing assertion, in a test that passed; a full run fails when an item is not proven in a project that runs a proof of it, or a proof step holds no passing assertion.`,
    '',
    "Each proof step is named by where it is written (`file:line`, or `node:test` for a unit test that proves the item) and the test it is in, with the languages it ran in: ✓ proved there, ✗ ran and did not. A test runs in every language only where language can change what it checks (the article walk, the traps, wording, accessibility, error pages); the others run once. In the item's own columns, — means no proof of it runs in that language.",
    '',
  ];
  for (const kind of ['step', 'rule', 'pitfall'] as const) {
    lines.push(
      `## ${KIND_HEADING[kind]}`,
      '',
      `| item | in our words | 中文 | proof steps | ${projects.map((project) => `proven in ${project}`).join(' | ')} |`,
      `| --- | --- | --- | --- | ${projects.map(() => '---').join(' | ')} |`,
    );
    for (const row of result.rows.filter((each) => each.item.kind === kind)) {
      const provenBy =
        row.proofSteps.length > 0
          ? row.proofSteps
              .map((site) => `\`${site.where}\` ${site.test.replaceAll('|', '\\|')} (${siteMarks(site)})`)
              .join('<br>')
          : '**none**';
      const marks = projects.map((project) =>
        row.passedIn.includes(project) ? '✓' : row.ranIn.includes(project) ? '✗' : '—',
      );
      lines.push(
        `| \`${row.item.id}\` | ${row.item.text['en-US']} | ${row.item.text['zh-TW']} | ${provenBy} | ${marks.join(' | ')} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function describeGap({ item, missingIn }: Trace['gaps'][number]): string {
  return missingIn[0] === 'any project'
    ? `${item.id} (${item.text['en-US']}) is proven by no proof step`
    : `${item.id} (${item.text['en-US']}) is not proven in ${missingIn.join(', ')}: no proof step of it held a passing assertion there`;
}

export function describeEmptyProof(where: string): string {
  return `a proof step proves nothing, having no passing assertion: ${where}`;
}
