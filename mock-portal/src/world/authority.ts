import { isUserOf } from './membership.js';
import { PERSONAL_ACCOUNT_TENANT_ID, type Account, type Directory } from './model.js';
import { tenantIdOf } from './placement.js';

/**
 * Who an authority (`/login/{tenant}/v2.0`) signs in: anyone (`common`), work and school accounts
 * (`organizations`), personal Microsoft accounts (`consumers`), or the users of one directory.
 */
export type Authority =
  | { readonly kind: 'common' | 'organizations' | 'consumers' }
  | { readonly kind: 'directory'; readonly directoryId: string };

/** Why an authority refuses an account, as Microsoft's sign-in page codes it. */
export type AuthorityRefusal =
  /** The account is not a user (member or guest) of the authority's directory, or is a work account at `consumers`. */
  | 'AADSTS50020'
  /** A personal account at `organizations`. */
  | 'AADSTS500200';

export type Admission =
  | {
      readonly admitted: true;
      /** The `tid` of the tokens issued: the directory the account signs in to. */ readonly tenantId: string;
    }
  | { readonly admitted: false; readonly refusal: AuthorityRefusal };

/** The issuer's tenant segment of a document that serves many tenants: each token says its own. */
export const TENANT_TEMPLATE = '{tenantid}';

const SHARED = new Set(['common', 'organizations', 'consumers']);

/**
 * The authority a path's `{tenant}` names, looked up among these directories: `common`,
 * `organizations`, `consumers` (or the personal accounts' own tenant id), a directory's id, or any
 * of its domains; any case. Undefined for a tenant that does not exist.
 */
export function authorityNamed(tenant: string, directories: Iterable<Directory>): Authority | undefined {
  const name = tenant.toLowerCase();
  if (SHARED.has(name)) return { kind: name as 'common' | 'organizations' | 'consumers' };
  if (name === PERSONAL_ACCOUNT_TENANT_ID) return { kind: 'consumers' };
  for (const directory of directories) {
    const domains = [directory.initialDomain, ...directory.verifiedDomains];
    if (directory.id.toLowerCase() === name || domains.some((domain) => domain.toLowerCase() === name))
      return { kind: 'directory', directoryId: directory.id };
  }
  return undefined;
}

/** The authority as one path segment that names it in every world: its kind, or its directory's id. */
export function authoritySegment(authority: Authority): string {
  return authority.kind === 'directory' ? authority.directoryId : authority.kind;
}

/**
 * The tenant in the issuer of the authority's discovery document: one directory's id, the personal
 * accounts' tenant for `consumers`, or the template for `common` and `organizations`.
 */
export function issuerTenantOf(authority: Authority): string {
  if (authority.kind === 'directory') return authority.directoryId;
  return authority.kind === 'consumers' ? PERSONAL_ACCOUNT_TENANT_ID : TENANT_TEMPLATE;
}

/** Whether the authority signs this account in, and to which tenant. */
export function admission(authority: Authority, account: Account): Admission {
  const home = tenantIdOf(account);
  switch (authority.kind) {
    case 'directory':
      return isUserOf(account, authority.directoryId)
        ? { admitted: true, tenantId: authority.directoryId }
        : { admitted: false, refusal: 'AADSTS50020' };
    case 'organizations':
      return account.kind === 'work' && home
        ? { admitted: true, tenantId: home }
        : { admitted: false, refusal: 'AADSTS500200' };
    case 'consumers':
      return account.kind === 'personal'
        ? { admitted: true, tenantId: PERSONAL_ACCOUNT_TENANT_ID }
        : { admitted: false, refusal: 'AADSTS50020' };
    case 'common':
      return home ? { admitted: true, tenantId: home } : { admitted: false, refusal: 'AADSTS50020' };
  }
}
