import { SAMPLE_CARD } from './samples.js';
import { CookieClient, csrfTokenOf, signInUntilCallback } from './cookie-client.js';
import { WORLD_COOKIE, TEST_API } from '../mock-portal/src/contract.js';

/** What a browser types into the sign-up form, section by section (the article's step 4). */
export const FORM = {
  about: { country: 'US', workPhone: '+1 425 555 0100', organization: '' },
  card: SAMPLE_CARD,
};

/** Makes a test world (optionally with extra one-user organisations) and returns its id. */
export async function newWorld(base: string, extraOrganisations = 0): Promise<string> {
  const response = await fetch(new URL(`${TEST_API}/worlds`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(extraOrganisations ? { extraOrganisations } : {}),
  });
  if (response.status !== 201) throw new Error(`POST ${TEST_API}/worlds answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** A cookie-keeping client already placed in this world. */
export function clientIn(base: string, worldId: string): CookieClient {
  const client = new CookieClient(base);
  client.cookies.set(WORLD_COOKIE, worldId);
  return client;
}

/** Signs in at the sign-up service through the login pages and lands on the form; returns its HTML. */
export async function signInToSignup(client: CookieClient, signInName: string, password: string): Promise<string> {
  const callback = await signInUntilCallback(client, '/signup/', signInName, password);
  const { response, url } = await client.follow(callback);
  if (url.pathname !== '/signup/') throw new Error(`expected the sign-up form, got ${url.pathname}`);
  return response.text();
}

/** Posts one section of the form with the page's CSRF token; returns the next page's HTML (after the redirect). */
export async function postSection(
  client: CookieClient,
  html: string,
  fields: Record<string, string>,
): Promise<{ status: number; html: string; location: string | null }> {
  const response = await client.postForm('/signup/', { _csrf: csrfTokenOf(html), ...fields });
  const location = response.headers.get('location');
  if (response.status === 303 && location) {
    const next = await client.follow(location);
    return { status: next.response.status, html: await next.response.text(), location };
  }
  return { status: response.status, html: await response.text(), location };
}

/** Every section up to the agreement: returns the form's HTML with the Sign up button ready. */
export async function fillFormUntilAgreement(client: CookieClient, formHtml: string): Promise<string> {
  let page = await postSection(client, formHtml, { action: 'about', ...FORM.about });
  page = await postSection(client, page.html, { action: 'text', phoneNumber: FORM.about.workPhone });
  const code = /data-testid="verification-notice">[^<]*?\b(\d{6})\b/.exec(page.html)?.[1];
  if (!code) throw new Error('no verification code on the page');
  page = await postSection(client, page.html, { action: 'verify', verificationCode: code });
  page = await postSection(client, page.html, { action: 'card', ...FORM.card });
  return page.html;
}

/**
 * The whole article for one account over HTTP: sign in, fill every section, Sign up. Returns
 * where the sign-up went, and the last form page (its CSRF token still signs this session's posts).
 */
export async function signUpOverHttp(
  client: CookieClient,
  signInName: string,
  password: string,
): Promise<{ status: number; location: string | null; formHtml: string }> {
  const form = await signInToSignup(client, signInName, password);
  const ready = await fillFormUntilAgreement(client, form);
  const response = await client.postForm('/signup/', { _csrf: csrfTokenOf(ready), action: 'signup', agree: 'on' });
  return { status: response.status, location: response.headers.get('location'), formHtml: ready };
}

/** Signs out of the sign-up service (and so of the login service), as the Sign out button does. */
export async function signOutOverHttp(client: CookieClient, pageHtml: string): Promise<void> {
  const response = await client.postForm('/signup/signout', { _csrf: csrfTokenOf(pageHtml) });
  const location = response.headers.get('location');
  if (!location) throw new Error(`sign-out answered ${response.status}`);
  // The login service's "Signing you out" page submits its form by script; do what the script does.
  const { response: confirmPage } = await client.follow(location);
  const html = await confirmPage.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  const hidden: Record<string, string> = {};
  for (const [, name = '', value = ''] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    hidden[name] = value;
  if (!action) throw new Error('the sign-out page has no form');
  const confirmed = await client.postForm(action.replaceAll('&amp;', '&'), { ...hidden, logout: 'yes' });
  const next = confirmed.headers.get('location');
  if (next) await client.follow(next);
}
