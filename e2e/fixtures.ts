import { test as base, expect, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import { translator, type Translate } from '../mock-portal/src/i18n/index.js';
import type { ArticleLocale } from './article/article.js';
import { pagesOn, type Pages } from './pages/index.js';
import type { MarketingHome } from './pages/marketing-home.js';
import type { PortalSubscriptions } from './pages/portal-subscriptions.js';
import type { SignInPage } from './pages/sign-in.js';
import type { SignUpPage } from './pages/sign-up.js';
import type { SubscriptionBlade } from './pages/subscription-blade.js';
import { collectEvidence } from './support/evidence.js';
import { PASSWORD } from './support/accounts.js';
import { signInOverHttp } from './support/sign-in-over-http.js';
import { TestWorld } from './support/world.js';
import type { WorldArrangement } from '../mock-portal/src/world/arrange.js';
import { WORLD_COOKIE, TEST_API } from '../mock-portal/src/contract.js';

interface Options {
  /** What the test's world already holds when it starts, made through the world's own rules. */
  arrange: WorldArrangement;
  /**
   * Accounts the browser already remembers at the login service when the test starts, signed in
   * in this order (the last one is the provider's current session). Made afresh for every test
   * through the real sign-in pages (over HTTP), because sessions live in the server's memory.
   */
  rememberedAccounts: readonly string[];
  /** The answer those sign-ins give to "Stay signed in?". */
  staySignedIn: boolean;
  /** Make the test's world the n-th picture world: fixed ids, code and clock (e2e/pictures/). */
  pictureWorld: number | undefined;
}

/** The page objects, each on the test's own page, in the project's language; `pagesOn` for any other page. */
interface PageObjects {
  pagesOn: (page: Page) => Pages;
  home: MarketingHome;
  signIn: SignInPage;
  signUp: SignUpPage;
  portal: PortalSubscriptions;
  blade: SubscriptionBlade;
}

interface Fixtures {
  /** This test's own world on the server: made before the test, deleted after it. */
  world: TestWorld;
  /** The project's language ('en-US' or 'zh-TW'). */
  locale: ArticleLocale;
  /** The mock's own catalogue in the project's language, to find elements by their visible names. */
  ui: Translate;
  /**
   * Fails the test on any 5xx response or uncaught page error in any of its browser contexts.
   * When the test fails, for whatever reason, attaches who was signed in (each relying party's
   * session) and where every subscription is. Call it with a further context to watch that one too.
   */
  serverHealth: (context: BrowserContext) => void;
  /** Signs in `rememberedAccounts` before the test; the page then starts where a reader would. */
  signInRememberedAccounts: void;
  /** Opens a new browser context in the same world: a private window, or a second person. */
  privateWindow: () => Promise<Page>;
  /** Closes the browser and opens it again: only persistent cookies survive, as after a restart. */
  restartBrowser: () => Promise<Page>;
  /**
   * Opens the browser of another person, with no world of their own yet: they get one as people
   * browsing by hand do, at their first sign-in or walk. Not this test's world.
   */
  newVisitor: () => Promise<Page>;
  /** A visitor's own world, read through the test-only API once the browser has one. */
  worldOf: (page: Page) => Promise<TestWorld>;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A new browser context whose browser is in this world (a second person in it, or a learner in a picture). */
export async function worldContext(
  browser: Browser,
  baseURL: string,
  worldId: string,
  options: { locale: string; storageState?: StorageState; ignoreHTTPSErrors?: boolean },
): Promise<BrowserContext> {
  const { storageState, ...contextOptions } = options;
  const context = await browser.newContext({ baseURL, ...contextOptions, ...(storageState ? { storageState } : {}) });
  await context.addCookies([{ name: WORLD_COOKIE, value: worldId, url: baseURL }]);
  return context;
}

export const test = base.extend<Fixtures & Options & PageObjects>({
  pagesOn: async ({ ui }, use) => use((page: Page) => pagesOn(page, ui)),
  home: async ({ page, pagesOn }, use) => use(pagesOn(page).home),
  signIn: async ({ page, pagesOn }, use) => use(pagesOn(page).signIn),
  signUp: async ({ page, pagesOn }, use) => use(pagesOn(page).signUp),
  portal: async ({ page, pagesOn }, use) => use(pagesOn(page).portal),
  blade: async ({ page, pagesOn }, use) => use(pagesOn(page).blade),

  arrange: [{}, { option: true }],
  rememberedAccounts: [[], { option: true }],
  staySignedIn: [false, { option: true }],
  pictureWorld: [undefined, { option: true }],

  locale: async ({}, use, testInfo) => {
    const locale = testInfo.project.use.locale;
    await use(locale === 'zh-TW' ? 'zh-TW' : 'en-US');
  },

  ui: async ({ locale }, use) => {
    await use(translator(locale));
  },

  world: [
    async ({ request, context, baseURL, arrange, pictureWorld }, use) => {
      const spec = pictureWorld === undefined ? arrange : { ...arrange, picture: pictureWorld };
      const created = await request.post(`${TEST_API}/worlds`, { data: spec });
      expect(
        created.status(),
        `the server must run in test mode (npm run serve:test), and the spec be reachable: ${await created.text()}`,
      ).toBe(201);
      const { id, subscriptionIds } = (await created.json()) as { id: string; subscriptionIds: string[] };
      await context.addCookies([{ name: WORLD_COOKIE, value: id, url: baseURL ?? 'http://localhost:3100' }]);
      await use(new TestWorld(request, id, subscriptionIds));
      await request.delete(`${TEST_API}/worlds/${id}`);
    },
    { auto: true },
  ],

  signInRememberedAccounts: [
    async ({ context, world: _world, rememberedAccounts, staySignedIn }, use) => {
      for (const account of rememberedAccounts)
        await signInOverHttp(context.request, 'portal', account, PASSWORD, { staySignedIn });
      // The reader arrives at Azure.com fresh: only the login service remembers anyone.
      await context.clearCookies({ name: 'portal.sid' });
      await use();
    },
    { auto: true },
  ],

  privateWindow: async ({ browser, baseURL, world, locale, serverHealth, ignoreHTTPSErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await worldContext(browser, baseURL ?? 'http://localhost:3100', world.id, {
        locale,
        ignoreHTTPSErrors,
      });
      serverHealth(context);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  restartBrowser: async ({ browser, context, baseURL, world, locale, serverHealth }, use) => {
    const reopened: BrowserContext[] = [];
    await use(async () => {
      const state = await context.storageState();
      await context.close();
      // Cookies without an expiry die with the browser session; the world cookie is put back.
      const persistent = { ...state, cookies: state.cookies.filter((cookie) => cookie.expires > 0) };
      const next = await worldContext(browser, baseURL ?? 'http://localhost:3100', world.id, {
        locale,
        storageState: persistent,
      });
      serverHealth(next);
      reopened.push(next);
      return next.newPage();
    });
    await Promise.all(reopened.map((each) => each.close()));
  },

  newVisitor: async ({ browser, baseURL, locale, serverHealth }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL: baseURL ?? 'http://localhost:3100', locale });
      serverHealth(context);
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },

  worldOf: async ({ request }, use) => {
    await use(async (page) => {
      let id: string | undefined;
      await expect
        .poll(async () => {
          id = (await page.context().cookies()).find((cookie) => cookie.name === WORLD_COOKIE)?.value;
          return id;
        }, 'the browser has a world of its own')
        .toBeTruthy();
      return new TestWorld(request, id ?? '');
    });
  },

  serverHealth: [
    async ({ context, world }, use, testInfo) => {
      const problems: string[] = [];
      const contexts: BrowserContext[] = [];
      const onResponse = (response: Response) => {
        if (response.status() >= 500)
          problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      };
      const watchPage = (page: Page) => {
        page.on('response', onResponse);
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      };
      const watchContext = (watched: BrowserContext) => {
        contexts.push(watched);
        watched.pages().forEach(watchPage);
        watched.on('page', watchPage);
      };
      watchContext(context);
      await use(watchContext);
      if (problems.length > 0)
        await testInfo.attach('server problems', { body: problems.join('\n'), contentType: 'text/plain' });
      if (problems.length > 0 || testInfo.status !== testInfo.expectedStatus) {
        // Contexts a test closed (a browser restart) have nothing left to tell.
        const evidence = await collectEvidence(
          contexts.filter((each) => each.pages().length > 0 || each === context),
          world,
        );
        await testInfo.attach('who was signed in (relying-party sessions)', {
          body: JSON.stringify(evidence.signedIn, null, 2),
          contentType: 'application/json',
        });
        await testInfo.attach('where the subscriptions are (placement state)', {
          body: JSON.stringify({ placements: evidence.placements, directories: evidence.directories }, null, 2),
          contentType: 'application/json',
        });
      }
      expect(problems, 'no response may be a 5xx and no page may throw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export { articleStep, attachIdToken, proof } from './support/steps.js';
