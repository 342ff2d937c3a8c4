import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import * as client from 'openid-client';
import { z } from 'zod';
import { MESSAGE_VIEW, renderPage } from '../../http/render.js';
import { safeLocalPath } from '../../http/safe-path.js';
import { noStore } from '../../http/security.js';
import { csrfProtection } from '../../http/csrf.js';
import { destroy, regenerate } from '../../http/sessions.js';
import type { SignedInIdentity } from './signed-in.js';
import type { WorldRegistry } from '../../world/registry.js';
import { discoverThroughMicrosoftCommon } from './discovery.js';
import { evidenceRoutes, type DescribeSession } from './evidence.js';
import { PendingSignInCookie } from './pending-sign-in.js';
import { SIGN_IN_NAME_MAX } from '../../world/sign-in-name.js';

export interface RelyingPartyOptions {
  /** Where the mock serves login.microsoftonline.com (`…/login`): the relying parties' fetch goes there. */
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  /** The service's path prefix, where a sign-in returns to by default. */
  readonly home: string;
  /** Which service this is, for the look of its error page. */
  readonly site: 'signup' | 'portal';
  readonly registry: WorldRegistry;
  /** Adds GET /__test__/id-token: this session's decoded ID token, for test reports. */
  readonly testMode: boolean;
  /** How to reach the login service's back channel; tests wrap it to tamper with tokens. */
  readonly fetch?: client.CustomFetch;
  /** The process's secret, from which the pending sign-in cookie's key is derived. */
  readonly secret: string;
  readonly secureCookies: boolean;
}

const idTokenClaims = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  name: z.string(),
  given_name: z.string().default(''),
  family_name: z.string().default(''),
  preferred_username: z.string().min(1),
  upn: z.string().optional(),
});

const signInQuery = z.object({
  prompt: z.enum(['select_account', 'login']).optional(),
  returnTo: z.string().optional(),
  login_hint: z.string().max(SIGN_IN_NAME_MAX).optional(),
});

const signOutForm = z.object({ returnTo: z.string().optional() });
const signedOutQuery = z.object({ state: z.string().optional() });

/**
 * One relying party (signup or portal): it sends the browser to the login service with PKCE,
 * `state` and `nonce`, and on the way back verifies the ID token (signature, issuer, audience,
 * nonce) before trusting a single claim. Who is signed in, and so where a subscription lands, comes
 * from that token and nothing else.
 */
export class RelyingParty {
  readonly #options: RelyingPartyOptions;
  readonly #pending: PendingSignInCookie;
  #configuration: Promise<client.Configuration> | undefined;

  constructor(options: RelyingPartyOptions) {
    this.#options = options;
    this.#pending = new PendingSignInCookie({
      name: `${options.site}.signin`,
      callbackPath: new URL(options.redirectUri).pathname,
      secret: options.secret,
      secure: options.secureCookies,
    });
  }

  /** Discovery on first use, once the server is listening; a failure is retried next time. */
  #config(): Promise<client.Configuration> {
    this.#configuration ??= discoverThroughMicrosoftCommon(this.#options).catch((error: unknown) => {
      this.#configuration = undefined;
      throw error;
    });
    return this.#configuration;
  }

  /** Where to send the browser to sign in; gives the browser the checks for the callback to keep. */
  async signInUrl(res: Response, options: { returnTo?: string; prompt?: string; loginHint?: string }): Promise<string> {
    const config = await this.#config();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await this.#pending.set(res, {
      state,
      nonce,
      codeVerifier,
      returnTo: safeLocalPath(options.returnTo, this.#options.home),
    });
    const parameters: Record<string, string> = {
      redirect_uri: this.#options.redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    };
    // Only keys with values: openid-client would send `prompt=undefined` otherwise.
    if (options.prompt) parameters.prompt = options.prompt;
    if (options.loginHint) parameters.login_hint = options.loginHint;
    return client.buildAuthorizationUrl(config, parameters).href;
  }

  /** Redeems the code and verifies the ID token; throws when anything does not check out. */
  async #completeSignIn(req: Request, res: Response): Promise<{ identity: SignedInIdentity; returnTo: string }> {
    const pending = await this.#pending.take(req, res);
    if (!pending) throw new Error('no sign-in was started in this browser (or it expired, or the server restarted)');
    // The callback URL is rebuilt from the registered redirect URI, never from the Host header.
    const callbackUrl = new URL(this.#options.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, callbackUrl).search;
    const tokens = await client.authorizationCodeGrant(await this.#config(), callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = idTokenClaims.parse(tokens.claims());
    if (!tokens.id_token) throw new Error('no ID token');
    if (this.#options.registry.findAccount(claims.oid)?.world !== req.world)
      throw new Error("the ID token names an account outside this browser's world");
    return {
      returnTo: pending.returnTo,
      identity: {
        oid: claims.oid,
        tid: claims.tid,
        upn: claims.upn ?? claims.preferred_username,
        name: claims.name,
        givenName: claims.given_name,
        familyName: claims.family_name,
        idToken: tokens.id_token,
      },
    };
  }

  /**
   * GET /signin (with an optional prompt, login_hint and returnTo), GET /callback, POST /signout
   * (ends this service's session, then the login service's for that account, and comes back to
   * `returnTo`) and GET /signed-out (where the login service sends the browser afterwards).
   */
  routes(describeSession: DescribeSession = () => ({})): Router {
    const router = express.Router();
    router.use(noStore);
    router.get('/signin', async (req, res) => {
      const query = signInQuery.safeParse(req.query);
      const { returnTo, prompt, login_hint: loginHint } = query.success ? query.data : {};
      res.redirect(
        303,
        await this.signInUrl(res, {
          ...(returnTo ? { returnTo } : {}),
          ...(prompt ? { prompt } : {}),
          ...(loginHint ? { loginHint } : {}),
        }),
      );
    });
    router.post(
      '/signout',
      express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 5 }),
      ...csrfProtection(),
      async (req, res) => {
        const form = signOutForm.safeParse(req.body);
        const returnTo = safeLocalPath(form.success ? form.data.returnTo : undefined, this.#options.home);
        const identity = req.session.identity;
        const idToken = identity?.idToken;
        if (identity) this.#options.registry.signedOut(req.world, identity.oid);
        await destroy(req);
        if (!idToken) return res.redirect(303, returnTo);
        const endSession = client.buildEndSessionUrl(await this.#config(), {
          id_token_hint: idToken,
          post_logout_redirect_uri: this.#options.postLogoutRedirectUri,
          state: returnTo,
        });
        res.redirect(303, endSession.href);
      },
    );
    if (this.#options.testMode) router.use(evidenceRoutes(this.#options.site, describeSession));
    router.get('/signed-out', (req, res) => {
      const query = signedOutQuery.safeParse(req.query);
      res.redirect(303, safeLocalPath(query.success ? query.data.state : undefined, this.#options.home));
    });
    router.get('/callback', async (req, res) => {
      let result: { identity: SignedInIdentity; returnTo: string };
      try {
        result = await this.#completeSignIn(req, res);
      } catch (error) {
        req.log?.warn({ err: error }, 'sign-in refused at the callback');
        await signInFailed(res, this.#options);
        return;
      }
      await regenerate(req);
      req.session.identity = result.identity;
      this.#options.registry.signedIn(req.world, result.identity.oid);
      // Signing in to the sign-up site is the article's first step; the portal's is counted when it opens.
      if (this.#options.site === 'signup') req.world.signedInToSignUp(result.identity.oid);
      res.redirect(303, result.returnTo);
    });
    return router;
  }

  /**
   * Lets a request through only with a signed-in user of the browser's own world (a world that was
   * started over, replaced or left since signs its people out); otherwise sends the browser to
   * sign in and come back here. Sets `req.user`.
   */
  requireSignIn(): RequestHandler {
    // Synchronous for the signed-in, who are nearly every request: no promise to settle.
    return (req, res, next) => {
      const identity = req.session.identity;
      const found = identity ? this.#options.registry.findAccount(identity.oid) : undefined;
      if (identity && found && found.world === req.world) {
        req.user = { identity, ...found };
        next();
        return;
      }
      delete req.session.identity;
      const returnTo = req.method === 'GET' ? req.originalUrl : this.#options.home;
      return this.signInUrl(res, { returnTo }).then((url) => {
        res.redirect(303, url);
      });
    };
  }
}

async function signInFailed(res: Response, { home, site }: RelyingPartyOptions): Promise<void> {
  const { t } = res.locals;
  await renderPage(
    res,
    MESSAGE_VIEW,
    {
      title: t('error.signIn.title'),
      site,
      heading: t('error.signIn.title'),
      message: t('error.signIn.body'),
      action: { href: home, label: t('error.startAgain') },
    },
    400,
  );
}
