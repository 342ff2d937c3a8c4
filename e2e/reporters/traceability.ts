import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { claimedId, coverageMarkdown, describeGap, trace, type TracedTest } from '../article/traceability.js';

/**
 * The traceability check. Every test that claims article items (`proves(…)`) is matched against
 * the article's steps, rules and pitfalls. With TRACEABILITY=enforce (what `npm test` and the
 * shard merge set for a whole-suite run) a gap fails the run, naming the item, and
 * docs/coverage.md is rewritten; otherwise (a filtered run) it only prints how much was proven.
 */
export default class TraceabilityReporter implements Reporter {
  #root = process.cwd();
  #projects: string[] = [];
  readonly #tests = new Map<string, { test: TestCase; passed: boolean }>();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#root = config.configFile ? path.dirname(config.configFile) : process.cwd();
    // A merged report lists each shard's projects again: keep each name once.
    this.#projects = [...new Set(config.projects.map((project) => project.name))];
    for (const test of suite.allTests()) this.#tests.set(test.id, { test, passed: false });
  }

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.#tests.set(test.id, { test, passed: test.outcome() === 'expected' });
  }

  onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    const traced: TracedTest[] = [...this.#tests.values()].map(({ test, passed }) => ({
      project: test.parent.project()?.name ?? '',
      file: path.basename(test.location.file),
      title: test.titlePath().slice(3).join(' › '),
      passed,
      proves: test.annotations
        .filter((annotation) => annotation.type === 'proves')
        .map((annotation) => claimedId(annotation.description ?? '')),
    }));
    const outcome = trace(traced);
    const proven = outcome.rows.length - outcome.gaps.length;
    const enforce = process.env.TRACEABILITY === 'enforce';
    const problems = [
      ...outcome.gaps.map(describeGap),
      ...outcome.unknownClaims.map((id) => `a test claims ${id}, which is not an article item`),
    ];

    if (!enforce) {
      console.log(
        `traceability: ${proven} of ${outcome.rows.length} article items proven in this run (checked only on a whole-suite run: npm test)`,
      );
      return Promise.resolve(undefined);
    }
    const locales = this.#projects.filter((name) => name === 'en-US' || name === 'zh-TW');
    if (problems.length === 0)
      writeFileSync(path.join(this.#root, 'docs', 'coverage.md'), coverageMarkdown(outcome, locales));
    for (const problem of problems) console.log(`traceability: GAP: ${problem}`);
    console.log(
      `traceability: ${proven} of ${outcome.rows.length} article items proven${problems.length === 0 ? '; docs/coverage.md written' : ''}`,
    );
    return Promise.resolve(problems.length > 0 || result.status !== 'passed' ? { status: 'failed' } : undefined);
  }
}
