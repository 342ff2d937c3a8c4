import express, { type Router } from 'express';
import type { Configuration } from 'oidc-provider';
import { isLocale, localeFromAcceptLanguage, translator } from '../../i18n/index.js';
import { renderHtml } from '../../http/render.js';
import { serviceSession } from '../../http/sessions.js';
import type { WorldRegistry } from '../../world/registry.js';
import { createProvider, type RelyingPartyClient } from './provider.js';
import { interactionRoutes } from './routes.js';

export interface LoginServiceOptions {
  readonly issuer: string;
  readonly clients: readonly RelyingPartyClient[];
  readonly registry: WorldRegistry;
  readonly secret: string;
  readonly secureCookies: boolean;
}

/** oidc-provider's own error page (a bad authorization request, say), in the mock's look and language. */
const renderProviderError: NonNullable<Configuration['renderError']> = async (ctx, out) => {
  const cookie = ctx.cookies.get('lang');
  const locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(ctx.get('accept-language'));
  const t = translator(locale);
  ctx.type = 'html';
  ctx.body = await renderHtml('shared/views/message', {
    locale,
    t,
    languageLinks: [],
    chrome: 'login',
    title: t('error.signIn.title'),
    heading: t('error.signIn.title'),
    message: t('error.signIn.body'),
    details: [out.error, out.error_description].filter(Boolean).join(': '),
    action: { href: '/', label: t('error.home') },
  });
};

/** login.microsoftonline.com: the OpenID Connect provider and its sign-in pages, under /login. */
export async function loginService(options: LoginServiceOptions): Promise<Router> {
  const provider = await createProvider({
    issuer: options.issuer,
    clients: options.clients,
    registry: options.registry,
    cookieSecret: options.secret,
    renderError: renderProviderError,
  });
  const router = express.Router();
  router.use(
    '/interaction',
    serviceSession({ name: 'login.sid', path: '/login', secret: options.secret, secure: options.secureCookies }),
    interactionRoutes(provider),
  );
  // The provider parses its own bodies and ends every response it handles, so it goes last.
  router.use(provider.callback());
  return router;
}
