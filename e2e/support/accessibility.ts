import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LOCALES, translator } from '../../mock-portal/src/i18n/index.js';
import { zhTwSpacingProblems } from '../../mock-portal/src/i18n/typography.js';

const BLOCKING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const onlyBlocking = (violations: Violation[]) =>
  violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));

/** The serious and critical violations on the page as it is now. */
export async function blockingViolations(page: Page): Promise<Violation[]> {
  return onlyBlocking((await new AxeBuilder({ page }).analyze()).violations);
}

/** Every page offers every shipped language at its foot, each by its own name. */
export async function expectLanguageSwitcher(page: Page, pageName: string): Promise<void> {
  const switcher = page.getByRole('contentinfo').getByRole('navigation');
  for (const locale of LOCALES)
    await expect(
      switcher.getByRole('link', { name: translator(locale)('lang.name'), exact: true }),
      `the language switcher on ${pageName} offers ${locale}`,
    ).toBeVisible();
}

/** A zh-TW page leaves no space out between Chinese and Latin text, wherever its data stands. */
async function expectZhTwSpacing(page: Page, pageName: string): Promise<void> {
  const { lang, text } = await page.evaluate<{ lang: string; text: string }>(
    '({ lang: document.documentElement.lang, text: document.body.innerText })',
  );
  if (lang !== 'zh-TW') return;
  expect
    .soft(zhTwSpacingProblems(text, 'missing'), `Chinese beside Latin text on ${pageName} (${page.url()})`)
    .toEqual([]);
}

/**
 * Checks that the named page is the one showing (`showing`: a locator only that page has) and that
 * it offers both languages (above), then scans it as it is now with axe-core and fails (softly, so one test can scan a whole
 * flow) on any serious or critical violation, naming the rule, its help text and the elements.
 * Minor and moderate findings are attached to the report, not failed on.
 */
export async function expectAccessible(page: Page, pageName: string, showing?: Locator): Promise<void> {
  if (showing) await expect(showing, `${pageName} is the page showing`).toBeVisible();
  await expectLanguageSwitcher(page, pageName);
  await expectZhTwSpacing(page, pageName);

  // One boxed step in the report, not a dozen of axe's own page evaluations.
  const results = await test.step(`axe scan: ${pageName}`, () => new AxeBuilder({ page }).analyze(), { box: true });

  const blocking = onlyBlocking(results.violations);
  const described = blocking.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n    at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  if (results.violations.length > 0) {
    const findings = results.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      targets: nodes.map((node) => node.target.join(' ')),
    }));
    await test
      .info()
      .attach(`axe: ${pageName}`, { body: JSON.stringify(findings, null, 2), contentType: 'application/json' });
  }
  expect.soft(described, `serious or critical accessibility violations on ${pageName} (${page.url()})`).toEqual([]);
}
