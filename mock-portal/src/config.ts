import { parseArgs } from 'node:util';

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
}

export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'test-mode': { type: 'boolean', default: false } },
    strict: true,
  });
  const testMode = values['test-mode'] || env.MOCK_PORTAL_TEST_MODE === '1';
  const port = Number(env.PORT ?? (testMode ? 3100 : 3000));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const host = env.HOST ?? (testMode ? '127.0.0.1' : undefined);
  return {
    port,
    publicUrl,
    testMode,
    logLevel: env.LOG_LEVEL ?? (testMode ? 'warn' : 'info'),
    ...(host ? { host } : {}),
  };
}
