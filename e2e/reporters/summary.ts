import { writeFileSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { otherEngines } from '../support/browser.js';

/**
 * Prints the closing line CI reads, `playwright: N passed, N failed, N skipped`, and, when
 * SUMMARY_FILE is set, writes the counts there for `npm test` to add to the other runners'.
 * A test counts once, by its final outcome.
 */
export default class SummaryReporter implements Reporter {
  readonly #outcomes = new Map<string, 'passed' | 'failed' | 'skipped'>();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig): void {
    const projects = new Set(config.projects.map((project) => project.name));
    const missing = otherEngines().missing.filter((name) => !projects.has(name));
    if (missing.length > 0) {
      console.log(`note: no ${missing.join(' or ')} project in this run: Playwright's own ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed here (npx playwright install ${missing.join(' ')} turns ${missing.length > 1 ? 'them' : 'it'} on).`);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const outcome = test.outcome();
    if (result.status === 'interrupted') this.#outcomes.set(test.id, 'failed');
    else if (outcome === 'skipped') this.#outcomes.set(test.id, 'skipped');
    else if (outcome === 'expected') this.#outcomes.set(test.id, 'passed');
    else this.#outcomes.set(test.id, 'failed');
  }

  onEnd(result: FullResult): void {
    const count = (wanted: string) => [...this.#outcomes.values()].filter((outcome) => outcome === wanted).length;
    // A run that stopped early (a failed web server, a time-out) failed even with no failed test.
    const failed = count('failed') + (result.status === 'passed' || count('failed') > 0 ? 0 : 1);
    const totals = { passed: count('passed'), failed, skipped: count('skipped') };
    if (process.env.SUMMARY_FILE) writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(totals));
    console.log(`playwright: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}
