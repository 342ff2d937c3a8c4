import { expect, type Locator, type Page } from '@playwright/test';
import type { ArticleLocale } from '../article/article.js';
import { GOOD_CARD, type Card } from '../pages/sign-up.js';

/** Both languages: every picture is taken in each. */
export const LOCALES: readonly ArticleLocale[] = ['en-US', 'zh-TW'];

/**
 * The card the pictures type: the README's, with an expiry year that stays on the form's list
 * until 2040, so that no picture changes when a new year begins.
 */
export const PICTURE_CARD: Card = { ...GOOD_CARD, year: '2040' };

/** A page as a reader sees it at rest: its fonts and images loaded, no field focused, at its top. */
async function atRest(page: Page): Promise<void> {
  // Expressions, not functions: they run in the page, whose DOM types this Node project does not load.
  await page.evaluate('document.activeElement?.blur(); window.scrollTo(0, 0); document.fonts.ready.then(() => true)');
  await expect
    .poll(() => page.evaluate('[...document.images].every((image) => image.complete && image.naturalWidth > 0)'), {
      message: 'every image has loaded',
    })
    .toBe(true);
}

/**
 * Compares this page (all of it) or one element of it with its committed picture in docs/:
 * `docs/screenshots/<locale>-<name>.png` by default. A difference fails the test, naming the
 * picture; `npm run pictures` takes it again on purpose.
 */
export async function picture(
  page: Page,
  locale: ArticleLocale,
  name: string,
  { of, folder = 'screenshots' }: { of?: Locator; folder?: string } = {},
): Promise<void> {
  await atRest(page);
  const file = folder === 'screenshots' ? [folder, `${locale}-${name}.png`] : [folder, locale, `${name}.png`];
  // Soft: a test goes on to its next picture, so that a run names every page that drifted.
  if (of) await expect.soft(of).toHaveScreenshot(file);
  else await expect.soft(page).toHaveScreenshot(file, { fullPage: true });
}
