import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { isRedisUnreachable } from '../../store/redis-client.js';
import { WORLD_COOKIE } from '../../contract.js';
import { isLocale, localeFromAcceptLanguage, translator } from '../../i18n/index.js';
import { MESSAGE_VIEW, renderHtml } from '../../http/render.js';
import type { World } from '../../world/world.js';

/**
 * What the provider's own pages, which run outside Express, need of the layout: the language and
 * its switcher (the locale middleware already ran on this same response), and the footer's world
 * code (world selection put the world on the request before the provider ran).
 */
export function pageLocalsOf(ctx: KoaContextWithOIDC) {
  const express = (ctx.res as { locals?: Partial<Express.Locals> }).locals;
  const cookie = ctx.cookies.get('lang');
  const locale = express?.locale ?? (isLocale(cookie) ? cookie : localeFromAcceptLanguage(ctx.get('accept-language')));
  const hasWorld = typeof ctx.cookies.get(WORLD_COOKIE) === 'string';
  const world = (ctx.req as { world?: World }).world;
  return {
    locale,
    t: translator(locale),
    languageLinks: express?.languageLinks ?? [],
    worldCode: hasWorld && world ? world.code : '',
  };
}

/** One of the login service's pages, drawn for oidc-provider in the sign-in card. */
export async function renderProviderPage(
  ctx: KoaContextWithOIDC,
  view: string,
  locals: Readonly<Record<string, unknown>>,
): Promise<void> {
  const page = pageLocalsOf(ctx);
  ctx.type = 'html';
  ctx.body = await renderHtml(`login/views/${view}`, {
    ...page,
    site: 'login',
    title: page.t('login.title'),
    ...locals,
  });
}

/** oidc-provider's own error page (a bad authorization request, say), in the mock's look and language. */
export const renderProviderError: NonNullable<Configuration['renderError']> = async (ctx, out, error) => {
  const { locale, t, languageLinks, worldCode } = pageLocalsOf(ctx);
  ctx.type = 'html';
  if (isRedisUnreachable(error)) {
    ctx.body = await renderHtml(MESSAGE_VIEW, {
      locale,
      t,
      languageLinks,
      worldCode,
      site: 'login',
      title: t('error.unavailable.title'),
      heading: t('error.unavailable.title'),
      message: t('error.unavailable.body'),
      action: { href: '/', label: t('error.home') },
    });
    return;
  }
  ctx.body = await renderHtml(MESSAGE_VIEW, {
    locale,
    t,
    languageLinks,
    worldCode,
    site: 'login',
    title: t('error.signIn.title'),
    heading: t('error.signIn.title'),
    message: t('error.signIn.body'),
    details: [out.error, out.error_description].filter(Boolean).join(': '),
    action: { href: '/', label: t('error.home') },
  });
};
