import { randomUUID } from 'node:crypto';
import { echoed } from '../../http/echo.js';
import express, { type Request, type Response, type Router } from 'express';
import { checkBearerToken } from '../../identity-platform/bearer-token.js';
import { GRAPH_AUDIENCE } from '../../identity-platform/resources.js';
import type { SigningKey } from '../../identity-platform/signing-key.js';
import { PERSONAL_ACCOUNT_TENANT_ID, type Account } from '../../world/model.js';
import type { WorldRegistry } from '../../world/registry.js';
import type { SharedWorlds } from '../../world/shared-worlds.js';
import { reachedRedis } from '../../store/redis-client.js';
import type { World } from '../../world/world.js';

/** Graph's words for a token that proves nothing, by what was wrong with it. */
const REFUSED: Record<'missing' | 'invalid' | 'expired' | 'audience', string> = {
  missing: 'Access token is empty.',
  invalid: 'Access token validation failure.',
  expired: 'Lifetime validation failed, the token is expired.',
  audience: 'Access token validation failure. Invalid audience.',
};

export interface GraphOptions {
  /** The worlds every process serves, when there are several (REDIS_URL). */
  readonly shared?: SharedWorlds | undefined;
  readonly registry: WorldRegistry;
  readonly signingKey: SigningKey;
}

/** An error as Microsoft Graph words it, with the request id and date it always adds. */
function graphError(res: Response, status: number, code: string, message: string): void {
  const requestId = randomUUID();
  res.status(status).json({
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString(), 'request-id': requestId, 'client-request-id': requestId },
    },
  });
}

/** `/me` with Microsoft Graph's default properties. */
function userJson(account: Account) {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
    businessPhones: [],
    displayName: account.displayName,
    givenName: account.givenName,
    id: account.id,
    jobTitle: null,
    mail: account.signInName,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: account.surname,
    userPrincipalName: account.signInName,
  };
}

/**
 * Microsoft Graph (graph.microsoft.com) for every world: who the token's account is (`/me`) and
 * the directory the token is for (`/organization`), in Graph's JSON and with its refusals.
 */
export function graphService(options: GraphOptions): Router {
  const router = express.Router();

  const callerOf = async (req: Request, res: Response) => {
    const checked = await checkBearerToken(req.get('authorization'), options.signingKey.publicKey, [GRAPH_AUDIENCE]);
    // Read only: the newest copy of the caller's world, whichever process changed it last.
    if (checked.ok && !(await reachedRedis(async () => options.shared?.readAccount(checked.accountId)))) {
      res.set('Retry-After', '5');
      graphError(res, 503, 'serviceNotAvailable', 'The service cannot reach its storage. Try again in a few seconds.');
      return undefined;
    }
    const found = checked.ok ? options.registry.findAccount(checked.accountId) : undefined;
    if (checked.ok && found) return { world: found.world, account: found.account, tenantId: checked.tenantId };
    const message = REFUSED[checked.ok ? 'invalid' : checked.reason];
    graphError(res, 401, 'InvalidAuthenticationToken', message);
    return undefined;
  };

  const api =
    (answer: (res: Response, caller: { world: World; account: Account; tenantId: string }) => void) =>
    async (req: Request, res: Response): Promise<void> => {
      const caller = await callerOf(req, res);
      if (caller) answer(res, caller);
    };

  router.get(
    '/v1.0/me',
    api((res, { account }) => res.json(userJson(account))),
  );

  router.get(
    '/v1.0/organization',
    api((res, { world, tenantId }) => {
      const directory = tenantId === PERSONAL_ACCOUNT_TENANT_ID ? undefined : world.directory(tenantId);
      if (!directory)
        return graphError(
          res,
          403,
          'Authorization_RequestDenied',
          'Insufficient privileges to complete the operation.',
        );
      res.json({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#organization',
        value: [
          {
            id: directory.id,
            displayName: directory.name,
            verifiedDomains: [directory.initialDomain, ...directory.verifiedDomains].map((name) => ({
              name,
              type: 'Managed',
              isDefault: name === (directory.verifiedDomains[0] ?? directory.initialDomain),
              isInitial: name === directory.initialDomain,
              capabilities: 'Email, OfficeCommunicationsOnline',
            })),
          },
        ],
      });
    }),
  );

  router.use((req, res) => {
    graphError(
      res,
      400,
      'BadRequest',
      `Resource not found for the segment '${echoed(req.path.split('/').pop() ?? '')}'.`,
    );
  });
  return router;
}
