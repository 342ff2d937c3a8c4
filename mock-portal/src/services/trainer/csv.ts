import { stringify } from 'csv-stringify/sync';
import type { LearnerRow, WorldRow } from './rows.js';

/** Cells a spreadsheet could read as a formula are defused (csv-stringify's escape_formulas). */
const csvOf = (columns: string[], records: unknown[][]) =>
  stringify(records, { header: true, columns, escape_formulas: true });

const subscriptionsCell = (row: Partial<WorldRow>) =>
  (row.subscriptions ?? []).map((s) => `${s.offer} in ${s.directory} (${s.owner})`).join('; ');

/** The furthest step as data: its kind, and what it names (an account, a section, a directory). */
function howFar(row: Partial<WorldRow>): [string, string, string] {
  const step = row.progress?.step;
  if (!step) return ['', '', ''];
  const detail =
    step.kind === 'signed-in'
      ? step.account
      : step.kind === 'form-section'
        ? String(step.section)
        : step.kind === 'portal-opened'
          ? ''
          : step.directory;
  return [step.kind, detail, row.progress?.since ?? ''];
}

export function worldsCsv(rows: readonly WorldRow[]): string {
  return csvOf(
    ['world', 'verdict', 'last_used', 'signed_in', 'azure_subscriptions'],
    rows.map((row) => [row.code, row.verdict, row.lastUsedAt, row.signedIn.join(' '), subscriptionsCell(row)]),
  );
}

/** One row per learner, in the order they joined. */
export function learnersCsv(rows: readonly LearnerRow[]): string {
  return csvOf(
    [
      'learner',
      'world',
      'verdict',
      'how_far',
      'how_far_detail',
      'how_far_since',
      'last_activity',
      'signed_in',
      'azure_subscriptions',
    ],
    rows.map((row) => [
      row.name,
      row.code ?? '',
      row.verdict,
      ...howFar(row),
      row.lastUsedAt,
      (row.signedIn ?? []).join(' '),
      subscriptionsCell(row),
    ]),
  );
}
