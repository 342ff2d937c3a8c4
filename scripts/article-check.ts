/**
 * npm run article-check -- <article.md> [--locale zh-TW|en-US] [--facts]
 * (or ARTICLE_PATH=<article.md> npm run article-check)
 *
 * Reads an edition of Microsoft's article (its Markdown, as published in the Azure docs' repository)
 * and compares it with what the suite was last reviewed against (e2e/article/reviewed.ts): the
 * numbered steps, the words they quote in brackets, the pictures, the background points. Prints
 * each difference in words a writer understands and exits 1 when there is any; 2 when no article
 * was given or it cannot be read. `--facts` prints what it read, for updating the review.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { enUS } from '../mock-portal/src/i18n/en-US.js';
import { zhTW } from '../mock-portal/src/i18n/zh-TW.js';
import type { ArticleLocale } from '../e2e/article/article.js';
import { articleDifferences } from '../e2e/article/article-check.js';
import { languageOfArticle, readArticle } from '../e2e/article/markdown.js';
import { REVIEWED } from '../e2e/article/reviewed.js';

const USAGE = `Give the article's Markdown file:
  npm run article-check -- path/to/billing-use-existing-office-365-account-azure-subscription.zh-tw.md
or set ARTICLE_PATH. The language is given with --locale, or read from the file name (.zh-tw.md, .en-us.md), or else from the article's title.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { locale: { type: 'string' }, facts: { type: 'boolean', default: false } },
});
const file = positionals[0] ?? process.env.ARTICLE_PATH;
if (!file) {
  console.error(`article check: no article given.\n${USAGE}`);
  process.exit(2);
}
let markdown: string;
try {
  markdown = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`article check: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n${USAGE}`);
  process.exit(2);
}

/** --locale when given; else the file name's (.zh-tw.md, .en-us.md); else the article's own title. */
function localeOf(name: string, text: string): ArticleLocale | undefined {
  if (values.locale !== undefined)
    return values.locale === 'zh-TW' || values.locale === 'en-US' ? values.locale : undefined;
  if (/\.zh-tw\.md$/i.test(name)) return 'zh-TW';
  if (/\.en-us\.md$/i.test(name)) return 'en-US';
  return languageOfArticle(text);
}
const locale = localeOf(path.basename(file), markdown);
const facts = readArticle(markdown);
if (values.facts) {
  console.log(JSON.stringify({ locale, ...facts }, null, 2));
  process.exit(0);
}
const reviewed = locale ? REVIEWED[locale] : undefined;
if (!locale || !reviewed) {
  console.error(
    `article check: the suite has not been reviewed against an edition in ${locale ?? 'this language'} (reviewed: ${Object.keys(REVIEWED).join(', ')}).`,
  );
  process.exit(1);
}
const catalogue: Record<string, string> = locale === 'zh-TW' ? zhTW : enUS;
const shown = new Set(Object.values(catalogue));
const differences = articleDifferences(facts, reviewed, (words) => shown.has(words));
const summary = `${facts.steps.length} steps, ${facts.rules.length} background points, ${facts.steps.flatMap((s) => s.pictures).length + facts.pictures.length} pictures`;
if (differences.length === 0) {
  console.log(
    `article check: ${path.basename(file)} (${locale}) is as last reviewed on ${reviewed.reviewedOn}: ${summary}`,
  );
  process.exit(0);
}
console.log(
  `article check: ${path.basename(file)} (${locale}) differs from the suite's review of ${reviewed.reviewedOn}:`,
);
for (const difference of differences) console.log(`  - ${difference}`);
console.log(
  'Read the changed parts, change the specs that prove them, then record the new facts in e2e/article/reviewed.ts (--facts prints them).',
);
process.exit(1);
