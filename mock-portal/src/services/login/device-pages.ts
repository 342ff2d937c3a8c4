import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { MICROSOFT_PUBLIC_CLIENTS } from '../../identity-platform/resources.js';
import { ENTER_AGAIN } from './device-routes.js';
import { renderProviderPage } from './provider-pages.js';

/** Why the code page is shown again, by oidc-provider's name for it. */
const CODE_ERRORS: Readonly<Record<string, string>> = {
  NoCodeError: 'required',
  NotFoundError: 'notFound',
  ExpiredError: 'expired',
  AlreadyUsedError: 'used',
};

/**
 * The last page of a device sign-in has nothing to show again: reloading it in another language
 * would resume a sign-in already over ("this code has already been used").
 */
const WITHOUT_LANGUAGE_LINKS = { languageLinks: [] };

/** A code as it may be shown back: what a code can hold, and no longer than one. */
const typedCode = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[^A-Za-z0-9-]/g, '').slice(0, 16) : '';

/** The name of the application a device sign-in is for, as its pages show it. */
export async function applicationName(provider: Provider, clientId: unknown): Promise<string> {
  if (typeof clientId !== 'string') return '';
  const known = MICROSOFT_PUBLIC_CLIENTS.find((client) => client.clientId === clientId);
  return known?.name ?? (await provider.Client.find(clientId))?.clientName ?? clientId;
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
 * "You have signed in to the … application on your device". The code page submits its
 * confirmation with the code, so oidc-provider's own confirmation page (before the sign-in) is
 * never needed; a request that leaves it out is shown the code page again.
 */
export const devicePages = {
  async userCodeInputSource(ctx: KoaContextWithOIDC, _form: string, _out?: unknown, err?: Error): Promise<void> {
    if (err?.name === 'AbortedError') {
      // Cancelled on "Are you trying to sign in to …?": the sign-in it resumed names the client.
      const { DeviceCode, Interaction } = ctx.oidc.entities;
      const clientId = DeviceCode?.clientId ?? Interaction?.params.client_id;
      await renderProviderPage(ctx, 'device-done', {
        app: await applicationName(ctx.oidc.provider, clientId),
        declined: true,
        ...WITHOUT_LANGUAGE_LINKS,
      });
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

  async successSource(ctx: KoaContextWithOIDC): Promise<void> {
    const app = await applicationName(ctx.oidc.provider, ctx.oidc.client?.clientId);
    await renderProviderPage(ctx, 'device-done', { app, declined: false, ...WITHOUT_LANGUAGE_LINKS });
  },
};
