import type { Account } from '../world/model.js';
import type { MicrosoftResource } from './resources.js';

/** The directory role template id Microsoft's tokens carry in `wids` for a Global administrator. */
const GLOBAL_ADMINISTRATOR_TEMPLATE = '62e90394-69f5-4237-9190-012177145e10';

/** Where version 1.0 tokens (those of Resource Manager and Graph) say they come from. */
export const v1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

export interface AccessTokenFacts {
  readonly account: Account;
  /** The directory the token is for (`tid`): the one its request named, or the account's home. */
  readonly tenantId: string;
  readonly resource: MicrosoftResource;
  readonly clientId: string;
  /** Whether the client proved itself with a secret (`appidacr` 1) or is a public client (0). */
  readonly confidentialClient: boolean;
  readonly issuedAt: number;
  readonly expiresAt: number;
  readonly tokenId: string;
}

/**
 * An access token for Resource Manager or Graph, shaped as Microsoft's version 1.0 tokens are
 * (both APIs still get 1.0 tokens, whichever endpoint issued them): `unique_name` always, `upn`
 * for work accounts, `idp` and a `live.com#` name for personal ones, `wids` for directory roles
 * in the token's tenant.
 */
export function accessTokenClaims(facts: AccessTokenFacts): Record<string, unknown> {
  const { account, tenantId } = facts;
  const personal = account.kind === 'personal';
  const roles = account.directoryRoles.filter((role) => role.directoryId === tenantId);
  return {
    aud: facts.resource.audience,
    iss: v1Issuer(tenantId),
    iat: facts.issuedAt,
    nbf: facts.issuedAt,
    exp: facts.expiresAt,
    acr: '1',
    amr: ['pwd'],
    appid: facts.clientId,
    appidacr: facts.confidentialClient ? '1' : '0',
    family_name: account.surname,
    given_name: account.givenName,
    ...(personal ? { idp: 'live.com' } : {}),
    idtyp: 'user',
    name: account.displayName,
    oid: account.id,
    scp: facts.resource.delegated,
    sub: account.id,
    tid: tenantId,
    unique_name: personal ? `live.com#${account.signInName}` : account.signInName,
    ...(personal ? {} : { upn: account.signInName }),
    uti: facts.tokenId,
    ver: '1.0',
    ...(roles.length > 0 ? { wids: roles.map(() => GLOBAL_ADMINISTRATOR_TEMPLATE) } : {}),
  };
}
