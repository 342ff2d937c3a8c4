import type { Page, Response } from '@playwright/test';

/** Every page the login service shows (not its redirects) while `action` runs. */
export async function loginPagesShownDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const shown: string[] = [];
  const onResponse = (response: Response) => {
    const { pathname } = new URL(response.url());
    if (response.request().resourceType() === 'document' && response.status() === 200 && pathname.startsWith('/login/'))
      shown.push(pathname);
  };
  page.on('response', onResponse);
  await action();
  page.off('response', onResponse);
  return shown;
}
