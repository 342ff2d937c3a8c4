import { createHash } from 'node:crypto';
import type { Heading, List, ListItem, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** One numbered step of the article, as facts: never its sentences. */
export interface StepFacts {
  /** Its number as Markdown counts the list (from the list's start, one more each item). */
  readonly number: number;
  /** Its number as the source writes it (an edition may write 1, 2, 2, 3). */
  readonly numberInSource: number;
  /** The words of a button or a page it quotes: in brackets ([開始免費使用]) or in bold (**Start free**). */
  readonly quoted: readonly string[];
  /** Where its links go. */
  readonly links: readonly string[];
  /** The file names of the pictures the step shows. */
  readonly pictures: readonly string[];
  /** A fingerprint of each sentence, so that a step merged into another is still recognised. */
  readonly sentences: readonly string[];
  /** Whether it warns that someone with more than one Office 365 account must pick the right one. */
  readonly warnsOfSeveralAccounts: boolean;
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
 * The words a step quotes: text in brackets that is not a link (`[開始免費使用]`; Markdown leaves
 * it as plain text), and text in bold (`**Start free**`), as the en-US editions set them.
 */
function quotedIn(node: Nodes): string[] {
  const quoted: string[] = [];
  visit(node, (child) => {
    if (child.type === 'text')
      for (const [, words = ''] of child.value.matchAll(/\[([^\]\n]+)\]/g)) quoted.push(words.trim());
    if (child.type === 'strong') quoted.push(toString(child).trim());
  });
  return quoted;
}

function linksIn(node: Nodes): string[] {
  const links: string[] = [];
  visit(node, 'link', (link) => {
    links.push(link.url);
  });
  return links;
}

/** The sentences of a text, each fingerprinted. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|(?<=[。！？])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
    .map(fingerprint);
}

/** "If you have more than one Office 365 account…", in either language. */
const SEVERAL_ACCOUNTS = /\b(more than one|multiple|several)\b[^.]*\baccounts?\b|一個以上的[^。]*帳戶|多個[^。]*帳戶/iu;

/** The number the source writes before a list item (`2.`), read from its own text. */
function numberInSource(markdown: string, item: ListItem, counted: number): number {
  const offset = item.position?.start.offset;
  const written = offset === undefined ? undefined : /^\s*(\d+)[.)]/.exec(markdown.slice(offset, offset + 12))?.[1];
  return written === undefined ? counted : Number(written);
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
  const steps: StepFacts[] = (stepsList?.children ?? []).map((item, index) => {
    const number = (stepsList?.start ?? 1) + index;
    const text = textOf(item);
    return {
      number,
      numberInSource: numberInSource(markdown, item, number),
      quoted: quotedIn(item),
      links: linksIn(item),
      pictures: picturesIn(item),
      sentences: sentencesOf(text),
      warnsOfSeveralAccounts: SEVERAL_ACCOUNTS.test(text),
      fingerprint: fingerprint(text),
    };
  });
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
