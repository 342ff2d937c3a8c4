/**
 * Runs the Playwright suite as two shards side by side (each with its own portal on its own
 * port, each writing a blob report), then merges the blobs into one HTML report in
 * playwright-report/, with the traceability check over the whole suite. Run: npm run test:shards
 * The CI workflow (.github/workflows/playwright.yml) does the same across machines.
 *   SHARDS=3 npm run test:shards    more shards
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const playwright = path.join(root, 'node_modules', '.bin', 'playwright');
const blobDir = path.join(root, 'blob-report');
const shards = Number(process.env.SHARDS ?? 2);
// Each shard starts four servers on consecutive ports (the portal, the pictures' portal, the HTTPS
// portal for your app, the example app): shards' ports are ten apart.
const firstPort = Number(process.env.MOCK_PORTAL_PORT ?? 3100) + 10;
const PORTS_PER_SHARD = 10;

function run(args: string[], env: NodeJS.ProcessEnv, label: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(playwright, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter(Boolean)
        .map((line) => `[${label}] ${line}`)
        .join('\n') + '\n';
    child.stdout.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

rmSync(blobDir, { recursive: true, force: true });
const started = Date.now();
const codes = await Promise.all(
  Array.from({ length: shards }, (_, index) =>
    run(
      [
        'test',
        `--shard=${index + 1}/${shards}`,
        '--reporter=blob,./e2e/reporters/summary.ts',
        `--output=test-results/shard-${index + 1}`,
      ],
      // Each shard its own blob folder: a blob reporter empties its folder when it starts.
      {
        MOCK_PORTAL_PORT: String(firstPort + index * PORTS_PER_SHARD),
        PLAYWRIGHT_BLOB_OUTPUT_DIR: path.join(blobDir, `shard-${index + 1}`),
      },
      `shard ${index + 1}/${shards}`,
    ),
  ),
);
console.log(
  `\n${shards} shards ran in ${((Date.now() - started) / 1000).toFixed(0)} s (exit codes ${codes.join(', ')}); merging ${blobDir}`,
);

// merge-reports reads every zip in one folder, as CI's download-artifact step lays them out.
const mergeInput = path.join(blobDir, 'all');
mkdirSync(mergeInput, { recursive: true });
for (let shard = 1; shard <= shards; shard += 1) {
  const folder = path.join(blobDir, `shard-${shard}`);
  for (const zip of readdirSync(folder).filter((name) => name.endsWith('.zip')))
    copyFileSync(path.join(folder, zip), path.join(mergeInput, zip));
}

const scratch = mkdtempSync(path.join(tmpdir(), 'mock-portal-shards-'));
const summaryFile = path.join(scratch, 'summary.json');
const merged = await run(
  ['merge-reports', '--config', 'merge.config.ts', mergeInput],
  { SUMMARY_FILE: summaryFile, TRACEABILITY: 'enforce' },
  'merge',
);
const totals = JSON.parse(readFileSync(summaryFile, 'utf8')) as { passed: number; failed: number; skipped: number };
rmSync(scratch, { recursive: true, force: true });
console.log('One HTML report with every shard: playwright-report/index.html (npx playwright show-report)');
const failed = totals.failed + (totals.failed === 0 && (merged !== 0 || codes.some((code) => code !== 0)) ? 1 : 0);
console.log(`${totals.passed} passed, ${failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
