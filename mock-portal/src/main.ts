import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from './config.js';
import { keepConnectionsOpen } from './http/keep-alive.js';
import { MICROSOFT_HOST_NAMES } from './microsoft-hosts.js';
import { microsoftHostsProxy } from './proxy/connect.js';
import { certificatesFolder, microsoftHostsCertificates } from './store/certificate-authority.js';
import { fetchTrusting } from './http/trusting-fetch.js';
import { createApp, registryLimits } from './server.js';
import { readClientFile } from './store/client-file.js';
import { connectedRedis } from './store/redis-client.js';
import { redisState } from './store/redis-state.js';
import { localCertificate, namedCertificate } from './store/tls-certificate.js';
import { keptTrainerKey } from './store/trainer-key.js';
import { ClassFile } from './store/class-file.js';
import { WorldFiles } from './store/world-files.js';
import { Classes } from './world/classroom.js';
import { WorldRegistry } from './world/registry.js';
import { startWorkers } from './workers.js';

const config = await orExit(() => loadConfig());
const { tlsFiles, dataDir, clientsFile } = config;
// --https: the certificate TLS_CERT and TLS_KEY name, or one made for localhost and kept (in the
// data folder). With --workers, the first process makes it before it starts any: they only read it.
const tls = config.https
  ? await orExit(() =>
      tlsFiles
        ? namedCertificate(tlsFiles.certFile, tlsFiles.keyFile)
        : localCertificate(path.join(dataDir ?? path.join(tmpdir(), 'mock-azure-portal'), 'tls')),
    )
  : undefined;
// Microsoft's host names through this port: the authority is made once and kept (in the data folder).
const microsoftHosts = await orExit(() =>
  microsoftHostsCertificates(certificatesFolder(dataDir, config.port), MICROSOFT_HOST_NAMES),
);
const authorityNote = microsoftHosts.madeAuthority
  ? ' (an authority made now: clients that trusted an earlier one must trust this one)'
  : '';
if (config.workers && cluster.isPrimary) {
  // Fails here, in one line, rather than in every worker.
  await orExit(async () => (await connectedRedis(config.redisUrl ?? '')).close());
  if (authorityNote) console.log(`Microsoft's host names:${authorityNote}`);
  startWorkers(config.workers);
} else {
  await serve(config);
}

/** What `read` gives, or its error's one line and exit 1: a start-up mistake is no stack trace. */
async function orExit<T>(read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * One process serving the portal: its state in this process and the data folder, or in Redis
 * (REDIS_URL), where every process serving the same portal finds it.
 */
async function serve(config: Config): Promise<void> {
  const redis = config.redisUrl ? await orExit(() => connectedRedis(config.redisUrl ?? '')) : undefined;
  const shared = redis ? await orExit(() => redisState(redis, registryLimits(config), config.trainerKey)) : undefined;
  const store = config.dataDir && !shared ? new WorldFiles(config.dataDir) : undefined;
  const stored = store?.load((file, problem) => console.warn(`Skipped ${file}: not a world (${problem})`)) ?? [];
  const registry = shared?.registry ?? new WorldRegistry(registryLimits(config), store, stored);
  const classFile = config.dataDir && !shared ? new ClassFile(config.dataDir) : undefined;
  const classes =
    shared?.classes ??
    new Classes(
      classFile?.load((file, problem) => console.warn(`Skipped ${file}: not the classes (${problem})`)),
      classFile,
    );
  const trainerKey = shared?.trainerKey ?? config.trainerKey ?? keptTrainerKey(config.dataDir);
  const clients = clientsFile ? await orExit(() => readClientFile(clientsFile)) : [];

  const { app } = await createApp(
    { ...config, trainerKey, clients },
    registry,
    {
      ...(tls ? { relyingPartyFetch: fetchTrusting(tls.cert) } : {}),
      certificateAuthority: microsoftHosts.caCert,
      ...(shared ? { shared } : {}),
    },
    classes,
  );
  setInterval(() => {
    registry.purgeIdle();
    shared?.worlds.purgeIdle().catch(() => undefined);
  }, 60_000).unref();

  const listener = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, app) : createServer(app);
  // A class that arrives at once opens more connections than Node's default backlog (511) holds;
  // beyond it the kernel drops them and a browser's connection times out instead of waiting.
  const proxy = microsoftHostsProxy(microsoftHosts, app, config.publicUrl);
  listener.on('connect', proxy);
  const server = keepConnectionsOpen(listener).listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
    // Of several workers, the first says where everything is; the others have the same to say.
    if (cluster.isWorker && cluster.worker?.id !== 1) return;
    if (tls)
      console.log(
        `HTTPS with ${tls.made ? 'a certificate made for localhost' : 'the certificate'} at ${tls.certFile}. Trust it in a Node app with NODE_EXTRA_CA_CERTS=${tls.certFile}`,
      );
    if (config.testMode) {
      console.warn(
        `TEST MODE: the test-only API at /__test__ makes, reads and deletes worlds without signing in. Listening on ${config.host ?? 'every interface'} only; never expose it.${shared ? '' : ' Worlds are kept in memory only.'}`,
      );
    }
    if (shared) {
      console.log(
        `Worlds, classes and sign-ins kept in Redis, shared by ${config.workers ?? 1} process(es) here and any other with the same REDIS_URL (at most ${config.maxWorlds} worlds; one unused for ${config.worldIdleHours} h goes)`,
      );
    } else if (!config.testMode) {
      console.log(
        `Worlds: ${registry.size} kept in ${config.dataDir} (at most ${config.maxWorlds}; one unused for ${config.worldIdleHours} h goes)`,
      );
    }
    console.log(`Mock Azure portal: ${config.publicUrl}/`);
    console.log(`Scenarios and seeded accounts: ${config.publicUrl}/scenarios`);
    console.log(
      `Microsoft's own host names through this port (the Azure CLI, unchanged): HTTPS_PROXY=${config.publicUrl} REQUESTS_CA_BUNDLE=${microsoftHosts.caFile}${authorityNote}`,
    );
    console.log(
      `A Chromium on them: chromium --proxy-server=${config.publicUrl} --ignore-certificate-errors-spki-list=${microsoftHosts.spki}`,
    );
    if (clients.length > 0)
      console.log(
        `Sign in from your own app: authority ${config.publicUrl}/login/common (or a directory's domain), for ${clients.map((client) => client.clientId).join(', ')}`,
      );
    console.log(
      `Trainer view (keep this link to yourself): ${config.publicUrl}/trainer?key=${encodeURIComponent(trainerKey)}`,
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another port.` : error.message,
    );
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      server.closeAllConnections();
      proxy.closeTunnels();
      // Every change already made reaches the disk (or Redis) before the process ends.
      void Promise.all([store?.flush(), classFile?.flush(), shared?.worlds.flush()])
        .catch(() => undefined)
        .then(() => process.exit(0));
    });
  }
}
