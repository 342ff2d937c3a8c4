import { test as base, expect, type Page, type Response } from '@playwright/test';
import { translator, type Translate } from '../mock-portal/src/i18n/index.js';
import { stepTitle, type ArticleLocale, type ArticleStep } from './article/article.js';
import { TestWorld } from './support/world.js';

/** The cookie that puts a browser context in its test's own world (see mock-portal/src/http/world-selection.ts). */
const WORLD_COOKIE = 'mock-world';

interface Fixtures {
  /** This test's own world on the server: made before the test, deleted after it. */
  world: TestWorld;
  /** The project's language ('en-US' or 'zh-TW'). */
  locale: ArticleLocale;
  /** The mock's own catalogue in the project's language, to find elements by their visible names. */
  ui: Translate;
  /** Fails the test on any 5xx response or uncaught page error, and attaches what happened. */
  serverHealth: void;
}

export const test = base.extend<Fixtures>({
  locale: async ({}, use, testInfo) => {
    const locale = testInfo.project.use.locale;
    await use(locale === 'zh-TW' ? 'zh-TW' : 'en-US');
  },

  ui: async ({ locale }, use) => {
    await use(translator(locale));
  },

  world: [
    async ({ request, context, baseURL }, use) => {
      const created = await request.post('/__test__/worlds');
      expect(created.status(), 'the server must run in test mode (npm run serve:test)').toBe(201);
      const { id } = (await created.json()) as { id: string };
      await context.addCookies([{ name: WORLD_COOKIE, value: id, url: baseURL ?? 'http://localhost:3100' }]);
      await use(new TestWorld(request, id));
      await request.delete(`/__test__/worlds/${id}`);
    },
    { auto: true },
  ],

  serverHealth: [
    async ({ context }, use, testInfo) => {
      const problems: string[] = [];
      const onResponse = (response: Response) => {
        if (response.status() >= 500) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      };
      const watch = (page: Page) => {
        page.on('response', onResponse);
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use();
      if (problems.length > 0) await testInfo.attach('server problems', { body: problems.join('\n'), contentType: 'text/plain' });
      expect(problems, 'no response may be a 5xx and no page may throw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Runs one of the article's steps as a boxed test.step named after it ("Step 2: Click Start
 * free"), tags the test with the step it proves, and attaches a screenshot of where it ended.
 */
export async function articleStep(page: Page, locale: ArticleLocale, number: ArticleStep['number'], body: () => Promise<void>): Promise<void> {
  const title = stepTitle(number, locale);
  test.info().annotations.push({ type: 'article', description: `step-${number}` });

  await test.step(
    title,
    async () => {
      await body();
      await test.info().attach(title, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    },
    { box: true },
  );
}
