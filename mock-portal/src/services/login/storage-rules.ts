/** What every storage of oidc-provider's models keeps to, in memory or in Redis. */

/** The models that belong to a grant and go when it is revoked; never Interaction or Session. */
export const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

/**
 * How long a device code is kept after it has expired: a device that polls late hears
 * `expired_token`, and a person who types it late "this code has expired", rather than "no such code".
 */
const DEVICE_CODE_KEPT_AFTER_EXPIRY = 15 * 60;

/** How many seconds an entry is kept for: its own lifetime, and for a device code a while after. */
export function keptFor(model: string, expiresIn: number | undefined): number | undefined {
  if (!expiresIn) return undefined;
  return model === 'DeviceCode' ? expiresIn + DEVICE_CODE_KEPT_AFTER_EXPIRY : expiresIn;
}
