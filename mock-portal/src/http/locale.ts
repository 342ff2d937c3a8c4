import type { RequestHandler } from 'express';
import { isLocale, type Locale, LOCALES, localeFromAcceptLanguage, translator } from '../i18n/index.js';
import { LANGUAGE_COOKIE } from '../contract.js';
import { cookieOf } from './cookies.js';
import { safeLocalPath } from './safe-path.js';

const COOKIE = LANGUAGE_COOKIE;

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

interface LanguageLink {
  readonly locale: Locale;
  readonly name: string;
  readonly href: string;
  readonly current: boolean;
}

/** The footer's links: this same page in each language. */
function languageLinksFor(originalUrl: string, locale: Locale): LanguageLink[] {
  const here = new URL(originalUrl, 'http://mock.invalid');
  return LOCALES.map((each) => {
    here.searchParams.set('lang', each);
    return {
      locale: each,
      name: translator(each)('lang.name'),
      href: safeLocalPath(here.pathname, '/') + here.search,
      current: each === locale,
    };
  });
}

/**
 * Picks the page language: the `lang` cookie a person chose, else the browser's Accept-Language.
 * `?lang=` on any GET remembers a choice in that cookie and reloads the same page without it.
 */
export function localeMiddleware(): RequestHandler {
  return (req, res, next) => {
    const requested: unknown = req.query.lang;
    if (req.method === 'GET' && isLocale(requested)) {
      res.cookie(COOKIE, requested, {
        maxAge: ONE_YEAR_MS,
        sameSite: 'lax',
        httpOnly: true,
        secure: req.secure,
        path: '/',
      });
      const url = new URL(req.originalUrl, 'http://mock.invalid');
      url.searchParams.delete('lang');
      res.redirect(303, safeLocalPath(url.pathname + url.search, '/'));
      return;
    }
    const cookie = cookieOf(req, COOKIE);
    const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(req.get('accept-language'));
    res.locals.locale = locale;
    res.locals.t = translator(locale);
    // Made when a page is rendered, not for every request: most answers are redirects.
    let languageLinks: LanguageLink[] | undefined;
    Object.defineProperty(res.locals, 'languageLinks', {
      enumerable: true,
      get: () => (languageLinks ??= languageLinksFor(req.originalUrl, locale)),
    });
    res.vary('Accept-Language');
    next();
  };
}
