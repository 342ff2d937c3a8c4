import { exportJWK, generateKeyPair } from 'jose';
import Provider, { interactionPolicy, type Account, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { PERSONAL_ACCOUNT_TENANT_ID } from '../../world/model.js';
import type { WorldRegistry } from '../../world/registry.js';
import { createAdapterFactory } from './adapter.js';

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
  readonly renderError: NonNullable<Configuration['renderError']>;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The claims Azure AD puts in an ID token that the relying parties read: above all `tid`. */
function accountFor(registry: WorldRegistry, accountId: string): Account | undefined {
  const found = registry.findAccount(accountId);
  if (!found) return undefined;
  const { account } = found;
  const tid = account.kind === 'personal' ? PERSONAL_ACCOUNT_TENANT_ID : account.homeDirectoryId;
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

/**
 * The default prompts, plus one login check: a session whose account no longer exists (its world
 * was reset or deleted) must sign in again rather than be issued a code for nobody.
 */
function promptPolicy(registry: WorldRegistry) {
  const { Check, base } = interactionPolicy;
  const policy = base();
  policy.get('login')?.checks.add(
    new Check('account_gone', 'The signed-in account no longer exists', (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      return accountId && !registry.findAccount(accountId) ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
    0,
  );
  return policy;
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
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { policy: promptPolicy(options.registry), url: (_ctx, interaction) => `/login/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: HOUR,
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
