import { chromium, type Browser } from '@playwright/test';
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
