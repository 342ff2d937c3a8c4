import type { CookieClient } from './cookie-client.js';
import { csrfTokenOf, transportOf } from './cookie-client.js';
import { signInThroughPages, type Answer, type SignIn } from './sign-in.js';

/** Microsoft's Azure CLI as Entra ID knows it: a public client that comes back to a loopback port. */
export const AZURE_CLI = {
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  redirectUri: 'http://localhost:8400',
  name: 'Microsoft Azure CLI',
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

/** What the login service answers a device that asks for a code: Microsoft's fields. */
export interface DeviceCodeAnswer {
  readonly device_code: string;
  readonly user_code: string;
  readonly verification_uri: string;
  readonly expires_in: number;
  readonly interval: number;
  readonly message: string;
}

/** Asks for a device code at one tenant, as `az login --use-device-code` does. */
export async function azureCliDeviceCode(
  base: string,
  tenant: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: DeviceCodeAnswer & Record<string, unknown> }> {
  const response = await fetch(new URL(`/login/${tenant}/oauth2/v2.0/devicecode`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ client_id: AZURE_CLI.clientId, ...fields }),
  });
  return { status: response.status, body: (await response.json()) as DeviceCodeAnswer & Record<string, unknown> };
}

/** The "Enter code" page's answer to a typed code, in this client's world. */
export async function typeDeviceCode(client: CookieClient, userCode: string): Promise<Answer> {
  const transport = transportOf(client);
  const page = await transport.get('/login/devicelogin');
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!xsrf) throw new Error('the device login page has no form');
  return transport.post('/login/devicelogin', { xsrf, user_code: userCode, confirm: 'yes' });
}

/**
 * Signs in on another device, as a person does for `az login --use-device-code`: types the code,
 * signs in through the pages (or picks the account already signed in), and answers "Are you trying
 * to sign in to Microsoft Azure CLI?". Returns the last page.
 */
export async function signInWithDeviceCode(
  client: CookieClient,
  userCode: string,
  who: SignIn,
  answer: 'continue' | 'cancel' = 'continue',
): Promise<Answer> {
  const transport = transportOf(client);
  let page = await typeDeviceCode(client, userCode);
  const interaction = /^\/login\/interaction\/[^/?]+/.exec(page.url.pathname)?.[0];
  if (!interaction)
    throw new Error(`expected the sign-in pages after the code, got ${page.url.pathname} (${page.status})`);
  const html = await page.text();
  const tileId = html
    .split('<li class="tile-row">')
    .find((tile) => tile.includes(`>${who.signInName}<`))
    ?.match(/name="accountId" value="([^"]+)"/)?.[1];
  page = tileId
    ? await transport.post(`${interaction}/pick`, { _csrf: csrfTokenOf(html), accountId: tileId })
    : await signInThroughPages(transport, page.url, who);
  const confirm = /^\/login\/interaction\/[^/?]+/.exec(page.url.pathname)?.[0];
  if (!confirm) throw new Error(`expected "Are you trying to sign in…?", got ${page.url.pathname} (${page.status})`);
  return transport.post(`${confirm}/device`, { _csrf: csrfTokenOf(await page.text()), answer });
}
