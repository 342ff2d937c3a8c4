/**
 * Regenerates the three pictures the article shows, from the mock, in both languages:
 *   1. the sign-in page, 2. the sign-up form, 3. the directory, its users and its subscriptions.
 * Writes docs/article-pictures/<locale>-<n>-<name>.png. Run: npm run article-pictures
 * With BASE_URL set, it photographs that portal (started with --test-mode); otherwise it starts one in-process.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumExecutablePath } from '../e2e/support/browser.js';
import { translator, type Locale } from '../mock-portal/src/i18n/index.js';
import { listen } from '../mock-portal/src/listen.js';
import { walkHappyPath, type Moment } from '../e2e/support/happy-path.js';

const OUT = path.resolve(import.meta.dirname, '..', 'docs', 'article-pictures');

async function picture(page: Page, locale: Locale, name: string, element?: string): Promise<void> {
  const file = path.join(OUT, `${locale}-${name}.png`);
  if (element) await page.locator(element).screenshot({ path: file });
  else await page.screenshot({ path: file });
  console.log(`  docs/article-pictures/${locale}-${name}.png`);
}

/** The article's first two pictures: the sign-in page with the name typed, and the form's first section filled. */
const ARTICLE_PICTURES: Partial<Record<Moment, string>> = { 'user-name': '1-sign-in', 'about-you': '2-sign-up-form' };

async function newWorld(baseUrl: string): Promise<string> {
  const response = await fetch(new URL('/__test__/worlds', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (response.status !== 201)
    throw new Error(
      `${baseUrl} must run in test mode (npm run serve:test): POST /__test__/worlds gave ${response.status}`,
    );
  return ((await response.json()) as { id: string }).id;
}

/** Alice signs in at Start free, is photographed at the sign-in page and the form, signs up, and her directory is drawn. */
async function photograph(browser: Browser, baseUrl: string, locale: Locale): Promise<void> {
  const t = translator(locale);
  const context = await browser.newContext({ baseURL: baseUrl, locale, viewport: { width: 1100, height: 720 } });
  await context.addCookies([{ name: 'mock-world', value: await newWorld(baseUrl), url: baseUrl }]);
  const page = await context.newPage();
  await walkHappyPath(page, t, {
    at: async (moment) => {
      const name = ARTICLE_PICTURES[moment];
      if (!name) return;
      // As the article shows a page: from its top, with no field's focus ring.
      await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0)');
      await picture(page, locale, name);
    },
  });
  await page.goto('/portal/directory-overview');
  await picture(page, locale, '3-directory-users-subscriptions', 'figure.diagram svg');
  await context.close();
}

const external = process.env.BASE_URL;
const running = external ? undefined : await listen({ testMode: true });
const baseUrl = external ?? running?.url ?? '';
await mkdir(OUT, { recursive: true });
const executablePath = chromiumExecutablePath();
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const locale of ['en-US', 'zh-TW'] as const) await photograph(browser, baseUrl, locale);
} finally {
  await browser.close();
  await running?.close();
}
