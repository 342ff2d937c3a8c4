import type { CookieClient } from './cookie-client.js';
import { transportOf } from './cookie-client.js';
import { signInThroughPages } from './sign-in.js';

/** Microsoft's Azure CLI as Entra ID knows it: a public client that comes back to a loopback port. */
export const AZURE_CLI = {
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  redirectUri: 'http://localhost:8400',
} as const;

/**
 * Signs in through the login pages as the Azure CLI's browser sign-in does (no PKCE, a loopback
 * redirect, `offline_access`), in this client's world, and returns the code it came back with. A
 * client already signed in comes back at once, as a browser does.
 */
export async function azureCliCode(
  client: CookieClient,
  options: { tenant: string; scope: string; signInName: string; password: string },
): Promise<string> {
  const query = new URLSearchParams({
    client_id: AZURE_CLI.clientId,
    response_type: 'code',
    redirect_uri: AZURE_CLI.redirectUri,
    scope: `${options.scope} openid profile offline_access`,
    state: 'azure-cli',
  });
  const back = (next: URL) => next.origin === AZURE_CLI.redirectUri;
  const start = `/login/${options.tenant}/v2.0/authorize?${query.toString()}`;
  // A browser already signed in comes straight back; any other signs in through the pages.
  const silently = await transportOf(client, back).get(start);
  const { url } = back(silently.url)
    ? silently
    : await signInThroughPages(transportOf(client, back), start, {
        signInName: options.signInName,
        password: options.password,
      });
  const code = url.searchParams.get('code');
  if (!back(url) || !code) throw new Error(`expected the loopback with a code, got ${url.href}`);
  return code;
}

/** A token request at one tenant's v2.0 token endpoint, as the CLI makes it. */
export async function azureCliToken(
  base: string,
  tenant: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(new URL(`/login/${tenant}/v2.0/token`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: AZURE_CLI.clientId, ...fields }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}
