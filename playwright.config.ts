import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { commandInstalled } from './testkit/commands.js';
import { chromiumExecutablePath, otherEngines } from './e2e/support/browser.js';
import { TRAINER_KEY } from './e2e/support/trainer-key.js';
import {
  EXAMPLE_APP_PORT,
  EXAMPLE_APP_URL,
  extraCertificatesWithTestCertificate,
  TEST_CERTIFICATE,
  writeClientsFile,
  YOUR_APP_PORT,
  YOUR_APP_PORTAL,
} from './e2e/support/your-app.js';

const port = Number(process.env.MOCK_PORTAL_PORT ?? 3100);
/** Set BASE_URL to test a portal that is already running elsewhere (in test mode); none is started then. */
const externalBaseUrl = process.env.BASE_URL;
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;
/**
 * The pictures have a server of their own: the trainer's picture shows every world its server
 * holds, so no other test's world may be there. None when BASE_URL names a portal elsewhere.
 */
const picturesURL = `http://localhost:${port + 1}`;
const executablePath = chromiumExecutablePath();
const launchOptions = executablePath ? { executablePath } : {};
const engines = otherEngines();
/** Tests tagged @phone also run on a phone-sized Chromium: the article's happy path and the trap. */
const PHONE = /@phone/;
/**
 * The specs whose outcome language can change: the article walk, the traps, wording, accessibility
 * and error pages. They run in zh-TW too; the others check logic that no language touches, once.
 */
const LANGUAGE_SENSITIVE = [
  'article-steps',
  'pitfall-1-two-accounts',
  'pitfall-2-work-or-personal',
  'pitfall-3-already-signed-in',
  'eligibility',
  'sign-in-errors',
  'sign-in-pages',
  'scenarios-and-language',
  'accessibility',
  'worlds-and-training',
  'classes',
  'your-app',
  'microsoft-addresses',
].map((name) => `**/${name}.spec.ts`);

// Your app (MSAL in the test workers) trusts the HTTPS server's test certificate the way the README
// tells people to: NODE_EXTRA_CA_CERTS, read when a process starts, so set here before the workers are.
const runner = process.env.TEST_WORKER_INDEX === undefined;
if (runner) process.env.NODE_EXTRA_CA_CERTS = extraCertificatesWithTestCertificate(process.env.NODE_EXTRA_CA_CERTS);

/** Specs that need the HTTPS mock and the example app this config starts: none with BASE_URL. */
const NEEDS_OWN_SERVERS = externalBaseUrl ? ['**/your-app*.spec.ts'] : [];

/** Every picture's width, and the height of its first screen. */
const PICTURE_SIZE = { width: 1280, height: 800 };

export default defineConfig({
  testDir: './e2e/specs',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // One worker per core: with set-up over HTTP, two workers on two cores ran the suite in 4.1 min
  // against 4.7 with one (the opposite of the older, browser-heavier suite). WORKERS overrides.
  workers: process.env.WORKERS ? Number(process.env.WORKERS) : availableParallelism(),
  reporter: [
    ['list'],
    ['html', { open: 'never' }],
    ['./e2e/reporters/traceability.ts'],
    ['./e2e/reporters/summary.ts'],
  ],
  expect: {
    // A picture drifts when more than one pixel in a thousand changes beyond anti-aliasing.
    toHaveScreenshot: { maxDiffPixelRatio: 0.001, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  use: {
    baseURL,
    // A trace costs about a fifth of a test's time; a failure already attaches a screenshot, who was
    // signed in and where the subscriptions are. To trace a failing test: --trace on.
    trace: 'off',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'en-US',
      testIgnore: NEEDS_OWN_SERVERS,
      use: { ...devices['Desktop Chrome'], locale: 'en-US', timezoneId: 'America/Los_Angeles', launchOptions },
    },
    {
      name: 'zh-TW',
      testMatch: LANGUAGE_SENSITIVE,
      testIgnore: NEEDS_OWN_SERVERS,
      use: { ...devices['Desktop Chrome'], locale: 'zh-TW', timezoneId: 'Asia/Taipei', launchOptions },
    },
    {
      name: 'phone',
      grep: PHONE,
      use: { ...devices['Pixel 7'], locale: 'en-US', timezoneId: 'America/Los_Angeles', launchOptions },
    },
    // Every picture of the docs, compared with the committed one: a page that changed fails here,
    // named; `npm run pictures` takes them again on purpose (docs/testing.md).
    ...(externalBaseUrl
      ? []
      : [
          {
            name: 'pictures',
            testDir: './e2e/pictures',
            workers: 1,
            snapshotPathTemplate: '{testDir}/../../docs/{arg}{ext}',
            use: {
              ...devices['Desktop Chrome'],
              baseURL: picturesURL,
              viewport: PICTURE_SIZE,
              timezoneId: 'America/Los_Angeles',
              launchOptions,
            },
          },
        ]),
    // The Azure CLI's proofs, with the machine's own `az` (setup installs Debian's as root); where it
    // is missing, the summary says they did not run, and CI counts that as a failure.
    ...(commandInstalled('az') && !externalBaseUrl
      ? [
          {
            name: 'azure-cli',
            testDir: './e2e/azure-cli',
            use: { ...devices['Desktop Chrome'], locale: 'en-US', timezoneId: 'America/Los_Angeles', launchOptions },
          },
        ]
      : []),
    // Two portal processes on one Redis behind one address, in a real Chromium (setup installs
    // redis-server as root); where it is missing, the summary says so, and CI counts a failure.
    ...(commandInstalled('redis-server') && !externalBaseUrl
      ? [
          {
            name: 'many-processes',
            testDir: './e2e/many-processes',
            use: { ...devices['Desktop Chrome'], locale: 'en-US', timezoneId: 'America/Los_Angeles', launchOptions },
          },
        ]
      : []),
    // Where Playwright's own Firefox and WebKit are installed, the same @phone walk runs in them;
    // elsewhere the summary reporter says they were left out, and why.
    ...(engines.present.includes('firefox')
      ? [{ name: 'firefox', grep: PHONE, use: { ...devices['Desktop Firefox'], locale: 'en-US' } }]
      : []),
    ...(engines.present.includes('webkit')
      ? [{ name: 'webkit', grep: PHONE, use: { ...devices['Desktop Safari'], locale: 'en-US' } }]
      : []),
  ],
  webServer: externalBaseUrl
    ? undefined
    : [testServer(port), testServer(port + 1), ...(runner ? [yourAppServer(), exampleApp()] : [])],
});

function testServer(on: number, https = false, env: Record<string, string> = {}) {
  return {
    command: `node --import tsx mock-portal/src/main.ts --test-mode${https ? ' --https' : ''}`,
    url: `${https ? 'https' : 'http'}://localhost:${on}/healthz`,
    ignoreHTTPSErrors: https,
    // Every test comes from this one address, and a class's tests make worlds by the dozen through
    // the pages: the per-address limit (tested on a server of its own) must not decide a test.
    env: {
      PORT: String(on),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      TRAINER_KEY,
      NEW_WORLDS_PER_ADDRESS: '100000',
      ...env,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

/** The mock over HTTPS with applications registered, as `npm start -- --https` with MOCK_CLIENTS serves it. */
function yourAppServer() {
  return testServer(YOUR_APP_PORT, true, {
    TLS_CERT: TEST_CERTIFICATE.cert,
    TLS_KEY: TEST_CERTIFICATE.key,
    MOCK_CLIENTS: writeClientsFile(),
  });
}

/** examples/your-app, started as its README says (NODE_EXTRA_CA_CERTS is this process's, above). */
function exampleApp() {
  return {
    command: 'node --import tsx examples/your-app/app.ts',
    url: `${EXAMPLE_APP_URL}/`,
    env: { PORT: String(EXAMPLE_APP_PORT), AUTHORITY: `${YOUR_APP_PORTAL}/login/common` },
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}
