/**
 * The one walk of the login service's pages over HTTP, for every client that signs in without a
 * browser: the unit tests' cookie client, the suite's set-up (Playwright's request client, which
 * shares the browser's cookies), and the scripts. Each brings a transport; the walk is the same.
 */

/** A page as the walk reads it: where the client ended up, its status and its body. */
export interface Answer {
  readonly url: URL;
  readonly status: number;
  text(): Promise<string>;
}

/** How a client sends: both follow redirects as a browser does (a transport may stop before some). */
export interface Transport {
  get(path: string | URL): Promise<Answer>;
  post(path: string, form: Record<string, string>): Promise<Answer>;
}

export interface SignIn {
  readonly signInName: string;
  readonly password: string;
  /** Which of the two accounts a shared address means (asked only where both exist). */
  readonly kind?: 'work' | 'personal';
  /** The answer to "Stay signed in?". */
  readonly staySignedIn?: boolean;
}

/** The CSRF token of a page's form. */
export function csrfTokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no CSRF token');
  return token;
}

/** Posts a page's form with the page's own CSRF token; a refusal on the way is an error. */
async function submit(transport: Transport, page: Answer, action: string, fields: Record<string, string>) {
  const next = await transport.post(action, { _csrf: csrfTokenOf(await page.text()), ...fields });
  if (next.status >= 400) throw new Error(`POST ${action} answered ${next.status}`);
  return next;
}

/**
 * Signs in from `start` (a relying party's sign-in, or an app's authorization request) through the
 * user name, the work-or-personal question where asked, and the password; returns the answer to
 * the password when `stopAfter` says so (a refusal is then the test's subject), otherwise goes on
 * through "Stay signed in?" and returns where the client ended up.
 */
export async function signInThroughPages(
  transport: Transport,
  start: string | URL,
  who: SignIn,
  stopAfter?: 'password',
): Promise<Answer> {
  let page = await transport.get(start);
  const interaction = /^\/login\/interaction\/[^/?]+/.exec(page.url.pathname)?.[0];
  if (!interaction) throw new Error(`expected the login service's user name page, got ${page.url.pathname}`);
  page = await submit(transport, page, `${interaction}/username`, { username: who.signInName });
  if (page.url.pathname.endsWith('/work-or-personal'))
    page = await submit(transport, page, `${interaction}/work-or-personal`, { kind: who.kind ?? 'work' });
  const answer = await transport.post(`${interaction}/password`, {
    _csrf: csrfTokenOf(await page.text()),
    password: who.password,
  });
  if (stopAfter === 'password') return answer;
  if (!answer.url.pathname.endsWith('/stay-signed-in'))
    throw new Error(`${who.signInName} was not signed in: the login service answered with ${answer.url.pathname}`);
  const done = await submit(transport, answer, `${interaction}/stay-signed-in`, {
    stay: who.staySignedIn ? 'yes' : 'no',
  });
  return passSessionSwitch(transport, done);
}

/**
 * When a browser already signed in as someone else signs in again, the login service first ends
 * the old session with a page whose form posts itself by script. Does what that script does.
 */
async function passSessionSwitch(transport: Transport, page: Answer): Promise<Answer> {
  if (page.status >= 300) return page;
  const html = await page.text();
  if (!html.includes('document.forms[0].submit()')) return page;
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`${page.url.href} posts itself, but has no form action`);
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name = '', value = '']) => [
      name,
      value,
    ]),
  );
  return transport.post(action.replaceAll('&amp;', '&'), fields);
}
