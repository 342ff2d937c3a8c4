import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { tenantIdOf } from '../../world/placement.js';
import type { WorldRegistry } from '../../world/registry.js';
import { createAdapterFactory } from './adapter.js';
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

export interface ProviderOptions {
  readonly tenancy: RequestTenancy;
  readonly clients: readonly ClientRegistration[];
  readonly registry: WorldRegistry;
  readonly cookieSecret: string;
  readonly remembered: RememberedAccounts;
  readonly renderError: NonNullable<Configuration['renderError']>;
  /** The page shown while signing out (oidc-provider's end_session). */
  readonly logoutSource: (ctx: KoaContextWithOIDC, form: string) => Promise<void>;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The authority a request signs in at: its v2.0 path's, or the one its sign-in began at. */
function tenantOf(ctx: KoaContextWithOIDC, tenancy: RequestTenancy): string {
  return tenancy.pathTenantOf(ctx.req) ?? authorityParameterOf(ctx.oidc?.params);
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
  const found = registry.findAccount(accountId);
  if (!found) return undefined;
  const { account, world } = found;
  const admitted = world.admissionAt(tenantOf(ctx, tenancy), account);
  if (!admitted?.admitted) return undefined;
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
 * use with the scopes the client requested.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, params } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  if (grantId) {
    const existing = await ctx.oidc.provider.Grant.find(grantId);
    if (existing?.accountId === session.accountId) return existing;
  }
  const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
  await grant.save();
  return grant;
}

/** The login service's OpenID Connect provider (login.microsoftonline.com in the real world). */
export async function createProvider(options: ProviderOptions): Promise<Provider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'mock-portal-1' };

  const configuration: Configuration = {
    adapter: createAdapterFactory(),
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
      redirect_uris: [...client.redirectUris],
      post_logout_redirect_uris: [...client.postLogoutRedirectUris],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: client.authMethod,
    })),
    findAccount: (ctx, accountId) => accountFor(ctx, options.registry, options.tenancy, accountId),
    // Carries the authority a sign-in began at (set by the v2.0 routes, never by the client).
    extraParams: [AUTHORITY_PARAMETER],
    claims: {
      openid: ['sub', 'tid', 'oid', 'ver'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'upn'],
      email: ['email'],
    },
    scopes: ['openid', 'profile', 'email'],
    // Custom claims such as `tid` reach the ID token only when it need not conform to the spec's minimum.
    conformIdTokenClaims: false,
    loadExistingGrant,
    pkce: { required: () => true },
    responseTypes: ['code'],
    jwks: { keys: [signingKey] },
    cookies: { keys: [options.cookieSecret] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: options.logoutSource },
    },
    interactions: {
      policy: promptPolicy(options.registry, options.remembered),
      url: (_ctx, interaction) => `/login/interaction/${interaction.uid}`,
    },
    ttl: {
      // The relying parties read only the ID token; the access token is never used after the exchange.
      AccessToken: 10 * MINUTE,
      AuthorizationCode: MINUTE,
      IdToken: HOUR,
      Interaction: HOUR,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
    renderError: options.renderError,
  };
  const provider = new Provider(options.tenancy.base, configuration);
  options.tenancy.install(provider);
  // Microsoft's authorization responses carry no `iss` (RFC 9207): a client of `common` could not
  // know which tenant's it would be.
  provider.on('authorization.success', (_ctx, response) => {
    if (response) delete response.iss;
  });
  provider.use(clientInfo(options.registry));
  return provider;
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
