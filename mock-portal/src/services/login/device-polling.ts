import { createHash } from 'node:crypto';
import type { Adapter, KoaContextWithOIDC } from 'oidc-provider';
import { pageLocalsOf } from './provider-pages.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The same grant as MSAL names it (`grant_type=device_code`), which Microsoft's token endpoint also takes. */
export const MSAL_DEVICE_CODE_GRANT = 'device_code';

const DEVICE_CODE_GRANTS = new Set([DEVICE_CODE_GRANT, MSAL_DEVICE_CODE_GRANT]);

/** Seconds a device waits between two polls of the token endpoint, as Microsoft's answer says. */
export const POLLING_INTERVAL = 5;

interface Answer {
  readonly error: string;
  readonly code: number;
  readonly description: string;
}

/** oidc-provider's answer to a device's poll, by its error, as Microsoft's token endpoint words it. */
const MICROSOFT_ANSWERS: Readonly<Record<string, Answer>> = {
  authorization_pending: {
    error: 'authorization_pending',
    code: 70016,
    description: 'The user has not signed in with this code yet. Keep polling.',
  },
  slow_down: {
    error: 'slow_down',
    code: 70016,
    description: `Polled too soon: wait ${POLLING_INTERVAL} seconds between polls. The user has not signed in with this code yet.`,
  },
  access_denied: {
    error: 'authorization_declined',
    code: 65004,
    description: 'The user declined the sign-in on the device login page.',
  },
  expired_token: {
    error: 'expired_token',
    code: 70020,
    description: "The provided value for 'device_code' is not valid: this device code has expired.",
  },
  invalid_grant: {
    error: 'bad_verification_code',
    code: 70000,
    description: "The provided value for 'device_code' is not valid: no such code, or it was already redeemed.",
  },
};

/** A device code as the pace of its polls is kept: never the code itself. */
const paceKey = (deviceCode: string) => createHash('sha256').update(deviceCode).digest('base64url');

/**
 * The token endpoint's answers to a device that polls, as Microsoft's: `authorization_pending`
 * until the user has signed in, `authorization_declined` after Cancel, `expired_token`, and
 * `bad_verification_code` for a code it never issued or already redeemed, each with its AADSTS
 * code. A poll sooner than the interval after the last one is answered `slow_down` (RFC 8628), so
 * a device that hammers the endpoint learns to wait; when each poll came is kept in the provider's
 * own storage, for as long as the interval.
 */
export function microsoftDevicePolling(polls: Adapter) {
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const params = ctx.oidc?.params;
    const body = ctx.body as { error?: unknown } | undefined;
    const grant = params?.grant_type;
    if (ctx.oidc?.route !== 'token' || typeof grant !== 'string' || !DEVICE_CODE_GRANTS.has(grant)) return;
    if (typeof body?.error !== 'string') return;
    let error = body.error;
    if (error === 'authorization_pending' && typeof params?.device_code === 'string') {
      const key = paceKey(params.device_code);
      if (await polls.find(key)) error = 'slow_down';
      await polls.upsert(key, {}, POLLING_INTERVAL);
    }
    const answer = MICROSOFT_ANSWERS[error];
    if (!answer) return;
    ctx.body = {
      error: answer.error,
      error_description: `AADSTS${answer.code}: ${answer.description}`,
      error_codes: [answer.code],
    };
  };
}

/**
 * Microsoft's answer to a device's request for a code: the one verification page (whichever
 * tenant's path the device asked at), the interval to poll at, the sentence a tool prints (in the
 * language the request asked for), and no `verification_uri_complete`, which Microsoft does not send.
 */
export function asMicrosoftDeviceAuthorization(
  ctx: KoaContextWithOIDC,
  body: Record<string, unknown>,
  verificationUri: string,
): void {
  const { t } = pageLocalsOf(ctx);
  delete body.verification_uri_complete;
  body.verification_uri = verificationUri;
  body.interval = POLLING_INTERVAL;
  body.message = t('login.device.message', { uri: verificationUri, code: String(body.user_code) });
}
