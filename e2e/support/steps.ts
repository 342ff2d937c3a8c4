import { fileURLToPath } from 'node:url';
import { expect, test, type Location, type Page } from '@playwright/test';
import {
  ARTICLE,
  articleItem,
  stepTitle,
  type ArticleLocale,
  type ArticleStep,
  type ItemId,
} from '../article/article.js';
import { PROOF_PREFIX } from '../article/traceability.js';
import { TEST_API } from '../../mock-portal/src/contract.js';

/**
 * Runs one of the article's steps as a boxed test.step named after it ("Step 2: Click Start
 * free"), tags the test with the step it proves, and attaches a screenshot of where it ended.
 */
export async function articleStep(
  page: Page,
  locale: ArticleLocale,
  number: ArticleStep['number'],
  body: () => Promise<void>,
): Promise<void> {
  const title = stepTitle(number, locale);
  test.info().annotations.push({ type: 'walks through', description: `${title} (${ARTICLE.url})` });

  await test.step(
    title,
    async () => {
      await body();
      await test.info().attach(title, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    },
    { box: true },
  );
}

/**
 * A proof of one article item (a step, a rule, a pitfall): a test step titled
 * `proof: pitfall-1: …` around the assertions that show it. The traceability check counts the item
 * as proven only from such a step that held a passing assertion, in a test that passed, in every
 * project that ran it; a proof step with no passing assertion fails a full run, naming the item.
 */
export async function proof(id: ItemId, body: () => Promise<void>): Promise<void> {
  const described = `${id}: ${articleItem(id).text['en-US']}`;
  const where = callerLocation();
  // Once per test, however many proof steps of the same item it holds.
  const { annotations } = test.info();
  if (!annotations.some((a) => a.type === 'proves' && a.description === described))
    annotations.push({ type: 'proves', description: described });

  await test.step(`${PROOF_PREFIX}${described}`, body, where ? { location: where } : {});
}

/** Where a spec called `proof()`: the first frame of the stack outside this file, for docs/coverage.md. */
function callerLocation(): Location | undefined {
  const here = fileURLToPath(import.meta.url);
  for (const frame of (new Error().stack ?? '').split('\n').slice(1)) {
    const found = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):(\d+)\)?$/.exec(frame.trim());
    if (!found?.[1]) continue;
    const file = found[1].startsWith('file://') ? fileURLToPath(found[1]) : found[1];
    if (file !== here) return { file, line: Number(found[2]), column: Number(found[3]) };
  }
  return undefined;
}

/** The sign-up service's decoded ID token (upn, tid, …), attached to the report and returned. */
export async function attachIdToken(page: Page): Promise<Record<string, unknown>> {
  const response = await page.request.get(`/signup${TEST_API}/id-token`);
  expect(response.ok(), 'the sign-up service has a signed-in session').toBe(true);
  const claims = (await response.json()) as Record<string, unknown>;
  const { upn, preferred_username: preferredUsername, tid, oid, name } = claims;
  await test.info().attach('ID token (decoded)', {
    body: JSON.stringify({ upn, preferred_username: preferredUsername, tid, oid, name }, null, 2),
    contentType: 'application/json',
  });
  return claims;
}
