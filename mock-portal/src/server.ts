import { randomBytes } from 'node:crypto';
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { CustomFetch } from 'openid-client';
import type { Config } from './config.js';
import { errorPages, notFound } from './http/errors.js';
import { localeMiddleware } from './http/locale.js';
import { eventLoopLag, shedWhenOverloaded } from './http/overload.js';
import { requestLogging } from './http/logging.js';
import { securityHeaders } from './http/security.js';
import { testApi } from './http/test-api.js';
import { RequestTiming } from './http/timing.js';
import { TEST_API } from './contract.js';
import { ClassMembership } from './http/class-membership.js';
import { ScenarioSignIns } from './http/scenario-sign-ins.js';
import { WorldSelection } from './http/world-selection.js';
import { loginService } from './services/login/index.js';
import type { ClientRegistration } from './services/login/provider.js';
import { graphService } from './services/graph/index.js';
import { managementService } from './services/management/index.js';
import { notAnOpenProxy } from './http/not-an-open-proxy.js';
import type { SignInStorage } from './services/login/provider.js';
import { marketingService } from './services/marketing/index.js';
import { portalService } from './services/portal/index.js';
import { RelyingParty } from './services/relying-party/index.js';
import { signupService } from './services/signup/index.js';
import { classroomService } from './services/classroom/index.js';
import { trainerService } from './services/trainer/index.js';
import { newAppSecrets } from './identity-platform/app-secrets.js';
import { savedBeforeAnswer } from './http/saved-before-answer.js';
import { createRedisAdapterFactory } from './services/login/redis-adapter.js';
import { RedisRememberedAccounts } from './services/login/redis-remembered.js';
import type { RedisState } from './store/redis-state.js';
import { Classes } from './world/classroom.js';
import { WorldRegistry } from './world/registry.js';

export interface App {
  readonly app: Express;
  readonly registry: WorldRegistry;
  readonly classes: Classes;
  /** Time spent on requests so far (read by npm run bench). */
  readonly timing: RequestTiming;
}

export interface AppSeams {
  /** The relying parties' HTTP client for the login service's back channel (tests tamper with it). */
  readonly relyingPartyFetch?: CustomFetch;
  /** The certificate of the authority that signs Microsoft's host names for the proxy, when it serves them. */
  readonly certificateAuthority?: string;
  /** Where the sign-in service keeps its state: in this process by default, or in Redis. */
  readonly signInStorage?: SignInStorage;
  /**
   * State kept in Redis so that several processes serve one portal (REDIS_URL): its registry and
   * classes are the ones this app serves, whatever else is passed.
   */
  readonly shared?: RedisState;
}

/** Builds the one Express app that serves the four services under their path prefixes. Nothing else. */
/** The registry's bounds as configured. */
export function registryLimits(config: Pick<Config, 'maxWorlds' | 'worldIdleHours'>) {
  return { maxWorlds: config.maxWorlds, idleMs: config.worldIdleHours * 60 * 60 * 1000 };
}

export async function createApp(
  config: Config,
  ownRegistry = new WorldRegistry(registryLimits(config)),
  seams: AppSeams = {},
  ownClasses = new Classes(),
): Promise<App> {
  const { shared } = seams;
  const registry = shared?.registry ?? ownRegistry;
  const classes = shared?.classes ?? ownClasses;
  const { cookieSecret: secret, signingKey, clientSecrets } = shared?.secrets ?? (await newAppSecrets());
  const sessionStore = shared && ((name: string) => shared.sessionStore(name));
  const limitStore = shared && ((name: string) => shared.limitStore(name));
  const signInStorage =
    seams.signInStorage ?? (shared ? createRedisAdapterFactory(shared.redis, `${shared.prefix}:oidc`) : undefined);
  const secureCookies = config.publicUrl.startsWith('https:');
  const loginUrl = `${config.publicUrl}/login`;
  const client = (name: 'signup' | 'portal') => ({
    clientId: `${name}-azure`,
    clientSecret: clientSecrets[name],
    redirectUri: `${config.publicUrl}/${name}/callback`,
    postLogoutRedirectUri: `${config.publicUrl}/${name}/signed-out`,
  });
  const signupClient = client('signup');
  const portalClient = client('portal');
  const registration = (rp: typeof signupClient): ClientRegistration => ({
    clientId: rp.clientId,
    clientSecret: rp.clientSecret,
    redirectUris: [rp.redirectUri],
    postLogoutRedirectUris: [rp.postLogoutRedirectUri],
    authMethod: 'client_secret_basic',
  });
  // Applications people registered (MOCK_CLIENTS): confidential ones send their secret in the body,
  // as MSAL does; after signing out they may return to any redirect URI or its site's root.
  const registered = (config.clients ?? []).map((client): ClientRegistration => ({
    clientId: client.clientId,
    ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
    redirectUris: client.redirectUris,
    postLogoutRedirectUris: [
      ...new Set([...client.redirectUris, ...client.redirectUris.map((uri) => `${new URL(uri).origin}/`)]),
    ],
    authMethod: client.clientSecret ? 'client_secret_post' : 'none',
  }));
  const relyingParty = (rp: typeof signupClient, site: 'signup' | 'portal') =>
    new RelyingParty({
      loginUrl,
      ...rp,
      home: `/${site}/`,
      site,
      registry,
      testMode: config.testMode,
      secret,
      secureCookies,
      ...(seams.relyingPartyFetch ? { fetch: seams.relyingPartyFetch } : {}),
    });
  const sharedWorlds = shared?.worlds;

  const app = express();
  const timing = new RequestTiming();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // Pages are rendered per request and most are no-store: an ETag (a SHA-1 of every page) would
  // never be used. Static files keep theirs (express.static makes its own).
  app.set('etag', false);
  app.use(notAnOpenProxy);
  app.use(timing.middleware);
  app.use(requestLogging(config.logLevel));
  app.use(securityHeaders({ https: secureCookies }));
  app.use(
    '/static',
    express.static(path.resolve(import.meta.dirname, '..', 'public'), { maxAge: '1h', fallthrough: false }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(cookieParser());
  app.use(localeMiddleware());
  const rememberedElsewhere = shared && new RedisRememberedAccounts(shared.redis, `${shared.prefix}:remembered`);
  if (sharedWorlds && rememberedElsewhere) app.use(savedBeforeAnswer([sharedWorlds, rememberedElsewhere]));
  if (config.testMode)
    app.use(
      TEST_API,
      express.json({ limit: '16kb' }),
      testApi(registry, timing, classes, shared && { worlds: shared.worlds, classes: shared.sharedClasses }),
    );
  app.use(shedWhenOverloaded(eventLoopLag(), { maxLagMs: config.overloadLagMs }));
  // Azure's APIs: a token says who calls and in which world, so no cookie, session or world here.
  app.use(
    '/management',
    managementService({ registry, publicUrl: config.publicUrl, signingKey, shared: sharedWorlds }),
  );
  app.use('/graph', graphService({ registry, signingKey, shared: sharedWorlds }));
  app.use(
    '/trainer',
    trainerService({
      registry,
      classes,
      key: shared?.trainerKey ?? config.trainerKey ?? randomBytes(32).toString('hex'),
      publicUrl: config.publicUrl,
      secret,
      secureCookies,
      sessionStore,
      limitStore,
      sharedWorlds,
      sharedClasses: shared?.sharedClasses,
    }),
  );
  const membership = new ClassMembership(classes, { secureCookies, shared: shared?.sharedClasses });
  const worlds = new WorldSelection(registry, {
    secureCookies,
    newWorldsPerAddress: config.newWorldsPerAddress,
    entered: (req, world) => membership.entered(req, world),
    limitStore,
    shared: sharedWorlds,
  });
  const scenarioSignIns = new ScenarioSignIns();
  app.use(membership.middleware());
  app.use('/worlds', worlds.joinRoutes());
  app.use(worlds.middleware());
  app.use(
    '/class',
    classroomService({
      classes,
      membership,
      newWorld: (req, res, then) => worlds.newWorld(req, res, then),
      secret,
      secureCookies,
      sessionStore,
      limitStore,
      shared: shared?.sharedClasses,
    }),
  );

  app.use(
    '/login',
    loginService({
      url: loginUrl,
      clients: [registration(signupClient), registration(portalClient), ...registered],
      registry,
      secret,
      secureCookies,
      scenarioSignIns,
      signingKey,
      ...(signInStorage ? { storage: signInStorage } : {}),
      sessionStore,
      limitStore,
      shared: sharedWorlds,
      rememberedElsewhere,
    }),
  );
  app.use('/signup', signupService(relyingParty(signupClient, 'signup'), { secret, secureCookies, sessionStore }));
  app.use('/portal', portalService(relyingParty(portalClient, 'portal'), { secret, secureCookies, sessionStore }));
  app.use(
    '/',
    marketingService({
      registry,
      newWorld: (req, res, then) => worlds.newWorld(req, res, then),
      scenarioSignIns,
      publicUrl: config.publicUrl,
      secret,
      secureCookies,
      sessionStore,
      ...(seams.certificateAuthority ? { certificateAuthority: seams.certificateAuthority } : {}),
    }),
  );

  app.use(notFound());
  app.use(errorPages());
  return { app, registry, classes, timing };
}
