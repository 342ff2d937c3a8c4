// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import playwright from 'eslint-plugin-playwright';
import tseslint from 'typescript-eslint';

const SRC = './mock-portal/src';
const SERVICES = ['login', 'signup', 'portal', 'marketing', 'trainer', 'classroom', 'management', 'graph'];

/**
 * The layers, as import rules: the domain imports nothing else of ours; the cross-cutting HTTP
 * layer knows no service; no service imports another (the relying party is shared by signup and
 * portal, as a library); the suite sees the app's domain and messages, never its HTTP internals.
 */
const LAYERS = [
  {
    target: `${SRC}/world`,
    from: [
      `${SRC}/http`,
      `${SRC}/store`,
      `${SRC}/services`,
      `${SRC}/i18n`,
      `${SRC}/identity-platform`,
      `${SRC}/proxy`,
      `${SRC}/server.ts`,
      `${SRC}/listen.ts`,
      './e2e',
      './scripts',
    ],
    message: 'world/ is the domain: plain TypeScript that knows nothing of HTTP, services or tests.',
  },
  {
    target: `${SRC}/http`,
    from: `${SRC}/services`,
    message: 'http/ is cross-cutting: a service passes what http/ needs, http/ never reaches into a service.',
  },
  ...SERVICES.map((service) => ({
    target: `${SRC}/services/${service}`,
    from: SERVICES.filter((other) => other !== service).map((other) => `${SRC}/services/${other}`),
    message: 'Services never import each other: they meet only through the login service, over OpenID Connect.',
  })),
  {
    target: `${SRC}/services/relying-party`,
    from: SERVICES.map((service) => `${SRC}/services/${service}`),
    message: 'The relying party is a library that signup and portal mount: it knows no service.',
  },
  {
    target: `${SRC}/identity-platform`,
    from: [`${SRC}/services`, `${SRC}/http`, `${SRC}/store`],
    message:
      "identity-platform/ is Microsoft's identity platform as facts and checks (resources, token shapes): services use it, it uses no service.",
  },
  {
    target: `${SRC}/proxy`,
    from: [`${SRC}/services`, `${SRC}/http`, `${SRC}/store`, `${SRC}/world`, `${SRC}/identity-platform`],
    message:
      'proxy/ hands a tunnel to the app and certificate it is given: it knows no service, middleware, store or domain.',
  },
  {
    target: `${SRC}/microsoft-hosts.ts`,
    from: [
      `${SRC}/services`,
      `${SRC}/http`,
      `${SRC}/store`,
      `${SRC}/world`,
      `${SRC}/proxy`,
      `${SRC}/identity-platform`,
    ],
    message: "microsoft-hosts.ts is the table of Microsoft's host names: it imports nothing of ours.",
  },
  {
    target: [`${SRC}/store`, `${SRC}/i18n`, `${SRC}/views`],
    from: [`${SRC}/http`, `${SRC}/services`],
    message: 'store/, i18n/ and views/ serve the services: they import no service and no middleware.',
  },
  {
    target: SRC,
    from: ['./testkit', './mock-portal/test', './e2e', './scripts'],
    message: 'The app never imports the test kit, the tests or the scripts.',
  },
  {
    target: ['./e2e', './scripts', './testkit'],
    from: './mock-portal/test',
    message: "What a client of the mock needs is in testkit/: the unit tests are nobody else's library.",
  },
  {
    target: './testkit',
    from: [`${SRC}/http`, `${SRC}/services`, `${SRC}/store`, `${SRC}/server.ts`, `${SRC}/main.ts`],
    message:
      'The test kit talks to the mock as a client does: its contract (contract.ts) and its domain, nothing inside.',
  },
  {
    target: './e2e',
    from: [`${SRC}/http`, `${SRC}/services`, `${SRC}/server.ts`, `${SRC}/listen.ts`, `${SRC}/main.ts`],
    message:
      'The suite drives the app through its pages and its test-only API; it imports only the domain and the messages.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'playwright-report/',
      'test-results/',
      'blob-report/',
      '.stryker-tmp/',
      'reports/',
      'eslint.config.js',
      'scripts/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
    },
  },
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The browser scripts: plain JavaScript, linted without type information.
    files: ['mock-portal/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { document: 'readonly', fetch: 'readonly', navigator: 'readonly', setInterval: 'readonly' },
    },
  },
  {
    files: ['mock-portal/test/**/*.ts', 'e2e/**/*.test.ts'],
    rules: {
      // node:test's describe and it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test'], package: 'node:test' }] },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-wait-for-timeout': 'error',
      'playwright/no-skipped-test': 'error',
      'playwright/no-force-option': 'error',
      'playwright/no-focused-test': 'error',
      'playwright/expect-expect': [
        'error',
        {
          assertFunctionNames: ['expectAccessible', 'expectEachAccessible', 'picture'],
          // A page object's assertions (`portal.assertRows`): names here are exact, patterns regular expressions.
          assertFunctionPatterns: ['^assert[A-Z]'],
        },
      ],
      'playwright/prefer-web-first-assertions': 'error',
      'playwright/no-useless-await': 'error',
      'playwright/no-useless-not': 'error',
      'playwright/valid-expect': 'error',
      'playwright/valid-title': 'error',
      'playwright/no-conditional-in-test': 'error',
      'playwright/no-conditional-expect': 'error',
      'playwright/no-standalone-expect': 'error',
      'playwright/missing-playwright-await': 'error',
      'playwright/no-element-handle': 'error',
      'playwright/no-eval': 'error',
      'playwright/no-page-pause': 'error',
      'playwright/no-networkidle': 'error',
      'playwright/prefer-to-have-count': 'error',
      'playwright/prefer-to-have-length': 'error',
      'playwright/no-raw-locators': 'error',
    },
  },
);
