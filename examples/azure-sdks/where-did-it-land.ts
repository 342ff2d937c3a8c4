// Where did the subscription land? Asked of Azure itself, with Azure's own SDK: sign in on a
// device as the Azure CLI does, then list the tenants the account belongs to and the
// subscriptions it can see, each with the tenant it is in.
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { DeviceCodeCredential } from '@azure/identity';

const mock = process.env.MOCK_URL ?? 'https://localhost:3000';
const response = await fetch(`${mock}/management/metadata/endpoints?api-version=2022-09-01`);
const cloud = (await response.json()) as { authentication: { loginEndpoint: string }; resourceManager: string };

const credential = new DeviceCodeCredential({
  tenantId: 'organizations',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', // the Azure CLI
  authorityHost: cloud.authentication.loginEndpoint,
  disableInstanceDiscovery: true,
  userPromptCallback: (prompt) => console.error(prompt.message),
});
const client = new SubscriptionClient(credential, {
  endpoint: cloud.resourceManager,
  credentials: { scopes: ['https://management.azure.com/.default'] },
});

for await (const tenant of client.tenants.list())
  console.log(`tenant        ${tenant.tenantId}  ${tenant.displayName}`);
for await (const each of client.subscriptions.list())
  console.log(`subscription  ${each.tenantId}  ${each.displayName}`);
