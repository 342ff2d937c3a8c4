import type { IncomingMessage } from 'node:http';
import Provider from 'oidc-provider';

/**
 * The issuer oidc-provider signs and checks with, decided per request. Microsoft's v2.0 issuer
 * names a tenant (`…/{tid}/v2.0`), and one sign-in service serves every tenant of every world, so
 * the provider's one `issuer` is made to answer for the request in hand: whatever the v2.0 routes
 * and the account lookup set for it, found through oidc-provider's own request context
 * (`Provider.ctx`). Outside a request, and for a request nothing was set for, it is the base.
 */
export class RequestIssuers {
  readonly #byRequest = new WeakMap<IncomingMessage, string>();

  /** `base`: where the sign-in service is served, `…/login`. */
  constructor(readonly base: string) {}

  /** The v2.0 issuer of one tenant: a directory's id, the personal accounts' tenant, or `{tenantid}`. */
  of(tenant: string): string {
    return `${this.base}/${tenant}/v2.0`;
  }

  set(req: IncomingMessage, issuer: string): void {
    this.#byRequest.set(req, issuer);
  }

  /** Makes the provider's `issuer` answer per request from now on. */
  install(provider: Provider): void {
    Object.defineProperty(provider, 'issuer', {
      configurable: true,
      enumerable: true,
      get: () => {
        const request = Provider.ctx?.req;
        return (request && this.#byRequest.get(request)) ?? this.base;
      },
    });
  }
}
