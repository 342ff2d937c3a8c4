import type { KoaContextWithOIDC } from 'oidc-provider';
import { deviceOutcomePath, ENTER_AGAIN, type DeviceOutcome } from './device-routes.js';
import { renderProviderPage } from './provider-pages.js';

/** Why the code page is shown again, by oidc-provider's name for it. */
const CODE_ERRORS: Readonly<Record<string, string>> = {
  NoCodeError: 'required',
  NotFoundError: 'notFound',
  ExpiredError: 'expired',
  AlreadyUsedError: 'used',
};

/** A code as it may be shown back: what a code can hold, and no longer than one. */
const typedCode = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[^A-Za-z0-9-]/g, '').slice(0, 16) : '';

/** Sends the browser to the page that says how its device sign-in ended. */
function endWith(ctx: KoaContextWithOIDC, outcome: DeviceOutcome, clientId: unknown): void {
  ctx.redirect(typeof clientId === 'string' ? deviceOutcomePath(outcome, clientId) : '/login/devicelogin');
  ctx.status = 303;
}

/** "Enter code": the verification page, with why it is shown again when it is. */
async function codePage(ctx: KoaContextWithOIDC, error: string | undefined, code: unknown): Promise<void> {
  await renderProviderPage(ctx, 'device-code', {
    action: ctx.oidc.urlFor('code_verification'),
    xsrf: (ctx.oidc.session?.state as { secret?: string } | undefined)?.secret ?? '',
    error,
    code: typedCode(code),
  });
  if (error && ctx.method === 'POST') ctx.status = 400;
}

/**
 * The device sign-in's pages, as Microsoft's (microsoft.com/devicelogin): "Enter code", then the
 * sign-in pages, then "Are you trying to sign in to …?" (an interaction page of its own), then
 * "You have signed in to the … application on your device" (or that it did not, after Cancel), at
 * an address of its own. The code page submits its confirmation with the code, so oidc-provider's
 * own confirmation page (before the sign-in) is never needed; a request that leaves it out is
 * shown the code page again.
 */
export const devicePages = {
  async userCodeInputSource(ctx: KoaContextWithOIDC, _form: string, _out?: unknown, err?: Error): Promise<void> {
    if (err?.name === 'AbortedError') {
      // Cancelled on "Are you trying to sign in to …?": the sign-in it resumed names the client.
      const { DeviceCode, Interaction } = ctx.oidc.entities;
      endWith(ctx, 'cancelled', DeviceCode?.clientId ?? Interaction?.params.client_id);
      return;
    }
    const again = ENTER_AGAIN in ctx.query;
    const error = err ? (CODE_ERRORS[err.name] ?? 'other') : again ? 'other' : undefined;
    await codePage(ctx, error, (err as { userCode?: unknown } | undefined)?.userCode);
  },

  async userCodeConfirmSource(
    ctx: KoaContextWithOIDC,
    _form: string,
    _client: unknown,
    _info: unknown,
    userCode: string,
  ) {
    await codePage(ctx, undefined, userCode);
  },

  successSource(ctx: KoaContextWithOIDC): Promise<void> {
    endWith(ctx, 'signed-in', ctx.oidc.client?.clientId);
    return Promise.resolve();
  },
};
