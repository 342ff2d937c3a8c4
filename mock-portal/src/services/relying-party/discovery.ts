import * as client from 'openid-client';

/** Where the real sign-up site and portal signed people in: Microsoft's authority for every tenant. */
const MICROSOFT_COMMON_AUTHORITY = 'https://login.microsoftonline.com/common/v2.0';
const MICROSOFT_LOGIN = new URL(MICROSOFT_COMMON_AUTHORITY).origin;

/**
 * The relying party configured as the real ones were, with Microsoft's `common` authority, and a
 * fetch that sends login.microsoftonline.com to the mock: openid-client then checks each ID
 * token's issuer against the tenant the token names, as it does for Microsoft's.
 */
export async function discoverThroughMicrosoftCommon(options: {
  loginUrl: string;
  clientId: string;
  clientSecret: string;
  fetch?: client.CustomFetch | undefined;
}): Promise<client.Configuration> {
  const send = options.fetch ?? fetch;
  const toMock: client.CustomFetch = (url, init) =>
    send(url.startsWith(`${MICROSOFT_LOGIN}/`) ? `${options.loginUrl}${url.slice(MICROSOFT_LOGIN.length)}` : url, init);
  const config = await client.discovery(
    new URL(MICROSOFT_COMMON_AUTHORITY),
    options.clientId,
    undefined,
    client.ClientSecretBasic(options.clientSecret),
    {
      ...(options.loginUrl.startsWith('http:') ? { execute: [client.allowInsecureRequests] } : {}),
      [client.customFetch]: toMock,
    },
  );
  client.enableNonRepudiationChecks(config);
  config[client.customFetch] = toMock;
  return config;
}
