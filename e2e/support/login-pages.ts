import type { Page, Response } from '@playwright/test';

/** Every page the login service shows (not its redirects: any answer that is not 3xx, refusals included) while `action` runs. */
export async function loginPagesShownDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const shown: string[] = [];
  const onResponse = (response: Response) => {
    const { pathname } = new URL(response.url());
    const isRedirect = response.status() >= 300 && response.status() < 400;
    if (response.request().resourceType() === 'document' && !isRedirect && pathname.startsWith('/login/'))
      shown.push(pathname);
  };
  page.on('response', onResponse);
  await action();
  page.off('response', onResponse);
  return shown;
}
