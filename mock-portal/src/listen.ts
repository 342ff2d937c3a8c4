import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { keepConnectionsOpen } from './http/keep-alive.js';
import { MICROSOFT_HOST_NAMES } from './microsoft-hosts.js';
import { microsoftHostsProxy } from './proxy/connect.js';
import {
  certificatesFolder,
  microsoftHostsCertificates,
  type MicrosoftHostsCertificates,
} from './store/certificate-authority.js';
import { createApp, registryLimits, type App, type AppSeams } from './server.js';
import { WorldRegistry } from './world/registry.js';

export interface Running extends App {
  readonly server: Server;
  readonly url: string;
  /** With `microsoftHosts`: the authority a client trusts for Microsoft's host names through this server. */
  readonly certificates?: MicrosoftHostsCertificates;
  close(): Promise<void>;
}

/**
 * Starts the app on a free port (or the given one) and only then builds it, because the issuer
 * and redirect URIs must name the port the server really listens on. For tests and scripts.
 */
export async function listen(
  options: Partial<Config> = {},
  seams: AppSeams = {},
  registry?: WorldRegistry,
  { microsoftHosts = false }: { microsoftHosts?: boolean } = {},
): Promise<Running> {
  const server = keepConnectionsOpen(createServer());
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  const config: Config = {
    port,
    publicUrl: url,
    testMode: false,
    logLevel: 'silent',
    maxWorlds: 2_000,
    worldIdleHours: 12,
    // Tests come from one address and make worlds by the hundred.
    newWorldsPerAddress: 100_000,
    overloadLagMs: 1_000,
    ...options,
  };
  const certificates = microsoftHosts
    ? await microsoftHostsCertificates(certificatesFolder(config.dataDir, port), MICROSOFT_HOST_NAMES)
    : undefined;
  const app = await createApp(config, registry ?? new WorldRegistry(registryLimits(config)), {
    ...seams,
    ...(certificates ? { certificateAuthority: certificates.caCert } : {}),
  });
  server.on('request', app.app);
  const proxy = certificates ? microsoftHostsProxy(certificates, app.app, config.publicUrl) : undefined;
  if (proxy) server.on('connect', proxy);
  return {
    ...app,
    server,
    url,
    ...(certificates ? { certificates } : {}),
    // Like a process that stops: connections end now, rather than when their clients let them go.
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
        proxy?.closeTunnels();
      }),
  };
}
