import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { signInThroughPages, type Answer, type SignIn, type Transport } from '../../testkit/sign-in.js';

/** The two relying parties a test signs in to. */
export type Site = 'signup' | 'portal';

export type HttpSignIn = Pick<SignIn, 'kind' | 'staySignedIn'>;

const answerOf = (response: APIResponse): Answer => ({
  url: new URL(response.url()),
  status: response.status(),
  text: () => response.text(),
});

/** A browser context's own request client (it shares the browser's cookies) as the kit's transport. */
function transportOf(request: APIRequestContext): Transport {
  return {
    get: async (path) => answerOf(await request.get(String(path))),
    post: async (path, form) => answerOf(await request.post(path, { form })),
  };
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
  const end = await signInThroughPages(transportOf(request), `/${site}/signin?prompt=login`, {
    signInName,
    password,
    ...options,
  });
  expect(end.status, `${signInName} signed in to the ${site} site`).toBeLessThan(400);
  expect(end.url.pathname, `${signInName} is back at the ${site} site`).toMatch(new RegExp(`^/${site}/`));
}
