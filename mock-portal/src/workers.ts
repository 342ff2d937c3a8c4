import cluster, { type Worker } from 'node:cluster';

/**
 * Starts `count` processes that serve the portal on one port, with Node's cluster: this process
 * accepts the connections and hands them to the workers in turn. Their state is in Redis, so a
 * worker that dies loses nothing acknowledged and its learners go on on the others, signed in;
 * another is started in its place. A worker that ends before it listens (a start-up mistake,
 * which every worker would make) ends them all.
 */
export function startWorkers(count: number): void {
  let stopping = false;
  const listening = new WeakSet<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker));
  };
  for (let i = 0; i < count; i += 1) fork();

  const stop = (signal: NodeJS.Signals, code: number) => {
    stopping = true;
    process.exitCode = code;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listening.has(worker)) {
      stop('SIGTERM', code || 1);
      return;
    }
    console.warn(
      `Worker ${worker.process.pid} ended (${signal ?? `exit code ${code}`}): starting another in its place`,
    );
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal, 0));
}
