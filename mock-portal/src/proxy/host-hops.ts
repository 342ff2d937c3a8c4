import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LANGUAGE_COOKIE, LEARNER_COOKIE, WORLD_COOKIE } from '../contract.js';

/** The query parameter that carries a browser's cookies to another of Microsoft's host names. */
export const HOP_PARAMETER = 'mock-hop';

/** The cookies that follow a browser from host to host: its world, its language, the learner it is. */
const CARRIED = [WORLD_COOKIE, LANGUAGE_COOKIE, LEARNER_COOKIE] as const;

/** How long a hop may take: a redirect is followed at once. */
const HOP_MS = 60_000;

type Carried = Partial<Record<(typeof CARRIED)[number], string>>;

/** One cookie's value from a request's Cookie header. */
function cookieNamed(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Cookies belong to one host name, and a person going from azure.microsoft.com to
 * signup.azure.com to login.microsoftonline.com is one browser in one world. When the mock sends a
 * browser to another of Microsoft's host names, it gives it a signed token (`mock-hop`: the world,
 * the language and the learner, for a minute, signed with a key of this process); the host it
 * arrives at sets those cookies for itself and sends the browser on without the token.
 */
export class HostHops {
  readonly #key = randomBytes(32);

  /** A token for what this request's browser carries, or undefined when it carries nothing. */
  tokenFor(req: IncomingMessage): string | undefined {
    const carried: Carried = {};
    for (const name of CARRIED) {
      const value = cookieNamed(req, name);
      if (value !== undefined && value.length <= 200) carried[name] = value;
    }
    if (Object.keys(carried).length === 0) return undefined;
    const body = Buffer.from(JSON.stringify({ ...carried, until: Date.now() + HOP_MS })).toString('base64url');
    return `${body}.${this.#sign(body)}`;
  }

  /** The cookies a token carries, or undefined for a token this process did not make, or made too long ago. */
  read(token: string): Carried | undefined {
    const [body = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.#sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const { until, ...carried } = JSON.parse(Buffer.from(body, 'base64url').toString()) as Carried & {
        until: number;
      };
      if (typeof until !== 'number' || until < Date.now()) return undefined;
      return Object.fromEntries(
        CARRIED.flatMap((name) => (typeof carried[name] === 'string' ? [[name, carried[name]]] : [])),
      );
    } catch {
      return undefined;
    }
  }

  /** The Set-Cookie lines that put what a token carried on the host it arrived at. */
  static cookieLines(carried: Carried): string[] {
    return Object.entries(carried).map(
      ([name, value]) =>
        `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${30 * 24 * 60 * 60}; HttpOnly; Secure; SameSite=Lax`,
    );
  }

  #sign(body: string): string {
    return createHmac('sha256', this.#key).update(body).digest('base64url');
  }
}
