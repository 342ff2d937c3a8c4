import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';

/** The two relying parties a test signs in to. */
export type Site = 'signup' | 'portal';

export interface HttpSignIn {
  /** Which of the two accounts a shared address means (only asked where both exist). */
  readonly kind?: 'work' | 'personal';
  /** The answer to "Stay signed in?". */
  readonly staySignedIn?: boolean;
}

async function csrfTokenOf(response: APIResponse): Promise<string> {
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!token) throw new Error(`${response.url()} has no form to post`);
  return token;
}

/** Posts a login page's form with the page's own CSRF token, following the redirect as a browser does. */
async function submit(
  request: APIRequestContext,
  page: APIResponse,
  action: string,
  fields: Record<string, string>,
): Promise<APIResponse> {
  const next = await request.post(action, { form: { _csrf: await csrfTokenOf(page), ...fields } });
  await expect(next, `POST ${action}`).toBeOK();
  return next;
}

/**
 * When a browser already signed in as someone else signs in again, the login service first ends the
 * old session with a page whose form posts itself by script. Does what that script does.
 */
async function passSessionSwitch(request: APIRequestContext, page: APIResponse): Promise<APIResponse> {
  const html = await page.text();
  if (!html.includes('document.forms[0].submit()')) return page;
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`${page.url()} posts itself, but has no form action`);
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name = '', value = '']) => [
      name,
      value,
    ]),
  );
  const next = await request.post(action.replaceAll('&amp;', '&'), { form: fields });
  await expect(next, 'the old session ends and the sign-in resumes').toBeOK();
  return next;
}

/**
 * Signs in to a site through the login service's real pages, over HTTP with the browser context's
 * own request client: the browser is then signed in too, as after walking the pages, in a
 * fraction of the time. For tests whose subject is not the sign-in itself.
 */
export async function signInOverHttp(
  request: APIRequestContext,
  site: Site,
  signInName: string,
  password: string,
  options: HttpSignIn = {},
): Promise<void> {
  let page = await request.get(`/${site}/signin?prompt=login`);
  await expect(page, 'the sign-in page').toBeOK();
  const interaction = /\/login\/interaction\/[^/?]+/.exec(page.url())?.[0];
  if (!interaction) throw new Error(`expected the login service's user name page, got ${page.url()}`);

  page = await submit(request, page, `${interaction}/username`, { username: signInName });
  if (page.url().endsWith('/which'))
    page = await submit(request, page, `${interaction}/which`, { kind: options.kind ?? 'work' });
  page = await submit(request, page, `${interaction}/password`, { password });
  if (!page.url().endsWith('/stay-signed-in'))
    throw new Error(`${signInName} was not signed in: the login service answered with ${page.url()}`);
  page = await passSessionSwitch(
    request,
    await submit(request, page, `${interaction}/stay-signed-in`, { stay: options.staySignedIn ? 'yes' : 'no' }),
  );
  expect(new URL(page.url()).pathname, `${signInName} is back at the ${site} site`).toMatch(new RegExp(`^/${site}/`));
}
