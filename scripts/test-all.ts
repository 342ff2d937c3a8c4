/**
 * The one test command (`npm test`): type-check, lint, the domain's unit tests and the Playwright
 * suite, in that order, each run whatever the one before did. It ends with one line summing them
 * all, `N passed, N failed`, which CI reads. Type-check, lint and the format check count as one test each.
 *   npm test                    everything
 *   npm test -- --only unit     one part: static, unit or e2e
 *   npm test -- <playwright args>   e.g. --repeat-each=5, --project=zh-TW, a spec file
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { commandInstalled } from '../testkit/commands.js';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const scratch = mkdtempSync(path.join(tmpdir(), 'mock-portal-test-'));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** Runs a command with its output kept, so that several can run at once and print in order. */
function runQuietly(command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** The static checks, side by side (none depends on another), each counted as one test. */
async function staticChecks(): Promise<Counts[]> {
  const checks: [string, string, string[]][] = [
    ['typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']],
    ['lint (eslint)', bin('eslint'), ['.', '--max-warnings', '0']],
    ['format (prettier --check)', bin('prettier'), ['--check', '.']],
    ['unused files, exports and dependencies (knip)', bin('knip'), []],
  ];
  const results = await Promise.all(checks.map(([, command, args]) => runQuietly(command, args)));
  return checks.map(([name], index) => {
    const { ok, output } = results[index] ?? { ok: false, output: '' };
    console.log(`\n▶ ${name}`);
    if (output.trim()) console.log(output.trimEnd());
    console.log(`${name}: ${ok ? 'passed' : 'FAILED'}`);
    return { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  });
}

function unitTests(): Counts {
  console.log('\n▶ unit tests (node:test)');
  // The domain's tests, and the suite's own pure helpers (e2e/article, …); Playwright specs live in e2e/specs.
  const all = [path.join(root, 'mock-portal', 'test'), path.join(root, 'e2e')].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts') && !file.includes('node_modules'))
      .map((file) => path.join(dir, file)),
  );
  // The Redis proofs (`*.redis.test.ts`) need Debian's redis-server, which set-up installs as root.
  const redis = commandInstalled('redis-server');
  const files = redis ? all : all.filter((file) => !file.endsWith('.redis.test.ts'));
  const tap = path.join(scratch, 'unit.tap');
  const ok = run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    // Most of these tests wait on sockets, not on a core: several files at once finish sooner.
    `--test-concurrency=${2 * availableParallelism()}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = readFileSync(tap, 'utf8');
  writeUnitProofs(text);
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  const counts = {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
  if (!ok && counts.failed === 0) counts.failed = 1;
  if (!redis) {
    console.log(
      `note: the Redis proofs did not run (${all.length - files.length} files): redis-server is not installed here (sudo apt-get install redis-server, on Debian or Ubuntu, turns them on). They are not counted as passed.`,
    );
    // CI always runs them.
    if (process.env.CI) counts.failed += 1;
  }
  return counts;
}

/** Where the unit tests' proofs go for the traceability check (mock-portal/test/proof.ts names them `proof: <item>: …`). */
const unitProofs = path.join(scratch, 'unit-proofs.json');

/** The unit tests' proofs, from their TAP lines: each item, its test's title, and whether it passed. */
function writeUnitProofs(tap: string): void {
  const proofs = [...tap.matchAll(/^\s*(ok|not ok) \d+ - proof: ([a-z0-9-]+): (.*)$/gm)].map(
    ([, verdict, id, title]) => ({
      id,
      title,
      passed: verdict === 'ok',
    }),
  );
  writeFileSync(unitProofs, JSON.stringify(proofs));
}

function endToEnd(extraArgs: string[]): Counts {
  console.log('\n▶ end-to-end (Playwright)');
  const summary = path.join(scratch, 'playwright.json');
  // A whole-suite run must prove every article item; a filtered one (a file, --grep, …) cannot.
  const traceability = extraArgs.length === 0 ? 'enforce' : 'report';
  const ok = run(bin('playwright'), ['test', ...extraArgs], {
    SUMMARY_FILE: summary,
    TRACEABILITY: traceability,
    ...(existsSync(unitProofs) ? { UNIT_PROOFS: unitProofs } : {}),
  });
  try {
    const counts = JSON.parse(readFileSync(summary, 'utf8')) as Counts;
    if (!ok && counts.failed === 0) counts.failed = 1;
    return counts;
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const argv = process.argv.slice(2);
const onlyIndex = argv.indexOf('--only');
const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined;
const playwrightArgs = onlyIndex >= 0 ? argv.filter((_, i) => i !== onlyIndex && i !== onlyIndex + 1) : argv;
if (only && !['static', 'unit', 'e2e'].includes(only)) {
  console.error('--only takes static, unit or e2e');
  process.exit(2);
}

const parts: Counts[] = [];
if (!only || only === 'static') parts.push(...(await staticChecks()));
if (!only || only === 'unit') parts.push(unitTests());
if (!only || only === 'e2e') parts.push(endToEnd(playwrightArgs));
rmSync(scratch, { recursive: true, force: true });

const total = parts.reduce(
  (sum, part) => ({
    passed: sum.passed + part.passed,
    failed: sum.failed + part.failed,
    skipped: sum.skipped + part.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('');
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
