import type Provider from 'oidc-provider';
import { MICROSOFT_PUBLIC_CLIENTS } from '../../identity-platform/resources.js';

/** The name of the application a device sign-in is for, as its pages show it; undefined for no application known. */
export async function applicationName(provider: Provider, clientId: unknown): Promise<string | undefined> {
  if (typeof clientId !== 'string' || clientId.length > 128) return undefined;
  const known = MICROSOFT_PUBLIC_CLIENTS.find((client) => client.clientId === clientId);
  if (known) return known.name;
  const client = await provider.Client.find(clientId);
  return client ? (client.clientName ?? clientId) : undefined;
}
