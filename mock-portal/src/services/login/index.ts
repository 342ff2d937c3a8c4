import type { SigningKey } from '../../identity-platform/signing-key.js';
import express, { type Router } from 'express';
import type { ScenarioSignIns } from '../../http/scenario-sign-ins.js';
import { formsMayEndAt } from '../../http/security.js';
import { serviceSession, type LimitStoreFor, type SessionStoreFor } from '../../http/sessions.js';
import { MICROSOFT_HOST_NAMES, microsoftHostOf } from '../../microsoft-hosts.js';
import type { WorldRegistry } from '../../world/registry.js';
import type { SharedWorlds } from '../../world/shared-worlds.js';
import { RequestTenancy } from './tenancy.js';
import { createProvider, type ClientRegistration, type ProviderOptions, type SignInStorage } from './provider.js';
import { REMEMBERED_COOKIE, RememberedAccounts, type SharedRememberedAccounts } from './remembered.js';
import { cookieOf } from '../../http/cookies.js';
import { helpRoutes } from './help.js';
import { deviceLoginRoutes } from './device-routes.js';
import { pageLocalsOf, renderProviderError, renderProviderPage } from './provider-pages.js';
import { interactionRoutes } from './routes.js';
import { v2Routes } from './v2-routes.js';

export interface LoginServiceOptions {
  /** Where the service is reached: `…/login`, the base of every v2.0 issuer. */
  readonly url: string;
  readonly clients: readonly ClientRegistration[];
  readonly registry: WorldRegistry;
  readonly secret: string;
  readonly secureCookies: boolean;
  readonly sessionStore?: SessionStoreFor | undefined;
  readonly limitStore?: LimitStoreFor | undefined;
  /** The worlds every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedWorlds | undefined;
  /** Every process's lists of remembered accounts, when there are several. */
  readonly rememberedElsewhere?: SharedRememberedAccounts | undefined;
  readonly scenarioSignIns: ScenarioSignIns;
  readonly signingKey: SigningKey;
  /** Where the sign-in service keeps its state (in this process when none is given). */
  readonly storage?: SignInStorage;
}

/** login.microsoftonline.com: the OpenID Connect provider and its sign-in pages, under /login. */
export function loginService(options: LoginServiceOptions): Router {
  const remembered = new RememberedAccounts(options.rememberedElsewhere);

  /** oidc-provider's end_session page: marks the account signed out here, then submits itself. */
  const logoutSource: ProviderOptions['logoutSource'] = async (ctx, form) => {
    const accountId = ctx.oidc.session?.accountId;
    if (accountId) remembered.signOut(ctx.cookies.get(REMEMBERED_COOKIE), accountId);
    const account = accountId ? (options.registry.findAccount(accountId)?.account.signInName ?? '') : '';
    await renderProviderPage(ctx, 'signing-out', {
      title: pageLocalsOf(ctx).t('login.signingOut.heading'),
      account,
      form,
    });
  };

  const tenancy = new RequestTenancy(options.url);
  const provider = createProvider({
    tenancy,
    clients: options.clients,
    registry: options.registry,
    remembered,
    cookieSecret: options.secret,
    renderError: renderProviderError,
    logoutSource,
    signingKey: options.signingKey,
    ...(options.storage ? { storage: options.storage } : {}),
    shared: options.shared,
  });
  const router = express.Router();
  const ownOrigin = new URL(options.url).origin;
  const elsewhere = options.clients.flatMap((client) =>
    [...client.redirectUris, ...client.postLogoutRedirectUris].map((uri) => new URL(uri).origin),
  );
  // Microsoft's native clients come back to a loopback port of their choosing.
  const loopbacks = ['http://localhost:*', 'http://127.0.0.1:*'];
  router.use(formsMayEndAt([...new Set([...elsewhere, ...loopbacks])].filter((origin) => origin !== ownOrigin)));
  // Through the proxy, the relying parties are on Microsoft's own host names too.
  const onMicrosoftHosts = formsMayEndAt(MICROSOFT_HOST_NAMES.map((host) => `https://${host}`));
  router.use((req, res, next) => (microsoftHostOf(req) ? onMicrosoftHosts(req, res, next) : next()));
  router.use('/help', helpRoutes());
  // The browser's tiles, as the process that last changed them left them.
  router.use(async (req, _res, next) => {
    const browser = cookieOf(req, REMEMBERED_COOKIE);
    await remembered.load(typeof browser === 'string' ? browser : undefined);
    next();
  });
  router.use(
    '/interaction',
    // The login session holds a sign-in in progress and ends with it, so it has the same bound as
    // the provider's sign-ins in progress: when 1,000 newer ones have started, the oldest abandoned one goes.
    serviceSession({
      name: 'login.sid',
      path: '/login',
      secret: options.secret,
      secure: options.secureCookies,
      maxSessions: 1_000,
      store: options.sessionStore,
    }),
    interactionRoutes(provider, remembered, options.scenarioSignIns, options.limitStore),
  );
  // The provider parses its own bodies and ends every response it handles. Clients reach it through
  // the v2.0 paths only; its own routes answer only where its pages send the browser: back to a
  // sign-in after its pages (resume), and the steps of signing out.
  const callback = provider.callback();
  router.use(v2Routes(callback, tenancy));
  router.get('/auth/:uid', callback);
  router.use(deviceLoginRoutes(provider, callback, options.limitStore));
  router.post('/session/end/confirm', callback);
  router.get('/session/end/success', callback);
  return router;
}
