import { writeFileSync } from 'node:fs';
import type { FullConfig, FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { commandInstalled } from '../../testkit/commands.js';
import { otherEngines } from '../support/browser.js';

type Outcome = 'passed' | 'failed' | 'skipped';

/** Projects that need a tool a machine may lack: where it is missing, they are named, never counted as passed. */
const TOOL_PROOFS = [
  {
    project: 'azure-cli',
    command: 'az',
    proofs: 'the Azure CLI proofs',
    missing:
      'the Azure CLI (az) is not installed here (sudo apt-get install azure-cli, on Debian or Ubuntu, turns them on)',
  },
  {
    project: 'many-processes',
    command: 'redis-server',
    proofs: 'the proofs of several processes on Redis in a browser',
    missing: 'redis-server is not installed here (sudo apt-get install redis-server turns them on)',
  },
];

/**
 * A test that used more than this share of its timeout is named after the run: on a machine twice
 * as slow it would time out, so it is to be split before it fails somebody's CI.
 */
const SLOW_SHARE = 0.5;

/**
 * Prints the closing line CI reads, `playwright: N passed, N failed, N skipped`, after the titles
 * of any failed tests and of any test that came near its timeout, and, when SUMMARY_FILE is set, writes the counts there (with the summed
 * test time, for `npm run bench`) for `npm test` to add to the other runners'. A test counts
 * once, by its final outcome.
 */
export default class SummaryReporter implements Reporter {
  readonly #outcomes = new Map<string, { outcome: Outcome; title: string }>();
  readonly #nearTimeout: string[] = [];
  #testMilliseconds = 0;
  /** The proofs of a tool CI always runs, missing here (there, that fails the run). */
  #missingInCi: string[] = [];

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig): void {
    const projects = new Set(config.projects.map((project) => project.name));
    for (const tool of TOOL_PROOFS) {
      if (projects.has(tool.project) || commandInstalled(tool.command)) continue;
      console.log(`note: ${tool.proofs} did not run: ${tool.missing}. They are not counted as passed.`);
      if (process.env.CI) this.#missingInCi.push(tool.proofs);
    }
    const missing = otherEngines().missing.filter((name) => !projects.has(name));
    if (missing.length > 0) {
      console.log(
        `note: no ${missing.join(' or ')} project in this run: Playwright's own ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not installed here (npx playwright install ${missing.join(' ')} turns ${missing.length > 1 ? 'them' : 'it'} on).`,
      );
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#testMilliseconds += result.duration;
    const outcome = test.outcome();
    const title = test.titlePath().filter(Boolean).join(' › ');
    if (test.timeout > 0 && result.duration > test.timeout * SLOW_SHARE)
      this.#nearTimeout.push(
        `slow: ${title} took ${seconds(result.duration)} of its ${seconds(test.timeout)} timeout; split it`,
      );
    if (result.status === 'interrupted') this.#outcomes.set(test.id, { outcome: 'failed', title });
    else if (outcome === 'skipped') this.#outcomes.set(test.id, { outcome: 'skipped', title });
    else if (outcome === 'expected') this.#outcomes.set(test.id, { outcome: 'passed', title });
    else this.#outcomes.set(test.id, { outcome: 'failed', title });
  }

  onEnd(result: FullResult): void {
    const all = [...this.#outcomes.values()];
    const count = (wanted: Outcome) => all.filter(({ outcome }) => outcome === wanted).length;
    // A run that stopped early (a failed web server, a time-out) failed even with no failed test.
    const failed =
      count('failed') + (result.status === 'passed' || count('failed') > 0 ? 0 : 1) + this.#missingInCi.length;
    const totals = { passed: count('passed'), failed, skipped: count('skipped') };
    if (process.env.SUMMARY_FILE)
      writeFileSync(
        process.env.SUMMARY_FILE,
        JSON.stringify({ ...totals, testMilliseconds: this.#testMilliseconds, wallMilliseconds: result.duration }),
      );
    for (const line of this.#nearTimeout) console.log(line);
    for (const { title } of all.filter(({ outcome }) => outcome === 'failed')) console.log(`failed: ${title}`);
    for (const proofs of this.#missingInCi) console.log(`failed: ${proofs}, which CI always runs: not installed`);
    console.log(`playwright: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  }
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
