import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';
import {
  claimedId,
  coverageMarkdown,
  describeEmptyProof,
  describeGap,
  PROOF_PREFIX,
  trace,
  type ProofStep,
  type TracedTest,
} from '../article/traceability.js';

/**
 * The unit tests' proofs (`proofIt` in mock-portal/test/proof.ts), which `npm test` passes on in
 * UNIT_PROOFS: a unit proof fails its own test when it asserted nothing, so one that passed held
 * a passing assertion.
 */
function unitProofs(): TracedTest[] {
  const file = process.env.UNIT_PROOFS;
  if (!file || !existsSync(file)) return [];
  const proofs = JSON.parse(readFileSync(file, 'utf8')) as { id: string; title: string; passed: boolean }[];
  return proofs.map(({ id, title, passed }) => ({
    project: 'node:test',
    file: 'node:test',
    title,
    passed,
    proofs: [{ id, asserted: passed }],
  }));
}

/** Whether an assertion ran and passed anywhere inside this step. */
function holdsPassingAssertion(step: TestStep): boolean {
  return step.steps.some((child) => (child.category === 'expect' && !child.error) || holdsPassingAssertion(child));
}

/**
 * The traceability check. Every proof step (`proof('pitfall-1', …)`, titled `proof: pitfall-1: …`)
 * is matched against the article's steps, rules and pitfalls; it counts only when it held a
 * passing assertion. With TRACEABILITY=enforce (what `npm test` and the shard merge set for a
 * whole-suite run) a gap or an empty proof fails the run, naming the item, and docs/coverage.md is
 * rewritten; otherwise (a filtered run) it only prints how much was proven.
 */
export default class TraceabilityReporter implements Reporter {
  #root = process.cwd();
  #projects: string[] = [];
  readonly #tests = new Map<string, { test: TestCase; passed: boolean }>();
  /** Test id → its proof steps in its last run. */
  readonly #proofs = new Map<string, ProofStep[]>();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#root = config.configFile ? path.dirname(config.configFile) : process.cwd();
    // A merged report lists each shard's projects again: keep each name once.
    this.#projects = [...new Set(config.projects.map((project) => project.name))];
    for (const test of suite.allTests()) this.#tests.set(test.id, { test, passed: false });
  }

  onTestBegin(test: TestCase): void {
    this.#proofs.set(test.id, []);
  }

  onStepEnd(test: TestCase, _result: TestResult, step: TestStep): void {
    if (step.category !== 'test.step' || !step.title.startsWith(PROOF_PREFIX)) return;
    const proof = {
      id: claimedId(step.title.slice(PROOF_PREFIX.length)),
      asserted: !step.error && holdsPassingAssertion(step),
      ...(step.location ? { where: `${path.basename(step.location.file)}:${step.location.line}` } : {}),
    };
    this.#proofs.set(test.id, [...(this.#proofs.get(test.id) ?? []), proof]);
  }

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.#tests.set(test.id, { test, passed: test.outcome() === 'expected' });
  }

  onEnd(result: FullResult): Promise<{ status: FullResult['status'] } | undefined> {
    const traced: TracedTest[] = [
      ...unitProofs(),
      ...[...this.#tests.values()].map(({ test, passed }) => ({
        project: test.parent.project()?.name ?? '',
        file: path.basename(test.location.file),
        title: test.titlePath().slice(3).join(' › '),
        passed,
        proofs: this.#proofs.get(test.id) ?? [],
      })),
    ];
    const outcome = trace(traced);
    const proven = outcome.rows.length - outcome.gaps.length;
    const enforce = process.env.TRACEABILITY === 'enforce';
    const problems = [
      ...outcome.gaps.map(describeGap),
      ...outcome.emptyProofs.map(describeEmptyProof),
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
