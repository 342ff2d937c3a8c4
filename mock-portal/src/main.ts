import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { keepConnectionsOpen } from './http/keep-alive.js';
import { createApp, registryLimits } from './server.js';
import { keptTrainerKey } from './store/trainer-key.js';
import { WorldFiles } from './store/world-files.js';
import { WorldRegistry } from './world/registry.js';

const config = loadConfig();
const store = config.dataDir ? new WorldFiles(config.dataDir) : undefined;
const stored = store?.load((file, problem) => console.warn(`Skipped ${file}: not a world (${problem})`)) ?? [];
const registry = new WorldRegistry(registryLimits(config), store, stored);
const trainerKey = config.trainerKey ?? keptTrainerKey(config.dataDir);
const { app } = await createApp({ ...config, trainerKey }, registry);
setInterval(() => registry.purgeIdle(), 60_000).unref();

const server = keepConnectionsOpen(createServer(app)).listen(config.port, config.host, () => {
  if (config.testMode) {
    console.warn(
      `TEST MODE: the test-only API at /__test__ makes, reads and deletes worlds without signing in. Listening on ${config.host ?? 'every interface'} only; never expose it. Worlds are kept in memory only.`,
    );
  } else {
    console.log(
      `Worlds: ${registry.size} kept in ${config.dataDir} (at most ${config.maxWorlds}; one unused for ${config.worldIdleHours} h goes)`,
    );
  }
  console.log(`Mock Azure portal: ${config.publicUrl}/`);
  console.log(`Scenarios and seeded accounts: ${config.publicUrl}/scenarios`);
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
    // Every change already made reaches the disk before the process ends.
    void (store?.flush() ?? Promise.resolve()).then(() => process.exit(0));
  });
}
