import { enUS, type Catalogue, type MessageKey } from './en-US.js';
import { zhTW } from './zh-TW.js';

export type { MessageKey } from './en-US.js';

export const LOCALES = ['en-US', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-US';

const CATALOGUES: Record<Locale, Catalogue> = { 'en-US': enUS, 'zh-TW': zhTW };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function makeTranslator(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale];
  // Most messages take no parameters; a page asks for dozens, so those skip the replace.
  return (key, params) =>
    params
      ? catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole))
      : catalogue[key];
}

const TRANSLATORS: Record<Locale, Translate> = { 'en-US': makeTranslator('en-US'), 'zh-TW': makeTranslator('zh-TW') };

/** A message with its `{name}` placeholders filled; escaping is the view's job. One per locale. */
export function translator(locale: Locale): Translate {
  return TRANSLATORS[locale];
}

/** Which shipped locale a language tag asks for: any Traditional Chinese tag gets zh-TW. */
function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (lower === 'zh-tw' || lower.startsWith('zh-hant') || lower === 'zh-hk' || lower === 'zh-mo') return 'zh-TW';
  if (lower === 'en' || lower.startsWith('en-')) return 'en-US';
  return undefined;
}

/** The best shipped locale for an Accept-Language header, by the header's own q-values. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
