import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OFFERS, type Account, type AzureSubscription, type Directory } from './model.js';
import { randomProvenance } from './provenance.js';
import { SEED_PASSWORD } from './seed.js';
import { storedSignInNameSchema } from './sign-in-name.js';
import { WALKS } from './walks.js';
import { World } from './world.js';

/** What a world file says it is, so that another JSON file is refused by name rather than by accident. */
export const WORLD_FILE_FORMAT = 'mock-azure-world/1';

/** Largest world file taken, in bytes: a seeded world is about 5 KB, one with 200 extra organisations about 120 KB. */
export const WORLD_FILE_MAX_BYTES = 512 * 1024;

const id = z.string().min(1).max(64);
const text = z.string().max(200);
const domain = z
  .string()
  .max(253)
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
const signInName = storedSignInNameSchema;
const role = z.enum(['Owner', 'Contributor', 'Reader']);

const directory = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  initialDomain: domain,
  verifiedDomains: z.array(domain).max(20),
  managed: z.boolean(),
  office365Subscriptions: z.array(z.strictObject({ name: text, licences: z.number().int().min(0).max(1e6) })).max(20),
  createdForAccountId: id.optional(),
});

const account = z.strictObject({
  id,
  signInName,
  kind: z.enum(['work', 'personal']),
  displayName: text,
  givenName: text,
  surname: text,
  homeDirectoryId: id.optional(),
  guestOfDirectoryIds: z.array(id).max(50),
  directoryRoles: z.array(z.strictObject({ directoryId: id, role: z.literal('Global administrator') })).max(50),
  locked: z.boolean(),
});

const profile = z.strictObject({
  country: z.string().max(2),
  firstName: text,
  lastName: text,
  email: text,
  workPhone: text,
  organization: text,
});

const subscription = z.strictObject({
  id,
  offerId: z.enum(Object.keys(OFFERS) as [keyof typeof OFFERS, ...(keyof typeof OFFERS)[]]),
  directoryId: id,
  accountAdminId: id,
  serviceAdminId: id,
  coAdministratorIds: z.array(id).max(50),
  roleAssignments: z.array(z.strictObject({ principalId: id, role })).max(100),
  createdAt: z.iso.datetime(),
  billingContact: profile.optional(),
  signUpTenantId: id.optional(),
});

const progress = z.strictObject({
  step: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('signed-in'), account: signInName }),
    z.strictObject({
      kind: z.literal('form-section'),
      section: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    }),
    z.strictObject({ kind: z.literal('signed-up'), directory: z.string().min(1).max(100) }),
    z.strictObject({ kind: z.literal('portal-opened') }),
    z.strictObject({ kind: z.literal('changed-directory'), directory: z.string().min(1).max(100) }),
  ]),
  since: z.iso.datetime(),
});

/** A world as a file: what the Scenarios page exports and imports, and what the store keeps. */
export const worldFileSchema = z
  .strictObject({
    format: z.literal(WORLD_FILE_FORMAT),
    exportedAt: z.iso.datetime().optional(),
    directories: z.array(directory).min(1).max(300),
    accounts: z.array(account).min(1).max(1000),
    subscriptions: z.array(subscription).max(500),
    walk: z.enum(WALKS).optional(),
    progress: progress.optional(),
  })
  .superRefine((file, ctx) => {
    for (const problem of danglingReferences(file)) ctx.addIssue({ code: 'custom', message: problem });
  });

export type WorldFile = z.infer<typeof worldFileSchema>;

/** Every id in the file that names nothing in it: a file that passes could not be read as a world otherwise. */
function danglingReferences(file: Pick<WorldFile, 'directories' | 'accounts' | 'subscriptions'>): string[] {
  const directories = new Set(file.directories.map((d) => d.id));
  const accounts = new Set(file.accounts.map((a) => a.id));
  const problems: string[] = [];
  const need = (ids: Set<string>, wanted: string | undefined, where: string) => {
    if (wanted !== undefined && !ids.has(wanted)) problems.push(`${where} names ${wanted}, which is not in the file`);
  };
  if (directories.size !== file.directories.length) problems.push('two directories share an id');
  if (accounts.size !== file.accounts.length) problems.push('two accounts share an id');
  file.directories.forEach((d, i) => need(accounts, d.createdForAccountId, `directories[${i}].createdForAccountId`));
  file.accounts.forEach((a, i) => {
    need(directories, a.homeDirectoryId, `accounts[${i}].homeDirectoryId`);
    a.guestOfDirectoryIds.forEach((g, j) => need(directories, g, `accounts[${i}].guestOfDirectoryIds[${j}]`));
    a.directoryRoles.forEach((r, j) => need(directories, r.directoryId, `accounts[${i}].directoryRoles[${j}]`));
  });
  file.subscriptions.forEach((s, i) => {
    const where = `subscriptions[${i}]`;
    need(directories, s.directoryId, `${where}.directoryId`);
    need(accounts, s.accountAdminId, `${where}.accountAdminId`);
    need(accounts, s.serviceAdminId, `${where}.serviceAdminId`);
    s.coAdministratorIds.forEach((c, j) => need(accounts, c, `${where}.coAdministratorIds[${j}]`));
    s.roleAssignments.forEach((r, j) => need(accounts, r.principalId, `${where}.roleAssignments[${j}].principalId`));
  });
  return problems;
}

/** A world as a file. Ids and passwords stay out: ids are made anew on import, and every seeded account shares one password. */
export function worldFileOf(world: World): WorldFile {
  const { directories, accounts, subscriptions } = world.snapshot();
  return {
    format: WORLD_FILE_FORMAT,
    exportedAt: new Date().toISOString(),
    directories: [...directories],
    accounts: accounts.map((a) => ({ ...a })),
    subscriptions: [...subscriptions],
    ...(world.walk ? { walk: world.walk } : {}),
    ...(world.progress ? { progress: world.progress } : {}),
  } as WorldFile;
}

export type ParsedWorldFile = { ok: true; file: WorldFile } | { ok: false; problems: string[] };

/** Reads a file's text: JSON, then the schema, then every reference. Never throws. */
export function parseWorldFile(text: string): ParsedWorldFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['not JSON'] };
  }
  const parsed = worldFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, file: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`),
  };
}

/**
 * A world made from a file, with new account ids: an account id names exactly one world in the
 * process (an ID token's `oid` finds its world by it), so a file imported twice, or a world
 * exported from another one, must never bring its ids along.
 */
export function worldFromFile(file: WorldFile, id?: string, code?: string): World {
  const accountIds = new Map(file.accounts.map((a) => [a.id, randomUUID()]));
  const newId = (old: string) => accountIds.get(old) ?? old;
  const directories: Directory[] = file.directories.map((d) => {
    const { createdForAccountId, ...rest } = d;
    return createdForAccountId === undefined ? rest : { ...rest, createdForAccountId: newId(createdForAccountId) };
  });
  const accounts: Account[] = file.accounts.map((a) => ({
    ...a,
    id: newId(a.id),
    homeDirectoryId: a.homeDirectoryId,
    password: SEED_PASSWORD,
  }));
  const subscriptions: AzureSubscription[] = file.subscriptions.map((s) => ({
    ...s,
    accountAdminId: newId(s.accountAdminId),
    serviceAdminId: newId(s.serviceAdminId),
    coAdministratorIds: s.coAdministratorIds.map(newId),
    roleAssignments: s.roleAssignments.map((r) => ({ ...r, principalId: newId(r.principalId) })),
  }));
  return new World(
    {
      directories,
      accounts,
      subscriptions,
      ...(file.walk ? { walk: file.walk } : {}),
      ...(file.progress ? { progress: file.progress } : {}),
    },
    randomProvenance(id, code),
  );
}
