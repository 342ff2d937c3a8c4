/**
 * A browser without a browser, for protocol tests: it keeps cookies (by name; every service is
 * on one origin), never follows a redirect unless asked, and reads CSRF tokens off pages.
 */
export class Browserless {
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

export function csrfTokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no CSRF token');
  return token;
}

/**
 * Signs in at the login service through its pages, starting at a relying party's `start` path,
 * and stops at the redirect to that relying party's callback: returns the callback URL unvisited.
 */
export async function signInUntilCallback(
  client: Browserless,
  start: string,
  signInName: string,
  password: string,
): Promise<URL> {
  const { response, url } = await client.follow(start);
  if (!url.pathname.startsWith('/login/interaction/'))
    throw new Error(`expected the sign-in page, got ${url.pathname}`);
  const interaction = url.pathname;
  await client.postForm(`${interaction}/username`, { _csrf: csrfTokenOf(await response.text()), username: signInName });
  const passwordPage = await client.send(`${interaction}/password`);
  await client.postForm(`${interaction}/password`, { _csrf: csrfTokenOf(await passwordPage.text()), password });
  const staySignedIn = await client.send(`${interaction}/stay-signed-in`);
  const finished = await client.postForm(`${interaction}/stay-signed-in`, {
    _csrf: csrfTokenOf(await staySignedIn.text()),
    stay: 'no',
  });
  const resume = finished.headers.get('location');
  if (!resume) throw new Error('the sign-in did not finish');
  const callback = await client.follow(new URL(resume, client.base), (next) => next.pathname.endsWith('/callback'));
  if (!callback.url.pathname.endsWith('/callback'))
    throw new Error(`expected the callback, got ${callback.url.pathname}`);
  return callback.url;
}
