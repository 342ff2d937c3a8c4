import { PERSONAL_ACCOUNT_TENANT_ID, type Account, type Directory } from './model.js';
import { isWhereTheArticleWantsIt } from './verdict.js';
import type { World } from './world.js';

/** The same person's other account, and whether its directory can be reached from here. */
export interface OtherAccount {
  readonly account: Account;
  readonly directory: Directory;
  /** Change directory needs the signer to be a user (member or guest) of the target directory. */
  readonly canChangeDirectory: boolean;
}

/** Why a subscription is in its directory, as the sign-up's ID token decided it. */
export interface WhyItLanded {
  readonly signer: Account;
  /** The directory the token's `tid` named, or undefined for a personal account's consumer tenant. */
  readonly tokenDirectory: Directory | undefined;
  /** Where the sign-up put it: the token's directory, or the personal account's own Default Directory. */
  readonly placedIn: Directory | undefined;
  readonly directory: Directory;
  /** It is where the article wants it (Contoso): said first, before how it got there. */
  readonly whereTheArticleWantsIt: boolean;
  /** True once Change directory took it elsewhere than the sign-up put it. */
  readonly moved: boolean;
  /** The signer's other accounts (the same name) whose home directory is another one. */
  readonly others: readonly OtherAccount[];
}

/**
 * Explains where a signed-up subscription is, from the `tid` it was signed up with: a work
 * account's sign-up lands in the directory of its token, a personal account's in a Default
 * Directory of its own. Undefined for a subscription nobody signed up for here (a seeded one).
 */
export function whyItLanded(world: World, subscriptionId: string): WhyItLanded | undefined {
  const subscription = world.subscription(subscriptionId);
  const signer = subscription ? world.account(subscription.accountAdminId) : undefined;
  const directory = subscription ? world.directory(subscription.directoryId) : undefined;
  const tenantId = subscription?.signUpTenantId;
  if (!subscription || !signer || !directory || tenantId === undefined) return undefined;

  const personal = tenantId === PERSONAL_ACCOUNT_TENANT_ID;
  const tokenDirectory = personal ? undefined : world.directory(tenantId);
  const placedIn = personal ? world.homeDirectoryOf(signer) : tokenDirectory;
  const moved = placedIn?.id !== directory.id;
  const others = world
    .accountsByDisplayName(signer.displayName)
    .filter((account) => account.id !== signer.id)
    .flatMap((account): OtherAccount[] => {
      const home = world.homeDirectoryOf(account);
      if (!home || home.id === directory.id) return [];
      return [{ account, directory: home, canChangeDirectory: world.isUserOf(signer.id, home.id) }];
    });
  return {
    signer,
    tokenDirectory,
    placedIn,
    directory,
    whereTheArticleWantsIt: isWhereTheArticleWantsIt(directory),
    moved,
    others,
  };
}
