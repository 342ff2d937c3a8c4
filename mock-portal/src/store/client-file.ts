import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The mock's own applications, which no registered one may take the id of. */
const RESERVED_CLIENT_IDS = new Set(['signup-azure', 'portal-azure']);

const httpUrl = z
  .string()
  .max(2_000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// URL without a #fragment');

const registeredClient = z.strictObject({
  clientId: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{1,100}$/, 'must be 1 to 100 letters, digits and . _ ~ -')
    .refine((id) => !RESERVED_CLIENT_IDS.has(id), "is one of the mock's own applications"),
  redirectUris: z.array(httpUrl).min(1, 'needs at least one URL').max(20),
  /** Absent for a public client (a single-page or desktop app), which has PKCE only. */
  clientSecret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
});

const clientFile = z
  .array(registeredClient)
  .max(100)
  .superRefine((clients, context) => {
    const seen = new Set<string>();
    clients.forEach(({ clientId }, index) => {
      if (seen.has(clientId))
        context.addIssue({ code: 'custom', path: [index, 'clientId'], message: `${clientId} is registered twice` });
      seen.add(clientId);
    });
  });

/** An application someone registered in the MOCK_CLIENTS file. */
export type RegisteredClient = z.infer<typeof registeredClient>;

/** `[1].redirectUris[0]`: where in the file a problem is. */
function where(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('') || '(the file)';
}

/**
 * The applications registered in the file MOCK_CLIENTS names: a JSON array of
 * `{ "clientId", "redirectUris", "clientSecret"? }`. Throws one message that names the file and
 * every field that is wrong, for start-up to print.
 */
export function readClientFile(file: string): RegisteredClient[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`MOCK_CLIENTS: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`MOCK_CLIENTS: ${file} is not JSON`, { cause: error });
  }
  const parsed = clientFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${where(issue.path)}: ${issue.message}`);
    throw new Error(`MOCK_CLIENTS: ${file} is not a list of applications: ${problems.join('; ')}`);
  }
  return parsed.data;
}
