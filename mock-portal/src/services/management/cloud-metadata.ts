import { RESOURCE_MANAGER_AUDIENCES } from '../../identity-platform/resources.js';

/**
 * The cloud's metadata document (`/metadata/endpoints`), as Azure's own clouds publish it: where
 * to sign in, which audiences Resource Manager takes, where the portal, Resource Manager and Graph
 * are. Identifiers stay Microsoft's (tokens are asked for them); addresses are the mock's.
 */
export function cloudMetadata(publicUrl: string) {
  return {
    name: 'AzureCloud',
    portal: `${publicUrl}/portal`,
    authentication: {
      loginEndpoint: `${publicUrl}/login`,
      audiences: RESOURCE_MANAGER_AUDIENCES.map((audience) => (audience.endsWith('/') ? audience : `${audience}/`)),
      tenant: 'common',
      identityProvider: 'AAD',
    },
    resourceManager: `${publicUrl}/management/`,
    microsoftGraphResourceId: 'https://graph.microsoft.com/',
    graph: `${publicUrl}/graph/`,
    graphAudience: 'https://graph.microsoft.com/',
    suffixes: {
      storage: 'core.windows.net',
      keyVaultDns: 'vault.azure.net',
      sqlServerHostname: 'database.windows.net',
      acrLoginServer: 'azurecr.io',
    },
  };
}
