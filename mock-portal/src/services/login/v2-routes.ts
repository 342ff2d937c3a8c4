import express, { type Request, type RequestHandler, type Router } from 'express';
import { decodeJwt } from 'jose';
import { authoritySegment, issuerTenantOf, type Authority } from '../../world/authority.js';
import { tenantNotFoundJson, tenantNotFoundPage, type RequestTenancy } from './tenancy.js';

/** The provider's own routes behind each v2.0 endpoint, and the methods each answers. */
const ENDPOINTS = {
  authorize: { route: '/auth', methods: ['GET'] },
  token: { route: '/token', methods: ['POST'] },
  devicecode: { route: '/devicecode', methods: ['POST'] },
  keys: { route: '/jwks', methods: ['GET'] },
  logout: { route: '/session/end', methods: ['GET'] },
} as const;
type Endpoint = keyof typeof ENDPOINTS;

/** The authorization parameter that carries the authority into the sign-in pages and the code. */
export const AUTHORITY_PARAMETER = 'authority';

/** The authority a sign-in began at, from its authorization parameters; `common` if none was set. */
export function authorityParameterOf(params: Readonly<Record<string, unknown>> | undefined): string {
  const named = params?.[AUTHORITY_PARAMETER];
  return typeof named === 'string' ? named : 'common';
}

/**
 * Microsoft identity platform v2.0 paths for every authority of the browser's world:
 * `/login/{tenant}/v2.0/.well-known/openid-configuration`, and `authorize`, `token`, `devicecode`,
 * `keys` and `logout` beside it (each also under `/login/{tenant}/oauth2/v2.0/`, as Microsoft spells
 * them), served by the one oidc-provider under its own routes. A tenant that names nothing is
 * refused with AADSTS90002: as a page where a browser asked, as JSON elsewhere.
 */
export function v2Routes(provider: RequestHandler, tenancy: RequestTenancy): Router {
  const router = express.Router();

  const metadata = (req: Request, authority: Authority) => {
    const tenant = `${tenancy.baseOf(req)}/${authoritySegment(authority)}`;
    // Through the proxy, Microsoft's own paths; on the mock's origin, its shorter ones.
    const [at, keys] = tenancy.onMicrosoftHost(req)
      ? [`${tenant}/oauth2/v2.0`, `${tenant}/discovery/v2.0/keys`]
      : [`${tenant}/v2.0`, `${tenant}/v2.0/keys`];
    return {
      issuer: tenancy.issuerOf(issuerTenantOf(authority), req),
      authorization_endpoint: `${at}/authorize`,
      token_endpoint: `${at}/token`,
      device_authorization_endpoint: `${at}/devicecode`,
      jwks_uri: keys,
      end_session_endpoint: `${at}/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'ver', 'tid', 'oid', 'name', 'preferred_username'],
      http_logout_supported: true,
      tenant_region_scope: 'NA',
      cloud_instance_name: 'microsoftonline.com',
    };
  };

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const authority = req.world.authorityNamed(req.params.tenant);
    if (!authority) return tenantNotFoundJson(res, req.params.tenant);
    res.json(metadata(req, authority));
  });

  // Instance discovery (MSAL asks it before some sign-ins): this host is the one network and cache
  // name of its cloud, and each tenant's discovery document is beside its v2.0 endpoints.
  router.get('/:tenant/discovery/instance', (req, res) => {
    const authority = req.world.authorityNamed(req.params.tenant);
    if (!authority) return tenantNotFoundJson(res, req.params.tenant);
    const base = tenancy.baseOf(req);
    const host = new URL(base).host;
    res.json({
      tenant_discovery_endpoint: `${base}/${authoritySegment(authority)}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  const toProvider: RequestHandler<{ tenant: string; endpoint: string }> = (req, res, next) => {
    const endpoint = Object.hasOwn(ENDPOINTS, req.params.endpoint) ? (req.params.endpoint as Endpoint) : undefined;
    if (!endpoint || !(ENDPOINTS[endpoint].methods as readonly string[]).includes(req.method)) return next();
    const { tenant } = req.params;
    tenancy.cameInOn(req, tenant);
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    // The token endpoint is the relying party's back channel, with no world of its own: the
    // account lookup resolves its tenant in the signed-in account's world instead.
    if (endpoint !== 'token') {
      const authority = req.world.authorityNamed(tenant);
      if (!authority)
        return endpoint === 'authorize' ? tenantNotFoundPage(res, tenant) : tenantNotFoundJson(res, tenant);
      tenancy.answerAs(req, issuerTenantOf(authority));
      if (endpoint === 'authorize') query.set(AUTHORITY_PARAMETER, authoritySegment(authority));
      if (endpoint === 'devicecode') tenancy.asksDeviceSignInAt(req, authoritySegment(authority));
      if (endpoint === 'logout') setHintIssuer(req, query.get('id_token_hint'), tenancy);
    }
    req.url = `${ENDPOINTS[endpoint].route}${query.size > 0 ? `?${query.toString()}` : ''}`;
    provider(req, res, next);
  };
  router.all('/:tenant/v2.0/:endpoint', toProvider);
  router.all('/:tenant/oauth2/v2.0/:endpoint', toProvider);

  return router;
}

/** At logout, the ID token hint is checked against its own tenant's issuer: the one it was issued by. */
function setHintIssuer(req: Request, hint: string | null, tenancy: RequestTenancy): void {
  if (!hint) return;
  try {
    const { tid } = decodeJwt(hint);
    if (typeof tid === 'string' && tid !== '') tenancy.answerAs(req, tid);
  } catch {
    // Not a JWT: the provider refuses it with its own message.
  }
}
