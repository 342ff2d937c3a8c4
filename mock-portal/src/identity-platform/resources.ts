/**
 * Microsoft's APIs that take the login service's access tokens, as Microsoft's identity platform
 * names them: which scopes ask for each, the audience (`aud`) of its tokens, and the delegated
 * permission (`scp`) they carry. Resource Manager answers to two names, the old
 * (management.core.windows.net, the Azure CLI's) and the new (management.azure.com, the SDKs').
 */
export interface MicrosoftResource {
  /** The resource indicator the login service keys it by. */
  readonly indicator: string;
  readonly audience: string;
  /** Every scope that asks for it, as Microsoft spells them (matched in any case). */
  readonly scopes: readonly string[];
  /** `scp` of its tokens: what every first-party client is pre-authorised for. */
  readonly delegated: string;
  readonly api: 'resource-manager' | 'graph';
}

const arm = (host: string, audience: string): MicrosoftResource => ({
  indicator: `https://${host}/`,
  audience,
  scopes: [`https://${host}/.default`, `https://${host}//.default`, `https://${host}/user_impersonation`],
  delegated: 'user_impersonation',
  api: 'resource-manager',
});

export const MICROSOFT_RESOURCES: readonly MicrosoftResource[] = [
  arm('management.core.windows.net', 'https://management.core.windows.net/'),
  arm('management.azure.com', 'https://management.azure.com'),
  {
    indicator: 'https://graph.microsoft.com/',
    audience: 'https://graph.microsoft.com',
    scopes: [
      'https://graph.microsoft.com/.default',
      // As the Azure CLI asks for a resource: its address, a slash, then `.default`.
      'https://graph.microsoft.com//.default',
      'https://graph.microsoft.com/User.Read',
      'User.Read',
    ],
    delegated: 'User.Read',
    api: 'graph',
  },
];

/** The audiences Resource Manager accepts (its metadata's `authentication.audiences`). */
export const RESOURCE_MANAGER_AUDIENCES = MICROSOFT_RESOURCES.filter((r) => r.api === 'resource-manager').map(
  (r) => r.audience,
);
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** The one resource a space-separated scope asks for, or undefined when it asks for none (a sign-in only). */
export function resourceAskedBy(scope: string | undefined): MicrosoftResource | undefined {
  const asked = new Set((scope ?? '').toLowerCase().split(' '));
  return MICROSOFT_RESOURCES.find((resource) => resource.scopes.some((each) => asked.has(each.toLowerCase())));
}

export function resourceByIndicator(indicator: string): MicrosoftResource | undefined {
  return MICROSOFT_RESOURCES.find((resource) => resource.indicator === indicator);
}

/** Every scope of every resource: what a refresh token of Microsoft's may be redeemed for. */
export const ALL_RESOURCE_SCOPES: readonly string[] = MICROSOFT_RESOURCES.flatMap((resource) => resource.scopes);

/** Microsoft's own public clients, known in every directory. */
export const MICROSOFT_PUBLIC_CLIENTS = [
  { clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI' },
  { clientId: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell' },
] as const;
