import { echoed } from '../../http/echo.js';
import express, { type Request, type Response, type Router } from 'express';
import { checkBearerToken } from '../../identity-platform/bearer-token.js';
import { RESOURCE_MANAGER_AUDIENCES } from '../../identity-platform/resources.js';
import type { SigningKey } from '../../identity-platform/signing-key.js';
import { subscriptionFor, subscriptionsFor } from '../../world/api-access.js';
import type { TokenIdentity } from '../../world/model.js';
import type { WorldRegistry } from '../../world/registry.js';
import type { SharedWorlds } from '../../world/shared-worlds.js';
import { reachedRedis } from '../../store/redis-client.js';
import type { VisibleSubscription, World } from '../../world/world.js';
import { armError, locationsJson, page, subscriptionJson, tenantJson } from './arm-json.js';
import { cloudMetadata } from './cloud-metadata.js';

export interface ManagementOptions {
  /** The worlds every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedWorlds | undefined;
  readonly registry: WorldRegistry;
  readonly publicUrl: string;
  readonly signingKey: SigningKey;
}

interface Caller {
  readonly world: World;
  readonly token: TokenIdentity;
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** Resource Manager's 401s, by what was wrong with the token (a valid token of a world gone is invalid). */
const REFUSED: Record<'missing' | 'invalid' | 'expired' | 'audience', readonly [string, string]> = {
  missing: ['AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."],
  invalid: ['InvalidAuthenticationToken', 'The access token is invalid.'],
  expired: ['ExpiredAuthenticationToken', 'The access token expiry UTC time is earlier than current UTC time.'],
  audience: ['InvalidAuthenticationToken', 'The access token has been obtained for wrong audience or resource.'],
};

/**
 * Azure Resource Manager (management.azure.com) for every world: the cloud's metadata, the
 * caller's tenants, and the subscriptions a token of one tenant may see, in Resource Manager's
 * JSON and with its refusals. Who sees what is the domain's answer, as on the portal's pages.
 */
export function managementService(options: ManagementOptions): Router {
  const router = express.Router();
  const challenge = (description: string) =>
    `Bearer authorization_uri="${options.publicUrl}/login/", error="invalid_token", error_description="${description}"`;

  /** The api-version every request must name, well-formed; false (and answered) when it does not. */
  const apiVersionOk = (req: Request, res: Response): boolean => {
    const version = req.query['api-version'];
    if (version === undefined) {
      armError(
        res,
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
      return false;
    }
    if (typeof version !== 'string' || !API_VERSION.test(version)) {
      armError(
        res,
        400,
        'InvalidApiVersionParameter',
        'The api-version given is not valid: use a date such as 2022-12-01.',
      );
      return false;
    }
    return true;
  };

  /** Who is calling, from the bearer token; undefined (and answered with 401) when the token proves nothing. */
  const callerOf = async (req: Request, res: Response): Promise<Caller | undefined> => {
    const checked = await checkBearerToken(
      req.get('authorization'),
      options.signingKey.publicKey,
      RESOURCE_MANAGER_AUDIENCES,
    );
    // Read only: the newest copy of the caller's world, whichever process changed it last.
    if (checked.ok && !(await reachedRedis(async () => options.shared?.readAccount(checked.accountId)))) {
      res.set('Retry-After', '5');
      armError(res, 503, 'ServiceUnavailable', 'The service cannot reach its storage. Try again in a few seconds.');
      return undefined;
    }
    const found = checked.ok ? options.registry.findAccount(checked.accountId) : undefined;
    if (checked.ok && found)
      return { world: found.world, token: { tenantId: checked.tenantId, accountId: checked.accountId } };
    const [code, message] = REFUSED[checked.ok ? 'invalid' : checked.reason];
    res.set('WWW-Authenticate', challenge(message));
    armError(res, 401, code, message);
    return undefined;
  };

  /** Each API request: a caller, then an api-version, then the answer. */
  const api =
    (answer: (req: Request, res: Response, caller: Caller) => void) =>
    async (req: Request, res: Response): Promise<void> => {
      const caller = await callerOf(req, res);
      if (caller && apiVersionOk(req, res)) answer(req, res, caller);
    };

  router.get('/metadata/endpoints', (req, res) => {
    if (apiVersionOk(req, res)) res.json(cloudMetadata(options.publicUrl));
  });

  router.get(
    '/tenants',
    api((_req, res, { world, token }) => {
      res.json(page(world.membershipsOf(token.accountId).map(({ directory }) => tenantJson(directory))));
    }),
  );

  router.get(
    '/subscriptions',
    api((_req, res, { world, token }) => {
      res.json(page(subscriptionsFor(world, token).map(subscriptionJson)));
    }),
  );

  const oneSubscription =
    (answer: (res: Response, found: VisibleSubscription) => void) =>
    (req: Request, res: Response, { world, token }: Caller) => {
      const id = String(req.params.id);
      const lookup = subscriptionFor(world, token, id);
      switch (lookup.kind) {
        case 'visible':
          return answer(res, lookup.visible);
        case 'not-found':
          return armError(res, 404, 'SubscriptionNotFound', `The subscription '${echoed(id)}' could not be found.`);
        case 'other-tenant':
          res.set('WWW-Authenticate', challenge('The access token is from the wrong issuer.'));
          return armError(
            res,
            401,
            'InvalidAuthenticationTokenTenant',
            `The access token is from the wrong issuer '${token.tenantId}'. It must match the tenant associated with this subscription. Please use the authority of that tenant to get the token.`,
          );
        case 'no-access':
          return armError(
            res,
            403,
            'AuthorizationFailed',
            `The client '${token.accountId}' does not have authorization to perform action 'Microsoft.Resources/subscriptions/read' over scope '/subscriptions/${echoed(id)}' or the scope is invalid.`,
          );
      }
    };

  router.get('/subscriptions/:id', api(oneSubscription((res, visible) => res.json(subscriptionJson(visible)))));
  router.get(
    '/subscriptions/:id/locations',
    api(oneSubscription((res, visible) => res.json(page(locationsJson(visible.subscription.id))))),
  );

  router.use((req, res) => {
    armError(res, 404, 'NotFound', `No HTTP resource was found that matches ${req.method} ${echoed(req.path)}.`);
  });
  return router;
}

/** A path or id as it may be echoed back: printable, and short. */
