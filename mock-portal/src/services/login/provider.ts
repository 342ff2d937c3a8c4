import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { tenantIdOf } from '../../world/placement.js';
import type { WorldRegistry } from '../../world/registry.js';
import { createAdapterFactory } from './adapter.js';
import { promptPolicy } from './policy.js';
import type { RememberedAccounts } from './remembered.js';

export interface RelyingPartyClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
}

export interface ProviderOptions {
  readonly issuer: string;
  readonly clients: readonly RelyingPartyClient[];
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

/** The claims Azure AD puts in an ID token that the relying parties read: above all `tid`. */
function accountFor(registry: WorldRegistry, accountId: string): Account | undefined {
  const found = registry.findAccount(accountId);
  if (!found) return undefined;
  const { account } = found;
  const tid = tenantIdOf(account);
  return {
    accountId,
    claims: () => ({
      sub: accountId,
      oid: accountId,
      tid,
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
      client_secret: client.clientSecret,
      redirect_uris: [client.redirectUri],
      post_logout_redirect_uris: [client.postLogoutRedirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    findAccount: (_ctx, accountId) => accountFor(options.registry, accountId),
    claims: {
      openid: ['sub', 'tid', 'oid'],
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
  const provider = new Provider(options.issuer, configuration);
  return provider;
}
