import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { signUpOverHttp } from '../../testkit/flows.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../../mock-portal/src/world/seed.js';
import { FREE_TRIAL_OFFER } from '../../mock-portal/src/world/model.js';
import { TEST_API, WORLD_COOKIE } from '../../mock-portal/src/contract.js';

const CONTOSO = SEED_DIRECTORY_IDS.contoso;

/** One request as a learner's browser made it. */
interface Timed {
  readonly ms: number;
  readonly status: number;
}

export interface ClassRun {
  readonly learners: number;
  readonly requests: readonly Timed[];
  /** What went wrong for a learner: a thrown error, or an end other than a Free Trial in Contoso. */
  readonly errors: readonly string[];
  /** Learners whose connection failed or got no answer (a browser's "this site can't be reached"). */
  readonly unanswered: number;
  /** Learners the portal told to try again in a moment (503 with Retry-After) at least once. */
  readonly toldToRetry: number;
  /** Worlds the learners ended in, counted once each: one per learner when each has their own. */
  readonly worlds: number;
  readonly seconds: number;
}

/**
 * A class at once (`thinkMs` 0), or at a reader's pace (each form posted about `thinkMs` after its page): every learner is a browser with no world yet (as people are), signs in as
 * alice@contoso.com through the login pages, fills the four sections of the form, signs up and
 * opens the portal, all over HTTP. Every learner's world is made the way people's are: at their
 * first sign-in, by world selection, never by the test API. `checkPlacement` then also reads each
 * learner's world through the test API (one request more per learner, not timed) and counts a
 * learner whose Free Trials are anywhere but Contoso as an error. With `classCode`, each learner
 * first joins that class by its page, as "Learner N".
 */
export async function runClass(
  base: string,
  learners: number,
  thinkMs = 0,
  { checkPlacement = false, classCode }: { checkPlacement?: boolean; classCode?: string } = {},
): Promise<ClassRun> {
  const requests: Timed[] = [];
  const unanswered = new Set<number>();
  const toldToRetry = new Set<number>();
  const fetchFor =
    (learner: number): typeof fetch =>
    async (input, init) => {
      // A person reads a page before the next click (from half to one and a half times `thinkMs`,
      // so that a class does not click in step); a browser follows a redirect at once.
      if (thinkMs > 0 && init?.method === 'POST')
        await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
      for (;;) {
        const started = performance.now();
        const response = await fetch(input, init).catch((error: unknown) => {
          unanswered.add(learner);
          throw error;
        });
        // The time to the whole answer, as a browser waits for the page.
        const body = await response.arrayBuffer();
        requests.push({ ms: performance.now() - started, status: response.status });
        const retryAfter = Number(response.headers.get('retry-after'));
        // Told to try again in a moment: the learner does, as a person would, after that moment.
        if (response.status === 503 && retryAfter > 0) {
          toldToRetry.add(learner);
          await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
          continue;
        }
        return new Response(body.byteLength > 0 ? body : null, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      }
    };
  const errors: string[] = [];
  const worlds = new Set<string>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: learners }, async (_, index) => {
      // At a reader's pace, the class also arrives over one think time rather than in one instant.
      if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * thinkMs));
      const browser = new CookieClient(base, fetchFor(index));
      browser.cookies.set('lang', 'en-US');
      try {
        if (classCode) await joinClass(browser, classCode, `Learner ${index + 1}`);
        const signedUp = await signUpOverHttp(browser, 'alice@contoso.com', SEED_PASSWORD);
        if (signedUp.location !== '/signup/done') throw new Error(`the sign-up answered ${signedUp.status}`);
        const { response, url } = await browser.follow('/portal/subscriptions');
        const html = await response.text();
        if (url.pathname !== '/portal/subscriptions' || !html.includes('Free Trial'))
          throw new Error(`the portal showed ${url.pathname} without the Free Trial`);
        const worldId = browser.cookies.get(WORLD_COOKIE) ?? '';
        worlds.add(worldId);
        const directories = checkPlacement ? await freeTrialDirectories(base, worldId) : [CONTOSO];
        if (directories.join() !== CONTOSO)
          throw new Error(`the Free Trials are in ${directories.join() || 'no directory'}`);
      } catch (error) {
        errors.push(`learner ${index + 1}: ${(error as Error).message}`);
      }
    }),
  );
  return {
    learners,
    requests,
    errors,
    unanswered: unanswered.size,
    toldToRetry: toldToRetry.size,
    worlds: worlds.size,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Joins a class through its page, as a learner typing their name does. */
async function joinClass(browser: CookieClient, code: string, name: string): Promise<void> {
  const page = await browser.send(`/class/${code}`);
  if (page.status !== 200) throw new Error(`the class's page answered ${page.status}`);
  const joined = await browser.postForm(`/class/${code}`, { _csrf: csrfTokenOf(await page.text()), name });
  if (joined.status !== 303) throw new Error(`joining the class answered ${joined.status}`);
}

/** The directories of a world's Free Trials, as the test API reads them (whichever process answers). */
async function freeTrialDirectories(base: string, worldId: string): Promise<string[]> {
  const response = await fetch(`${base}${TEST_API}/worlds/${worldId}`);
  if (!response.ok) return [];
  const world = (await response.json()) as { subscriptions: { offerId: string; directoryId: string }[] };
  return world.subscriptions.flatMap((s) => (s.offerId === FREE_TRIAL_OFFER ? [s.directoryId] : []));
}

/** The p-th percentile of some latencies, in whole milliseconds. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}
