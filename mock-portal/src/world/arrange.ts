import type { AccountKind, AzureRole, SignUpProfile } from './model.js';
import { tenantIdOf } from './placement.js';
import type { ChangeResult, World } from './world.js';

/** A Free Trial made as its signer would make it, then changed by that signer through the portal's rules. */
export interface ArrangedSubscription {
  /** Who signs up (a sign-in name); their ID token decides where it lands, as in the real sign-up. */
  readonly signedUpBy: string;
  /** Which of two accounts that share the address signs up; work unless said. */
  readonly kind?: AccountKind;
  /** Change directory to the directory of this name, done by the signer before any access is given. */
  readonly movedTo?: string;
  /** Roles the signer gives in Access control (IAM), in this order. */
  readonly roleAssignments?: readonly { readonly principal: string; readonly role: AzureRole }[];
  /** Co-administrators the signer adds, in this order. */
  readonly coAdministrators?: readonly string[];
}

/** What a test needs already done before it starts. Only states the rules can reach can be asked for. */
export interface WorldArrangement {
  readonly subscriptions?: readonly ArrangedSubscription[];
}

export type ArrangeResult =
  { readonly ok: true; readonly subscriptionIds: readonly string[] } | { readonly ok: false; readonly problem: string };

class Refused extends Error {}

/**
 * Brings a fresh world to the state an arrangement describes, one step at a time through the
 * world's own rules: a sign-up as its ID token would place it, then moves, roles and
 * co-administrators as the signer would make them in the portal. The first refusal stops it and
 * names the step; the world is then half-arranged and must be thrown away.
 */
export function arrange(world: World, arrangement: WorldArrangement): ArrangeResult {
  const subscriptionIds: string[] = [];
  try {
    (arrangement.subscriptions ?? []).forEach((wanted, index) =>
      subscriptionIds.push(arrangeSubscription(world, wanted, `subscriptions[${index}]`)),
    );
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    throw error;
  }
  return { ok: true, subscriptionIds };
}

function arrangeSubscription(world: World, wanted: ArrangedSubscription, where: string): string {
  const kind = wanted.kind ?? 'work';
  const signer = accountNamed(world, wanted.signedUpBy, `${where}.signedUpBy`, kind);
  const tenantId = tenantIdOf(signer);
  if (!tenantId) throw new Refused(`${where}.signedUpBy: ${wanted.signedUpBy} has no directory to sign in to`);
  const profile: SignUpProfile = {
    country: 'US',
    firstName: signer.givenName,
    lastName: signer.surname,
    email: signer.signInName,
    workPhone: '+1 425 555 0100',
    organization: '',
  };
  const result = world.signUpForFreeTrial({ tenantId, accountId: signer.id }, `arranged:${where}`, profile);
  if (result.status === 'refused')
    throw new Refused(`${where}.signedUpBy: the sign-up of ${wanted.signedUpBy} was refused (${result.reason})`);
  const subscriptionId = result.subscription.id;
  const apply = (step: string, change: ChangeResult) => {
    if (!change.ok) throw new Refused(`${where}.${step}: refused (${change.reason})`);
  };

  if (wanted.movedTo !== undefined) {
    const target = world.snapshot().directories.find((directory) => directory.name === wanted.movedTo);
    if (!target) throw new Refused(`${where}.movedTo: no directory is named ${wanted.movedTo}`);
    apply('movedTo', world.changeDirectory(signer.id, subscriptionId, target.id));
  }
  (wanted.roleAssignments ?? []).forEach(({ principal, role }, index) => {
    const step = `roleAssignments[${index}]`;
    apply(
      step,
      world.grantRole(signer.id, subscriptionId, accountNamed(world, principal, `${where}.${step}`).id, role),
    );
  });
  (wanted.coAdministrators ?? []).forEach((name, index) => {
    const step = `coAdministrators[${index}]`;
    apply(step, world.addCoAdministrator(signer.id, subscriptionId, accountNamed(world, name, `${where}.${step}`).id));
  });
  return subscriptionId;
}

function accountNamed(world: World, signInName: string, where: string, kind: AccountKind = 'work') {
  const account = world.accountsBySignInName(signInName).find((candidate) => candidate.kind === kind);
  if (!account) throw new Refused(`${where}: no ${kind} account is called ${signInName}`);
  return account;
}
