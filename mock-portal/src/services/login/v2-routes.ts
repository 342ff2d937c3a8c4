import type { IncomingMessage } from 'node:http';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { decodeJwt } from 'jose';
import { renderPage } from '../../http/render.js';
import { authoritySegment, issuerTenantOf, type Authority } from '../../world/authority.js';
import type { RequestIssuers } from './issuer.js';

/** The provider's own routes behind each v2.0 endpoint, and the methods each answers. */
const ENDPOINTS = {
  authorize: { route: '/auth', methods: ['GET'] },
  token: { route: '/token', methods: ['POST'] },
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

/** The `{tenant}` each request came in on, for the account lookup at the token endpoint. */
const pathTenants = new WeakMap<IncomingMessage, string>();

/** The `{tenant}` of the v2.0 path this request came in on, if it came in on one. */
export function pathTenantOf(req: IncomingMessage): string | undefined {
  return pathTenants.get(req);
}

/** A tenant as it may be echoed back: printable, and short. */
const shown = (tenant: string) => tenant.replace(/[^\x20-\x7e]/g, '?').slice(0, 64);

/**
 * Microsoft identity platform v2.0 paths for every authority of the browser's world:
 * `/login/{tenant}/v2.0/.well-known/openid-configuration`, and `authorize`, `token`, `keys` and
 * `logout` beside it, served by the one oidc-provider under its own routes. A tenant that names
 * nothing is refused with AADSTS90002: as a page where a browser asked, as JSON elsewhere.
 */
export function v2Routes(provider: RequestHandler, issuers: RequestIssuers): Router {
  const router = express.Router();

  const metadata = (authority: Authority) => {
    const at = `${issuers.base}/${authoritySegment(authority)}/v2.0`;
    return {
      issuer: issuers.of(issuerTenantOf(authority)),
      authorization_endpoint: `${at}/authorize`,
      token_endpoint: `${at}/token`,
      jwks_uri: `${at}/keys`,
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
    res.json(metadata(authority));
  });

  router.all('/:tenant/v2.0/:endpoint', (req, res, next) => {
    const endpoint = Object.hasOwn(ENDPOINTS, req.params.endpoint) ? (req.params.endpoint as Endpoint) : undefined;
    if (!endpoint || !(ENDPOINTS[endpoint].methods as readonly string[]).includes(req.method)) return next();
    const { tenant } = req.params;
    pathTenants.set(req, tenant);
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    // The token endpoint is the relying party's back channel, with no world of its own: the
    // account lookup resolves its tenant in the signed-in account's world instead.
    if (endpoint !== 'token') {
      const authority = req.world.authorityNamed(tenant);
      if (!authority)
        return endpoint === 'authorize' ? tenantNotFoundPage(res, tenant) : tenantNotFoundJson(res, tenant);
      issuers.set(req, issuers.of(issuerTenantOf(authority)));
      if (endpoint === 'authorize') query.set(AUTHORITY_PARAMETER, authoritySegment(authority));
      if (endpoint === 'logout') setHintIssuer(req, query.get('id_token_hint'), issuers);
    }
    req.url = `${ENDPOINTS[endpoint].route}${query.size > 0 ? `?${query.toString()}` : ''}`;
    provider(req, res, next);
  });

  return router;
}

/** At logout, the ID token hint is checked against its own tenant's issuer: the one it was issued by. */
function setHintIssuer(req: Request, hint: string | null, issuers: RequestIssuers): void {
  if (!hint) return;
  try {
    const { tid } = decodeJwt(hint);
    if (typeof tid === 'string' && tid !== '') issuers.set(req, issuers.of(tid));
  } catch {
    // Not a JWT: the provider refuses it with its own message.
  }
}

function tenantNotFoundJson(res: Response, tenant: string): void {
  res.status(400).json({
    error: 'invalid_tenant',
    error_description: `AADSTS90002: Tenant '${shown(tenant)}' not found.`,
    error_codes: [90002],
  });
}

async function tenantNotFoundPage(res: Response, tenant: string): Promise<void> {
  const { t } = res.locals;
  await renderPage(
    res,
    'login/views/refused',
    {
      site: 'login',
      title: t('login.title'),
      code: 'AADSTS90002',
      message: t('login.refused.AADSTS90002', { tenant: shown(tenant) }),
    },
    400,
  );
}
