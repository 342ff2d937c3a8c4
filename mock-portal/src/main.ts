import { createServer } from 'node:http';
import { loadConfig } from './config.js';
import { keepConnectionsOpen } from './http/keep-alive.js';
import { createApp } from './server.js';

const config = loadConfig();
const { app } = await createApp(config);
const server = keepConnectionsOpen(createServer(app)).listen(config.port, config.host, () => {
  if (config.testMode) {
    console.warn(
      `TEST MODE: the test-only API at /__test__ makes, reads and deletes worlds without signing in. Listening on ${config.host ?? 'every interface'} only; never expose it.`,
    );
  }
  console.log(`Mock Azure portal: ${config.publicUrl}/`);
  console.log(`Scenarios and seeded accounts: ${config.publicUrl}/scenarios`);
});
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE' ? `Port ${config.port} is in use: set PORT to another port.` : error.message,
  );
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
