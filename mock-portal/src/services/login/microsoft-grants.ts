import type { Adapter, AdapterPayload } from 'oidc-provider';
import { ALL_RESOURCE_SCOPES, resourceByIndicator } from '../../identity-platform/resources.js';

type AdapterClass = new (model: string) => Adapter;

/** The codes a refresh token comes from: a browser's (authorization code) and a device's. */
const CODES = new Set(['AuthorizationCode', 'DeviceCode']);

/** Whether a code was issued for one of Microsoft's APIs (rather than a sign-in only). */
function forMicrosoftApis(resource: AdapterPayload['resource']): boolean {
  const indicators = Array.isArray(resource) ? resource : resource ? [resource] : [];
  return indicators.some((indicator) => typeof indicator === 'string' && resourceByIndicator(indicator));
}

/**
 * Microsoft's refresh tokens are multi-resource and always offline: a code issued for Resource
 * Manager also redeems, through its refresh token, for Graph, at any directory the account belongs
 * to. oidc-provider keeps a refresh token to the scopes of its code (a browser's or a device's,
 * once signed in), and drops `offline_access`
 * from a request without `prompt=consent`; so a code issued for one of Microsoft's APIs is stored
 * with every scope of every one of them, and `offline_access`, and its refresh token inherits them.
 * Which scopes a token then carries is still the resource's own (`scp`).
 */
export function withMicrosoftRefreshTokens(Base: AdapterClass): AdapterClass {
  return class MicrosoftGrantsAdapter extends Base {
    readonly #model: string;

    constructor(model: string) {
      super(model);
      this.#model = model;
    }

    override upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<undefined | void> {
      if (!CODES.has(this.#model) || !forMicrosoftApis(payload.resource)) return super.upsert(id, payload, expiresIn);
      const scopes = new Set([
        ...(payload.scope ?? '').split(' ').filter(Boolean),
        'offline_access',
        ...ALL_RESOURCE_SCOPES,
      ]);
      return super.upsert(id, { ...payload, scope: [...scopes].join(' ') }, expiresIn);
    }
  };
}
