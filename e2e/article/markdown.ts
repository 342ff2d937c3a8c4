import { createHash } from 'node:crypto';
import type { Heading, List, ListItem, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** One numbered step of the article, as facts: never its sentences. */
export interface StepFacts {
  readonly number: number;
  /** What the step quotes in brackets: the words of a button or a page, such as 開始免費使用. */
  readonly quoted: readonly string[];
  /** The file names of the pictures the step shows. */
  readonly pictures: readonly string[];
  /** A fingerprint of the step's text, so that any change to it is noticed. */
  readonly fingerprint: string;
}

/** One bullet of the article's background list (the rules it states). */
export interface RuleFacts {
  readonly fingerprint: string;
}

/** What the suite keeps of one edition of the article. */
export interface ArticleFacts {
  readonly steps: readonly StepFacts[];
  readonly rules: readonly RuleFacts[];
  /** The pictures outside the steps (the background section's diagram). */
  readonly pictures: readonly string[];
}

/** The same text gives the same fingerprint whatever its line breaks and spacing. */
export function fingerprint(text: string): string {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 12);
}

/**
 * Text in brackets that is not a link: `[開始免費使用]`. Markdown leaves a bracketed text with no
 * link target as plain text, so it is found in the text of the step, less its links' own text.
 */
function quotedIn(node: Nodes): string[] {
  const quoted: string[] = [];
  visit(node, 'text', (text) => {
    for (const [, words = ''] of text.value.matchAll(/\[([^\]\n]+)\]/g)) quoted.push(words.trim());
  });
  return quoted;
}

function picturesIn(node: Nodes): string[] {
  const pictures: string[] = [];
  visit(node, 'image', (image) => {
    pictures.push(image.url.split(/[\\/]/).pop() ?? image.url);
  });
  return pictures;
}

/** A list item's own text: its paragraphs, without the pictures it shows. */
function textOf(item: ListItem): string {
  return item.children
    .filter((child) => child.type === 'paragraph')
    .map((paragraph) => toString(paragraph, { includeImageAlt: false }))
    .join('\n');
}

/** The first list after the first heading for which `isWanted` holds, before the next heading of that depth. */
function listUnder(root: Root, isWanted: (heading: Heading) => boolean, ordered: boolean): List | undefined {
  const children = root.children;
  const start = children.findIndex((node) => node.type === 'heading' && isWanted(node));
  if (start < 0) return undefined;
  const depth = (children[start] as Heading).depth;
  for (const node of children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= depth) return undefined;
    if (node.type === 'list' && Boolean(node.ordered) === ordered) return node;
  }
  return undefined;
}

/**
 * Reads an edition of the article: its numbered steps (the first numbered list of the document),
 * the bullets of its background section (the first bullet list under the last second-level heading
 * that has one before "help"), and every picture. Front matter is skipped.
 */
export function readArticle(markdown: string): ArticleFacts {
  const root = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(markdown);
  const stepsList = listUnder(root, () => true, true);
  const steps: StepFacts[] = (stepsList?.children ?? []).map((item, index) => ({
    number: (stepsList?.start ?? 1) + index,
    quoted: quotedIn(item),
    pictures: picturesIn(item),
    fingerprint: fingerprint(textOf(item)),
  }));
  const background = backgroundList(root);
  const rules = (background?.children ?? []).map((item) => ({ fingerprint: fingerprint(textOf(item)) }));
  const inSteps = new Set(steps.flatMap((s) => s.pictures));
  const pictures = picturesIn(root).filter((picture) => !inSteps.has(picture));
  return { steps, rules, pictures };
}

/** The background's bullets: the bullet list of the section that follows the steps' section. */
function backgroundList(root: Root): List | undefined {
  const headings = root.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 2);
  for (const heading of headings) {
    const list = listUnder(root, (candidate) => candidate === heading, false);
    const hasSteps = listUnder(root, (candidate) => candidate === heading, true);
    if (list && !hasSteps) return list;
  }
  return undefined;
}

/**
 * The language an edition is written in, read from its own text: its title (the front matter's,
 * or else its first heading) in Chinese characters is the zh-TW edition, otherwise en-US.
 */
export function languageOfArticle(markdown: string): 'zh-TW' | 'en-US' {
  const title = /^title:\s*(.+)$/m.exec(markdown)?.[1] ?? /^#\s+(.+)$/m.exec(markdown)?.[1] ?? '';
  return /\p{Script=Han}/u.test(title) ? 'zh-TW' : 'en-US';
}
