import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import Provider from 'oidc-provider';
import { echoed } from '../../http/echo.js';
import { microsoftHostOf } from '../../microsoft-hosts.js';
import { renderPage } from '../../http/render.js';

/** The login service's own host name, where the proxy serves it. */
const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';

/** What the login service knows of one request's tenant. */
interface RequestTenant {
  /** The `{tenant}` of the v2.0 path it came in on. */
  pathTenant?: string;
  /** The issuer that answers for it (a tenant's v2.0 issuer). */
  issuer?: string;
  /** The authority a device sign-in it asks for will sign in at, as one segment that names it in every world. */
  deviceAuthority?: string;
}

/**
 * The tenant of the request in hand, in one place. Microsoft's v2.0 issuer names a tenant
 * (`…/{tid}/v2.0`), and one sign-in service serves every tenant of every world, so the provider's
 * one `issuer` is made to answer for the request in hand: whatever the v2.0 routes and the account
 * lookup set for it, found through oidc-provider's own request context (`Provider.ctx`). Outside a
 * request, and for a request nothing was set for, it is the base.
 */
export class RequestTenancy {
  readonly #byRequest = new WeakMap<IncomingMessage, RequestTenant>();

  /** `base`: where the sign-in service is served, `…/login`. */
  constructor(readonly base: string) {}

  /** Where this request reached the sign-in service: the mock's own `…/login`, or Microsoft's host through the proxy. */
  baseOf(req: IncomingMessage | undefined): string {
    return req && microsoftHostOf(req) ? MICROSOFT_LOGIN : this.base;
  }

  /** Whether this request came through the proxy, where the paths are Microsoft's (`…/oauth2/v2.0/token`). */
  onMicrosoftHost(req: IncomingMessage): boolean {
    return microsoftHostOf(req) !== undefined;
  }

  /** The v2.0 issuer of one tenant (a directory's id, the personal accounts' tenant, or `{tenantid}`), as this request sees it. */
  issuerOf(tenant: string, req?: IncomingMessage): string {
    return `${this.baseOf(req)}/${tenant}/v2.0`;
  }

  /** This request came in on a v2.0 path naming this tenant. */
  cameInOn(req: IncomingMessage, tenant: string): void {
    this.#of(req).pathTenant = tenant;
  }

  /** The `{tenant}` of the v2.0 path this request came in on, if it came in on one. */
  pathTenantOf(req: IncomingMessage): string | undefined {
    return this.#byRequest.get(req)?.pathTenant;
  }

  /** This request asks for a device sign-in at this authority. */
  asksDeviceSignInAt(req: IncomingMessage, authority: string): void {
    this.#of(req).deviceAuthority = authority;
  }

  /** The authority of the device sign-in this request asks for; undefined when it came in on no devicecode path. */
  deviceAuthorityOf(req: IncomingMessage): string | undefined {
    return this.#byRequest.get(req)?.deviceAuthority;
  }

  /** The provider answers this request as this tenant's issuer. */
  answerAs(req: IncomingMessage, tenant: string): void {
    this.#of(req).issuer = this.issuerOf(tenant, req);
  }

  /** Makes the provider's `issuer` answer per request from now on. */
  install(provider: Provider): void {
    Object.defineProperty(provider, 'issuer', {
      configurable: true,
      enumerable: true,
      get: () => {
        const request = Provider.ctx?.req;
        return (request && this.#byRequest.get(request)?.issuer) ?? this.baseOf(request);
      },
    });
  }

  #of(req: IncomingMessage): RequestTenant {
    let tenant = this.#byRequest.get(req);
    if (!tenant) this.#byRequest.set(req, (tenant = {}));
    return tenant;
  }
}

/** A tenant as it may be echoed back. */
const shown = (tenant: string) => echoed(tenant, 64);

/** AADSTS90002 as JSON, where a client (not a browser) asked. */
export function tenantNotFoundJson(res: Response, tenant: string): void {
  res.status(400).json({
    error: 'invalid_tenant',
    error_description: `AADSTS90002: Tenant '${shown(tenant)}' not found.`,
    error_codes: [90002],
  });
}

/** AADSTS90002 as the login service's page, where a browser asked. */
export async function tenantNotFoundPage(res: Response, tenant: string): Promise<void> {
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
