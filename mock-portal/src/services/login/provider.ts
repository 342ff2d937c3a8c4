import Provider, {
  errors,
  type Account,
  type Adapter,
  type CanBePromise,
  type Configuration,
  type KoaContextWithOIDC,
  type TokenEndpointGrantContext,
} from 'oidc-provider';
import { accessTokenClaims } from '../../identity-platform/access-token-claims.js';
import {
  MICROSOFT_PUBLIC_CLIENTS,
  MICROSOFT_RESOURCES,
  resourceAskedBy,
  resourceByIndicator,
} from '../../identity-platform/resources.js';
import type { SigningKey } from '../../identity-platform/signing-key.js';
import { tenantIdOf } from '../../world/placement.js';
import type { WorldRegistry } from '../../world/registry.js';
import type { SharedWorlds } from '../../world/shared-worlds.js';
import { isRedisUnreachable } from '../../store/redis-client.js';
import { createAdapterFactory } from './adapter.js';
import { devicePages } from './device-pages.js';
import {
  asMicrosoftDeviceAuthorization,
  DEVICE_CODE_GRANT,
  microsoftDevicePolling,
  MSAL_DEVICE_CODE_GRANT,
} from './device-polling.js';
import { withMicrosoftRefreshTokens } from './microsoft-grants.js';
import type { RequestTenancy } from './tenancy.js';
import { promptPolicy } from './policy.js';
import type { RememberedAccounts } from './remembered.js';
import { AUTHORITY_PARAMETER, authorityParameterOf } from './v2-routes.js';

/** An application the sign-in service knows: the mock's own two, and those of MOCK_CLIENTS. */
export interface ClientRegistration {
  readonly clientId: string;
  /** None for a public client, which proves itself by PKCE alone. */
  readonly clientSecret?: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /** How it sends its secret to the token endpoint. */
  readonly authMethod: 'client_secret_basic' | 'client_secret_post' | 'none';
}

/** A storage of oidc-provider's models: the in-memory one (createAdapterFactory) or Redis's. */
export type SignInStorage = new (model: string) => Adapter;

export interface ProviderOptions {
  readonly tenancy: RequestTenancy;
  readonly clients: readonly ClientRegistration[];
  readonly registry: WorldRegistry;
  readonly cookieSecret: string;
  readonly remembered: RememberedAccounts;
  readonly renderError: NonNullable<Configuration['renderError']>;
  /** The page shown while signing out (oidc-provider's end_session). */
  readonly logoutSource: (ctx: KoaContextWithOIDC, form: string) => Promise<void>;
  readonly signingKey: SigningKey;
  readonly storage?: SignInStorage;
  /** The worlds every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedWorlds | undefined;
}

/** The device sign-in's page as Microsoft's answer names it, where the proxy serves Microsoft's hosts. */
const MICROSOFT_DEVICE_LOGIN = 'https://microsoft.com/devicelogin';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The authority a request signs in at: its v2.0 path's, or the one its sign-in began at. */
function tenantOf(ctx: KoaContextWithOIDC, tenancy: RequestTenancy): string {
  return tenancy.pathTenantOf(ctx.req) ?? authorityParameterOf(ctx.oidc?.params);
}

/** The account, and the tenant this request's authority signs it in to; undefined when it does not. */
function admittedAccount(ctx: KoaContextWithOIDC, registry: WorldRegistry, tenancy: RequestTenancy, accountId: string) {
  const found = registry.findAccount(accountId);
  if (!found) return undefined;
  const admitted = found.world.admissionAt(tenantOf(ctx, tenancy), found.account);
  return admitted?.admitted ? { account: found.account, tenantId: admitted.tenantId } : undefined;
}

/**
 * The account as the authority of this request sees it, with the claims Microsoft's v2.0 ID
 * tokens carry (above all `tid`, the tenant it signed in to), or none when the authority does not
 * sign it in: then the provider asks who is signing in, or refuses the code. At the token
 * endpoint the issuer becomes that tenant's.
 */
function accountFor(
  ctx: KoaContextWithOIDC,
  registry: WorldRegistry,
  tenancy: RequestTenancy,
  accountId: string,
): Account | undefined {
  const admitted = admittedAccount(ctx, registry, tenancy, accountId);
  if (!admitted) return undefined;
  const { account } = admitted;
  if (ctx.oidc?.route === 'token') tenancy.answerAs(ctx.req, admitted.tenantId);
  return {
    accountId,
    claims: () => ({
      sub: accountId,
      oid: accountId,
      tid: admitted.tenantId,
      ver: '2.0',
      name: account.displayName,
      given_name: account.givenName,
      family_name: account.surname,
      preferred_username: account.signInName,
      email: account.signInName,
      ...(account.kind === 'work' ? { upn: account.signInName } : {}),
    }),
  };
}

/**
 * Every relying party here is first-party, so consent is never asked: the grant is made on first
 * use, and holds whatever the client asks for each time (a later request for more scopes, or for
 * one of Microsoft's APIs, would otherwise ask for consent).
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, params } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
  const grant =
    existing?.accountId === session.accountId
      ? existing
      : new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  const scope = typeof params?.scope === 'string' ? params.scope : 'openid';
  grant.addOIDCScope(scope);
  // Microsoft's first-party clients are pre-authorised for its APIs: asking for one grants them all.
  if (resourceAskedBy(scope))
    for (const resource of MICROSOFT_RESOURCES) grant.addResourceScope(resource.indicator, resource.scopes.join(' '));
  await grant.save();
  return grant;
}

/**
 * oidc-provider, taking the device code grant under MSAL's name too (`device_code`; MSAL Python
 * and the standard say `urn:ietf:params:oauth:grant-type:device_code`): the same handler answers
 * both, as Microsoft's token endpoint does. The provider registers its grants while it is built.
 */
class MicrosoftGrantNames extends Provider {
  override registerGrantType<Params extends object>(
    name: string,
    handler: (ctx: TokenEndpointGrantContext<Params>) => CanBePromise<void>,
    params?: string | readonly string[] | ReadonlySet<string>,
    duplicates?: string | readonly string[] | ReadonlySet<string>,
  ): void {
    super.registerGrantType(name, handler, params, duplicates);
    if (name === DEVICE_CODE_GRANT) super.registerGrantType(MSAL_DEVICE_CODE_GRANT, handler, params, duplicates);
  }
}

/** The login service's OpenID Connect provider (login.microsoftonline.com in the real world). */
export function createProvider(options: ProviderOptions): Provider {
  const Adapter = withMicrosoftRefreshTokens(options.storage ?? createAdapterFactory());
  const configuration: Configuration = {
    adapter: Adapter,
    clients: [
      ...options.clients.map((client) => ({
        client_id: client.clientId,
        ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
        redirect_uris: [...client.redirectUris],
        post_logout_redirect_uris: [...client.postLogoutRedirectUris],
        response_types: ['code' as const],
        grant_types: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_method: client.authMethod,
      })),
      // Known in every directory, as in Entra ID: native apps that come back to any loopback port,
      // or sign in on another device.
      ...MICROSOFT_PUBLIC_CLIENTS.map((client) => ({
        client_id: client.clientId,
        client_name: client.name,
        application_type: 'native' as const,
        redirect_uris: ['http://localhost', 'http://127.0.0.1'],
        post_logout_redirect_uris: ['http://localhost', 'http://127.0.0.1'],
        response_types: ['code' as const],
        grant_types: ['authorization_code', 'refresh_token', DEVICE_CODE_GRANT, MSAL_DEVICE_CODE_GRANT],
        token_endpoint_auth_method: 'none' as const,
      })),
    ],
    findAccount: async (ctx, accountId) => {
      // The token endpoint has no world cookie: the newest copy of the account's world, read only.
      await options.shared?.readAccount(accountId);
      return accountFor(ctx, options.registry, options.tenancy, accountId);
    },
    // Carries the authority a sign-in began at (set by the v2.0 routes, never by the client): in
    // the query of a browser's sign-in, and here for a device's, whose body the provider reads.
    extraParams: {
      [AUTHORITY_PARAMETER]: (ctx) => {
        if (ctx.oidc.route !== 'device_authorization') return;
        ctx.oidc.params![AUTHORITY_PARAMETER] = options.tenancy.deviceAuthorityOf(ctx.req) ?? 'common';
      },
    },
    claims: {
      openid: ['sub', 'tid', 'oid', 'ver'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'upn'],
      email: ['email'],
    },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    // Custom claims such as `tid` reach the ID token only when it need not conform to the spec's minimum.
    conformIdTokenClaims: false,
    loadExistingGrant,
    // Microsoft requires PKCE of no one; the mock asks it of every client but Microsoft's own, whose
    // SDK credentials (the authorization code credential) redeem codes without it.
    pkce: { required: (_ctx, client) => !MICROSOFT_PUBLIC_CLIENTS.some((known) => known.clientId === client.clientId) },
    responseTypes: ['code'],
    jwks: { keys: [options.signingKey.privateJwk] },
    formats: {
      customizers: {
        jwt: (ctx, token, jwt) => {
          const resource = resourceByIndicator(token.resourceServer?.identifier() ?? '');
          const admitted = admittedAccount(
            ctx,
            options.registry,
            options.tenancy,
            'accountId' in token ? (token.accountId ?? '') : '',
          );
          if (!resource || !admitted || !token.clientId)
            throw new errors.InvalidGrant('the account is not signed in here');
          jwt.header = { typ: 'JWT' };
          jwt.payload = accessTokenClaims({
            ...admitted,
            resource,
            clientId: token.clientId,
            confidentialClient: token.client?.clientAuthMethod !== 'none',
            issuedAt: Number(jwt.payload.iat),
            expiresAt: Number(jwt.payload.exp),
            tokenId: String(jwt.payload.jti),
          });
        },
      },
    },
    cookies: { keys: [options.cookieSecret] },
    features: {
      devInteractions: { enabled: false },
      // Nine letters, as Microsoft's user codes, from oidc-provider's alphabet of twenty consonants,
      // without its dash.
      deviceFlow: { enabled: true, charset: 'base-20', mask: '*********', ...devicePages },
      rpInitiatedLogout: { enabled: true, logoutSource: options.logoutSource },
      // Resource Manager and Graph: which one a request asks for is read from its scopes, as
      // Microsoft does (its clients send no `resource`); a sign-in that asks for one may later
      // redeem its refresh token for any.
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx, _client, oneOf) => {
          const asked = resourceAskedBy(typeof ctx.oidc.params?.scope === 'string' ? ctx.oidc.params.scope : undefined);
          // A code's redemption names no scope: it is for the API its sign-in asked for, listed first.
          if (oneOf) return asked?.indicator ?? oneOf[0] ?? '';
          if (!asked) return undefined!;
          return [asked, ...MICROSOFT_RESOURCES.filter((resource) => resource !== asked)].map((r) => r.indicator);
        },
        getResourceServerInfo: (_ctx, indicator) => {
          const resource = resourceByIndicator(indicator);
          if (!resource) throw new errors.InvalidTarget();
          return {
            scope: resource.scopes.join(' '),
            audience: resource.audience,
            accessTokenTTL: HOUR,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
        useGrantedResource: () => true,
      },
    },
    interactions: {
      policy: promptPolicy(options.registry, options.remembered),
      url: (_ctx, interaction) => `/login/interaction/${interaction.uid}`,
    },
    routes: { code_verification: '/devicelogin', device_authorization: '/devicecode' },
    ttl: {
      // As Microsoft's: an hour for access tokens (Resource Manager's and Graph's; the relying
      // parties read only the ID token), fourteen days for refresh tokens.
      AccessToken: HOUR,
      RefreshToken: 14 * DAY,
      AuthorizationCode: MINUTE,
      DeviceCode: 15 * MINUTE,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    renderError: options.renderError,
  };
  const provider = new MicrosoftGrantNames(options.tenancy.base, configuration);
  options.tenancy.install(provider);
  // Microsoft's authorization responses carry no `iss` (RFC 9207): a client of `common` could not
  // know which tenant's it would be.
  provider.on('authorization.success', (_ctx, response) => {
    if (response) delete response.iss;
  });
  provider.on('device_authorization.success', (ctx, body) =>
    asMicrosoftDeviceAuthorization(
      ctx,
      body,
      options.tenancy.onMicrosoftHost(ctx.req) ? MICROSOFT_DEVICE_LOGIN : `${options.tenancy.base}/devicelogin`,
    ),
  );
  provider.use(unreachableIsTryAgain(provider));
  provider.use(clientInfo(options.registry));
  provider.use(microsoftDevicePolling(new Adapter('DevicePoll')));
  return provider;
}

/**
 * Redis unreachable (several processes' sign-in state) is "try again", not the server's fault: 503
 * with Retry-After from every endpoint, and `temporarily_unavailable` where the answer is JSON.
 */
function unreachableIsTryAgain(provider: Provider) {
  const unreachable = new WeakSet<object>();
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: unknown) => {
    if (isRedisUnreachable(error)) unreachable.add(ctx);
  });
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    if (!unreachable.has(ctx)) return;
    ctx.status = 503;
    ctx.set('Retry-After', '5');
    if (ctx.type.includes('json'))
      ctx.body = {
        error: 'temporarily_unavailable',
        error_description: 'The sign-in service cannot reach its storage. Try again in a few seconds.',
      };
  };
}

/**
 * Microsoft's token responses carry `client_info` when the client asks (`client_info=1`, as MSAL
 * does): the account's object id and home tenant, base64url JSON, from which MSAL makes the
 * account's home id. Added after the provider has answered.
 */
function clientInfo(registry: WorldRegistry) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const asked = ctx.oidc?.body?.client_info === '1';
    const accountId = ctx.oidc?.account?.accountId;
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200 || !asked || !accountId) return;
    const found = registry.findAccount(accountId);
    const home = found ? tenantIdOf(found.account) : undefined;
    if (!home || typeof ctx.body !== 'object' || ctx.body === null) return;
    const info = Buffer.from(JSON.stringify({ uid: accountId, utid: home })).toString('base64url');
    ctx.body = { ...(ctx.body as Record<string, unknown>), client_info: info };
  };
}
