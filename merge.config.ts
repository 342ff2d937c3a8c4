import { defineConfig } from '@playwright/test';

/**
 * Reporters for `playwright merge-reports`, which combines the blob reports of shards (from
 * scripts/shards.ts here, or from the CI workflow's machines) into one HTML report, the
 * traceability check over the whole suite, and the closing `N passed, N failed` line.
 */
export default defineConfig({
  testDir: './e2e/specs',
  reporter: [['html', { open: 'never' }], ['./e2e/reporters/traceability.ts'], ['./e2e/reporters/summary.ts']],
});
