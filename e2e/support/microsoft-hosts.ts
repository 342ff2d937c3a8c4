import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { servedSpki } from '../../testkit/proxy-client.js';
import { chromiumExecutablePath } from './browser.js';

/**
 * A Chromium started as `npm start` says, for Microsoft's own host names: the mock as its proxy
 * (set on each context), and the key the mock answers them with trusted
 * (`--ignore-certificate-errors-spki-list`). Each test closes its own.
 */
export async function chromiumOnMicrosoftHosts(mock: string): Promise<Browser> {
  const executablePath = chromiumExecutablePath();
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [`--ignore-certificate-errors-spki-list=${await servedSpki(mock, 'login.microsoftonline.com')}`],
  });
}

/**
 * A browser context of that Chromium that starts at https://azure.microsoft.com/, with the mock
 * at `mock` as its proxy; loopback addresses (where the Azure CLI waits) are not proxied, as in
 * any browser.
 */
export function contextOnMicrosoftHosts(
  browser: Browser,
  mock: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...options,
    proxy: { server: mock, bypass: 'localhost,127.0.0.1' },
    baseURL: 'https://azure.microsoft.com',
  });
}
