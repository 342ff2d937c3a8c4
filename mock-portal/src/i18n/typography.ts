/**
 * How Chinese is set beside Latin letters and digits in zh-TW, as Microsoft's Taiwan pages (the
 * article among them: "使用 Office 365 帳戶註冊 Azure 訂用帳戶", "按一下 [開始免費使用]") set it:
 * one half-width space between a Chinese character and a Latin letter, a digit or a bracketed UI
 * name, and none between full-width punctuation and anything. Returns what breaks that, or nothing.
 * `missing` checks only for spaces left out: in a page's rendered text, the white space between two
 * elements (a label and its value, two links) is layout, not a space typed into a sentence.
 */
export function zhTwSpacingProblems(text: string, which: 'all' | 'missing' = 'all'): string[] {
  return (which === 'all' ? RULES : RULES.slice(0, MISSING_SPACE_RULES)).flatMap(([problem, rule]) => {
    const found = rule.exec(text);
    return found
      ? [`${problem}: "${text.slice(Math.max(0, found.index - 8), found.index + found[0].length + 8)}"`]
      : [];
  });
}

const HAN = '\\p{Script=Han}';
const LATIN = 'A-Za-z0-9';
/** Full-width punctuation and forms, which carry their own spacing. */
const FULL_WIDTH = '\\u3000-\\u303f\\uff00-\\uffef';

const MISSING_SPACE_RULES = 2;
const RULES: readonly (readonly [string, RegExp])[] = [
  ['no space between Chinese and Latin text', new RegExp(`${HAN}[${LATIN}]|[${LATIN}]${HAN}`, 'u')],
  ['no space between Chinese and a bracketed name', new RegExp(`${HAN}\\[|\\]${HAN}`, 'u')],
  ['a space beside full-width punctuation', new RegExp(`[${FULL_WIDTH}] | [${FULL_WIDTH}]`, 'u')],
  ['a space between Chinese characters', new RegExp(`${HAN} ${HAN}`, 'u')],
  ['two spaces', / {2}/u],
];
