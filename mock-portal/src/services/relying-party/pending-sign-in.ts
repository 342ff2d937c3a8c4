import { createHash, webcrypto } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { EncryptJWT, jwtDecrypt } from 'jose';
import { z } from 'zod';
import { cookieOf } from '../../http/cookies.js';

/** As long as the login service keeps the sign-in's interaction (oidc-provider's Interaction TTL). */
const LIFETIME_SECONDS = 60 * 60;

const pendingSignIn = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string(),
});

/** What a relying party keeps between sending the browser to sign in and the callback. */
export type PendingSignIn = Readonly<z.infer<typeof pendingSignIn>>;

export interface PendingSignInCookieOptions {
  /** The cookie's name, e.g. `signup.signin`. */
  readonly name: string;
  /** The relying party's callback path: the only place the browser sends it back to. */
  readonly callbackPath: string;
  /** The process's secret; the cookie's key is derived from it and the cookie's name. */
  readonly secret: string;
  readonly secure: boolean;
}

/**
 * What a relying party must remember between sending the browser to sign in and the callback
 * (state, nonce, PKCE verifier, where to return), kept in the browser rather than on the server:
 * an encrypted, HttpOnly cookie that only the callback receives. A sign-in that is never answered
 * (a tab closed on the sign-in page, a sign-out that lands on a page asking to sign in again)
 * then costs the server no memory at all, however many there are. The cookie binds the sign-in to
 * this browser, as a session would: a code and state replayed from another browser find no cookie.
 * Encryption (not only a signature) keeps the PKCE verifier secret from anything that reads cookies.
 */
export class PendingSignInCookie {
  readonly #options: PendingSignInCookieOptions;
  // Imported once: jose would import a raw key anew for every cookie it seals or opens.
  readonly #key: Promise<webcrypto.CryptoKey>;

  constructor(options: PendingSignInCookieOptions) {
    this.#options = options;
    const raw = createHash('sha256').update(`pending-sign-in|${options.name}|${options.secret}`).digest();
    this.#key = webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }

  #cookieOptions(): CookieOptions {
    return { path: this.#options.callbackPath, httpOnly: true, sameSite: 'lax', secure: this.#options.secure };
  }

  /** Starts a sign-in in this browser; a newer sign-in replaces an older one, as it would in a session. */
  async set(res: Response, pending: PendingSignIn): Promise<void> {
    const token = await new EncryptJWT({ ...pending })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .encrypt(await this.#key);
    res.cookie(this.#options.name, token, { ...this.#cookieOptions(), maxAge: LIFETIME_SECONDS * 1000 });
  }

  /**
   * The sign-in this browser started, read once: the cookie is cleared whatever it held. Undefined
   * when there is none, it expired, or it was made by another process (the server restarted).
   */
  async take(req: Request, res: Response): Promise<PendingSignIn | undefined> {
    const token = cookieOf(req, this.#options.name);
    if (typeof token !== 'string' || token === '') return undefined;
    res.clearCookie(this.#options.name, this.#cookieOptions());
    try {
      const { payload } = await jwtDecrypt(token, await this.#key, {
        keyManagementAlgorithms: ['dir'],
        contentEncryptionAlgorithms: ['A256GCM'],
      });
      const parsed = pendingSignIn.safeParse(payload);
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
