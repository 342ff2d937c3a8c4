import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RegisteredClient } from './store/client-file.js';
import { redisUrlOf } from './store/redis-client.js';

export interface Config {
  readonly port: number;
  /** The one origin every service is reached at; the OpenID Connect issuer and redirect URIs derive from it. */
  readonly publicUrl: string;
  /** Enables the test-only API and the per-test world cookie. Never on unless asked for. */
  readonly testMode: boolean;
  readonly logLevel: string;
  /**
   * The interface to listen on. Test mode answers on loopback only, because its test-only API can
   * make and read worlds; otherwise every interface, so a trainer can host the portal for a class.
   */
  readonly host?: string;
  /** Worlds kept at once (MAX_WORLDS). */
  readonly maxWorlds: number;
  /** Hours a world may go unused before it goes (WORLD_IDLE_HOURS). */
  readonly worldIdleHours: number;
  /** New worlds one address may make per ten minutes (NEW_WORLDS_PER_ADDRESS). */
  readonly newWorldsPerAddress: number;
  /** How late the event loop may run before new requests get a "try again in a moment" page (OVERLOAD_LAG_MS). */
  readonly overloadLagMs: number;
  /** Where worlds are kept across a restart (DATA_DIR); none in test mode, which keeps them in memory. */
  readonly dataDir?: string;
  /** The trainer view's key (TRAINER_KEY); made and kept in the data folder when not given. */
  readonly trainerKey?: string;
  /** Serve HTTPS (`--https`): with the certificate TLS_CERT and TLS_KEY name, or one made for localhost. */
  readonly https?: boolean;
  readonly tlsFiles?: { readonly certFile: string; readonly keyFile: string };
  /** The file of applications people register to sign in with the mock (MOCK_CLIENTS). */
  readonly clientsFile?: string;
  /** Those applications, once read (start-up reads the file). */
  readonly clients?: readonly RegisteredClient[];
  /** Where the state every process shares is kept (REDIS_URL); none: in this process and the data folder. */
  readonly redisUrl?: string;
  /** Processes to start on the one port (`--workers N` or `auto`, one per core); needs `redisUrl`. */
  readonly workers?: number;
}

const MAX_WORKERS = 64;

/** `--workers` as typed: a count, or `auto` for one per core; a start-up error otherwise. */
function workersOf(raw: string | undefined, redisUrl: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const count = raw === 'auto' ? availableParallelism() : Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > MAX_WORKERS)
    throw new Error(`--workers must be a whole number from 1 to ${MAX_WORKERS}, or auto, not ${raw}`);
  if (!redisUrl)
    throw new Error(
      '--workers needs REDIS_URL: several processes share worlds and sign-ins only through Redis (docs/deploying.md)',
    );
  return count;
}

/** A whole number from the environment within bounds, or a start-up error naming the variable. */
function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${raw}`);
  return value;
}

const LOG_LEVELS = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/**
 * Warnings and errors only by default, so that the addresses `npm start` prints (the trainer's
 * link among them) stay on screen; `info` adds a line per request.
 */
function logLevel(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'warn';
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${raw}`);
  return raw;
}

/** The command line's options, or a one-line start-up error naming the one that is wrong. */
function optionsOf(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        'test-mode': { type: 'boolean', default: false },
        https: { type: 'boolean', default: false },
        workers: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    throw new Error((error as Error).message.split('\n')[0], { cause: error });
  }
}

export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const { values } = optionsOf(argv);
  const testMode = values['test-mode'] || env.MOCK_PORTAL_TEST_MODE === '1';
  const port = Number(env.PORT ?? (testMode ? 3100 : 3000));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const https = values.https;
  const publicUrl = (env.PUBLIC_URL ?? `${https ? 'https' : 'http'}://localhost:${port}`).replace(/\/+$/, '');
  if ((env.TLS_CERT === undefined) !== (env.TLS_KEY === undefined))
    throw new Error(
      'TLS_CERT and TLS_KEY go together: name both files, or neither for a certificate made for localhost',
    );
  const tlsFiles = env.TLS_CERT && env.TLS_KEY ? { certFile: env.TLS_CERT, keyFile: env.TLS_KEY } : undefined;
  const host = env.HOST ?? (testMode ? '127.0.0.1' : undefined);
  const dataDir = testMode
    ? undefined
    : (env.DATA_DIR ?? path.resolve(import.meta.dirname, '..', '..', '.mock-portal-data'));
  const trainerKey = env.TRAINER_KEY;
  if (trainerKey !== undefined && !/^[\x21-\x7e]{16,200}$/.test(trainerKey))
    throw new Error('TRAINER_KEY must be 16 to 200 printable characters without spaces');
  const redisUrl = env.REDIS_URL ? redisUrlOf(env.REDIS_URL) : undefined;
  const workers = workersOf(values.workers, redisUrl);
  return {
    port,
    publicUrl,
    testMode,
    logLevel: logLevel(env.LOG_LEVEL),
    ...(host ? { host } : {}),
    maxWorlds: whole(env, 'MAX_WORLDS', 2_000, 1, 100_000),
    worldIdleHours: whole(env, 'WORLD_IDLE_HOURS', 12, 1, 24 * 365),
    newWorldsPerAddress: whole(env, 'NEW_WORLDS_PER_ADDRESS', 100, 1, 100_000),
    overloadLagMs: whole(env, 'OVERLOAD_LAG_MS', 1_000, 50, 600_000),
    ...(dataDir ? { dataDir } : {}),
    ...(trainerKey ? { trainerKey } : {}),
    https,
    ...(tlsFiles ? { tlsFiles } : {}),
    ...(env.MOCK_CLIENTS ? { clientsFile: env.MOCK_CLIENTS } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(workers ? { workers } : {}),
  };
}
