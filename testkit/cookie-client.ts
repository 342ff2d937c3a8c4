import { csrfTokenOf, signInThroughPages, type Answer, type Transport } from './sign-in.js';

/**
 * A browser without a browser, for protocol tests: it keeps cookies (by name; every service is
 * on one origin), never follows a redirect unless asked, and reads CSRF tokens off pages.
 */
export class CookieClient {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie line received, in order, for tests of cookie attributes. */
  readonly setCookieLines: string[] = [];

  constructor(
    readonly base: string,
    /** The HTTP client; tests over HTTPS pass one that trusts the test certificate. */
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The Cookie header this client sends, for tools (autocannon) that send requests of their own. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async send(path: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    const response = await this.fetchImpl(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = ''] = line.split(';');
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GETs `path` and follows redirects until `stop` says so (or a page answers); returns the last URL. */
  async follow(
    path: string | URL,
    stop: (next: URL) => boolean = () => false,
  ): Promise<{ response: Response; url: URL }> {
    let url = new URL(path, this.base);
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await this.send(url);
      const location = response.headers.get('location');
      if (!location || response.status < 300 || response.status >= 400) return { response, url };
      url = new URL(location, url);
      if (stop(url)) return { response, url };
    }
    throw new Error(`too many redirects from ${String(path)}`);
  }

  async postForm(path: string | URL, fields: Record<string, string>): Promise<Response> {
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}

export { csrfTokenOf };

/** This client as the sign-in walk's transport: redirects followed until `stopBefore` says so. */
export function transportOf(client: CookieClient, stopBefore: (next: URL) => boolean = () => false): Transport {
  const answer = (response: Response, url: URL): Answer => {
    let body: Promise<string> | undefined;
    return { url, status: response.status, text: () => (body ??= response.text()) };
  };
  return {
    get: async (path) => {
      const { response, url } = await client.follow(path, stopBefore);
      return answer(response, url);
    },
    post: async (path, form) => {
      const response = await client.postForm(path, form);
      const location = response.headers.get('location');
      const here = new URL(path, client.base);
      if (response.status < 300 || response.status >= 400 || !location) return answer(response, here);
      const next = new URL(location, here);
      if (stopBefore(next)) return answer(response, next);
      const followed = await client.follow(next, stopBefore);
      return answer(followed.response, followed.url);
    },
  };
}

/**
 * Signs in at the login service through its pages, starting at a relying party's `start` path,
 * and stops at the redirect to that relying party's callback: returns the callback URL unvisited.
 */
export async function signInUntilCallback(
  client: CookieClient,
  start: string,
  signInName: string,
  password: string,
): Promise<URL> {
  const atCallback = (next: URL) => next.pathname.endsWith('/callback');
  const { url } = await signInThroughPages(transportOf(client, atCallback), start, { signInName, password });
  if (!atCallback(url)) throw new Error(`expected the callback, got ${url.pathname}`);
  return url;
}
