import { admission, authorityNamed, type Admission, type Authority } from './authority.js';
import { Credentials } from './credentials.js';
import type { FailedSignIns } from './lockout.js';
import { randomProvenance, type Provenance } from './provenance.js';
import { isUserOf, membershipsOf, usersOf, type Membership } from './membership.js';
import { freeTrialIneligibility, type Ineligibility } from './eligibility.js';
import {
  FREE_TRIAL_OFFER,
  type Account,
  type AzureRole,
  type AzureSubscription,
  type Directory,
  type SignUpProfile,
  type TokenIdentity,
} from './model.js';
import { defaultDirectoryDomain, placementFor } from './placement.js';
import { furthest, type FormSection, type Progress, type Step } from './progress.js';
import { accessOf, type Access } from './roles.js';
import * as rules from './subscription-rules.js';
import type { Walk } from './walks.js';

export interface WorldData {
  readonly directories: readonly Directory[];
  readonly accounts: readonly Account[];
  readonly subscriptions: readonly AzureSubscription[];
  /** The walk whose link made this world, if one did. */
  readonly walk?: Walk;
  /** How far along the article this world has got. */
  readonly progress?: Progress;
  /** Sign-ups already made (request id → subscription id): a replayed form finds its subscription. */
  readonly placements?: readonly (readonly [string, string])[];
  /** Wrong passwords still counting toward a lockout, per account id. */
  readonly failedSignIns?: readonly (readonly [string, FailedSignIns])[];
  /** Sign-ins a scenario link queued, each once without a password, until a time (ms since the epoch). */
  readonly queuedSignIns?: QueuedSignIns;
}

export interface QueuedSignIns {
  readonly accountIds: readonly string[];
  readonly until: number;
}

/**
 * A world whole, ids and passwords included: what another process needs to go on with it exactly
 * where this one left it (unlike a world file, which is for people and gets new ids).
 */
export interface WorldState extends WorldData {
  readonly id: string;
  readonly code: string;
  readonly accounts: readonly Account[];
}

export type SignUpResult =
  | { readonly status: 'created'; readonly subscription: AzureSubscription; readonly directory: Directory }
  | { readonly status: 'refused'; readonly reason: Ineligibility | 'unknown-account' | 'tenant-mismatch' };

export interface VisibleSubscription {
  readonly subscription: AzureSubscription;
  readonly directory: Directory;
  readonly myRole: Access;
}

/** A rule's answer: the changed subscription, or why nothing changed ('unknown' for an id that names nothing). */
export type ChangeResult = rules.RuleResult | { readonly ok: false; readonly reason: 'unknown' };

export type { Membership } from './membership.js';

/**
 * One world: its directories, accounts and Azure subscriptions, and the rules that change them.
 * Every method runs to completion without awaiting, so two requests can never interleave inside
 * a sign-up: that is what makes placement exactly-once.
 */
export class World {
  readonly id: string;
  readonly #directories = new Map<string, Directory>();
  readonly #accounts = new Map<string, Account>();
  readonly #subscriptions = new Map<string, AzureSubscription>();
  /** Sign-up request id → the subscription it made, so a replayed form finds it again. */
  readonly #placements: Map<string, string>;

  /** Passwords and lockout, for the login service. */
  readonly credentials: Credentials;
  /** Told after every change that is kept, so that a store can save it. */
  #onChange: (world: World) => void = () => {};

  readonly code: string;
  readonly #provenance: Provenance;
  #walk: Walk | undefined;
  #progress: Progress | undefined;
  #queuedSignIns: QueuedSignIns | undefined;

  /**
   * @param provenance its id (unguessable: whoever knows it acts in this world, it is the
   * browser's world cookie), its code (short and readable, for people to tell a world apart; it
   * grants nothing), and where its new ids and times come from.
   */
  constructor(data: WorldData, provenance: Provenance = randomProvenance()) {
    this.#provenance = provenance;
    this.id = provenance.worldId;
    this.code = provenance.code;
    this.#walk = data.walk;
    this.#progress = data.progress;
    this.#placements = new Map(data.placements);
    this.#queuedSignIns = data.queuedSignIns;
    this.credentials = new Credentials(
      (id) => this.#accounts.get(id),
      () => this.#onChange(this),
      data.failedSignIns,
    );
    for (const directory of data.directories) this.#directories.set(directory.id, directory);
    for (const account of data.accounts) this.#accounts.set(account.id, { ...account });
    for (const subscription of data.subscriptions) this.#subscriptions.set(subscription.id, subscription);
  }

  /** A new phone verification code: random, but the same in a picture world. */
  newVerificationCode(): string {
    return this.#provenance.newCode();
  }

  /** One listener: the registry's, which saves the world when it is kept across restarts. */
  set onChange(listener: (world: World) => void) {
    this.#onChange = listener;
  }

  accountIds(): IterableIterator<string> {
    return this.#accounts.keys();
  }

  account(id: string): Account | undefined {
    return this.#accounts.get(id);
  }

  directory(id: string): Directory | undefined {
    return this.#directories.get(id);
  }

  subscription(id: string): AzureSubscription | undefined {
    return this.#subscriptions.get(id);
  }

  /** The authority a v2.0 path's `{tenant}` names in this world: a shared one, or one of its directories. */
  authorityNamed(tenant: string): Authority | undefined {
    return authorityNamed(tenant, this.#directories.values());
  }

  /** Whether, and to which tenant, the authority a tenant names signs this account in; undefined when it names none here. */
  admissionAt(tenant: string, account: Account): Admission | undefined {
    const authority = this.authorityNamed(tenant);
    return authority && admission(authority, account);
  }

  /** Every account signed in with this address: two when it is both a work and a personal account. */
  accountsBySignInName(signInName: string): Account[] {
    const wanted = signInName.trim().toLowerCase();
    return [...this.#accounts.values()].filter((account) => account.signInName === wanted);
  }

  /** Every account of one person: the mock's people keep one name across their accounts. */
  accountsByDisplayName(displayName: string): Account[] {
    return [...this.#accounts.values()].filter((account) => account.displayName === displayName);
  }

  homeDirectoryOf(account: Account): Directory | undefined {
    return account.homeDirectoryId === undefined ? undefined : this.#directories.get(account.homeDirectoryId);
  }

  /** Why this account cannot take a free trial, before it fills in the form; undefined if it can. */
  freeTrialIneligibility(accountId: string): Ineligibility | 'unknown-account' | undefined {
    const account = this.#accounts.get(accountId);
    if (!account) return 'unknown-account';
    return freeTrialIneligibility(account, this.homeDirectoryOf(account), this.#subscriptions.values());
  }

  /**
   * Creates the Free Trial for whoever the ID token names, in the directory its `tid` names.
   * The creator becomes Account and Service Administrator and Owner. The same request id always
   * answers with the subscription it made first, whatever is posted again.
   */
  signUpForFreeTrial(identity: TokenIdentity, requestId: string, profile: SignUpProfile): SignUpResult {
    const already = this.#placements.get(requestId);
    const earlier = already === undefined ? undefined : this.#subscriptions.get(already);
    if (earlier) return { status: 'created', subscription: earlier, directory: this.#directoryOf(earlier) };

    const account = this.#accounts.get(identity.accountId);
    if (!account) return { status: 'refused', reason: 'unknown-account' };
    const ineligible = this.freeTrialIneligibility(account.id);
    if (ineligible) return { status: 'refused', reason: ineligible };

    const placement = placementFor(identity.tenantId, account, (id) => this.#directories.get(id));
    if (placement.kind === 'refused') return { status: 'refused', reason: placement.reason };
    const directory = placement.kind === 'directory' ? placement.directory : this.#createDefaultDirectory(account);

    const subscription: AzureSubscription = {
      id: this.#provenance.newId(),
      offerId: FREE_TRIAL_OFFER,
      directoryId: directory.id,
      accountAdminId: account.id,
      serviceAdminId: account.id,
      coAdministratorIds: [],
      roleAssignments: [{ principalId: account.id, role: 'Owner' }],
      createdAt: this.#provenance.now().toISOString(),
      billingContact: profile,
      signUpTenantId: identity.tenantId,
    };
    this.#subscriptions.set(subscription.id, subscription);
    this.#placements.set(requestId, subscription.id);
    this.#reach({ kind: 'signed-up', directory: directory.name });
    this.#onChange(this);
    return { status: 'created', subscription, directory };
  }

  /** The directories an account can switch to: its home directory first, then those it is a guest of. */
  membershipsOf(accountId: string): Membership[] {
    const account = this.#accounts.get(accountId);
    return account ? membershipsOf(account, (id) => this.#directories.get(id)) : [];
  }

  /** The subscriptions of one directory this account can see: it holds a role, or is a classic administrator. */
  subscriptionsVisibleTo(accountId: string, directoryId: string): VisibleSubscription[] {
    const visible: VisibleSubscription[] = [];
    for (const subscription of this.#subscriptions.values()) {
      if (subscription.directoryId !== directoryId) continue;
      const myRole = accessOf(subscription, accountId);
      if (myRole) visible.push({ subscription, directory: this.#directoryOf(subscription), myRole });
    }
    return visible;
  }

  /** One subscription as this account sees it, or undefined when it may not see it. */
  visibleSubscription(accountId: string, subscriptionId: string): VisibleSubscription | undefined {
    const subscription = this.#subscriptions.get(subscriptionId);
    const myRole = subscription ? accessOf(subscription, accountId) : undefined;
    return subscription && myRole ? { subscription, directory: this.#directoryOf(subscription), myRole } : undefined;
  }

  /** Members and guests of a directory, for pickers: members first, then guests, by address. */
  usersOf(directoryId: string): { account: Account; membership: 'member' | 'guest' }[] {
    return usersOf(this.#accounts.values(), directoryId);
  }

  /** Azure subscriptions of a directory with who owns each (its Account Administrator): for the directory diagram. */
  subscriptionsOf(directoryId: string): AzureSubscription[] {
    return [...this.#subscriptions.values()].filter((subscription) => subscription.directoryId === directoryId);
  }

  /** Whether an account is a user (member or guest) of a directory. */
  isUserOf(accountId: string, directoryId: string): boolean {
    const account = this.#accounts.get(accountId);
    return account !== undefined && isUserOf(account, directoryId);
  }

  grantRole(actorId: string, subscriptionId: string, principalId: string, role: AzureRole): ChangeResult {
    return this.#change(subscriptionId, (s) =>
      rules.grantRole(s, actorId, this.#party(principalId, s.directoryId), role),
    );
  }

  revokeRole(actorId: string, subscriptionId: string, principalId: string, role: AzureRole): ChangeResult {
    return this.#change(subscriptionId, (s) => rules.revokeRole(s, actorId, principalId, role));
  }

  changeServiceAdmin(actorId: string, subscriptionId: string, nextAdminId: string): ChangeResult {
    return this.#change(subscriptionId, (s) =>
      rules.changeServiceAdmin(s, actorId, this.#party(nextAdminId, s.directoryId)),
    );
  }

  addCoAdministrator(actorId: string, subscriptionId: string, userId: string): ChangeResult {
    return this.#change(subscriptionId, (s) =>
      rules.addCoAdministrator(s, actorId, this.#party(userId, s.directoryId)),
    );
  }

  removeCoAdministrator(actorId: string, subscriptionId: string, userId: string): ChangeResult {
    return this.#change(subscriptionId, (s) => rules.removeCoAdministrator(s, actorId, userId));
  }

  changeDirectory(actorId: string, subscriptionId: string, targetDirectoryId: string): ChangeResult {
    const target = this.#directories.get(targetDirectoryId);
    if (!target) return { ok: false, reason: 'unknown' };
    return this.#change(
      subscriptionId,
      (s) => rules.changeDirectory(s, actorId, { id: target.id, actorIsUser: this.isUserOf(actorId, target.id) }),
      { kind: 'changed-directory', directory: target.name },
    );
  }

  /** The subscriptions someone signed up for in this world: not the seed's own (Dave's Pay-As-You-Go). */
  signedUpSubscriptions(): AzureSubscription[] {
    return [...this.#subscriptions.values()].filter((subscription) => subscription.signUpTenantId !== undefined);
  }

  /** The walk this world was made for (Check my work answers for it); undefined for the article as written. */
  get walk(): Walk | undefined {
    return this.#walk;
  }

  /** Made by a walk's link: from now on this world answers for that walk. */
  madeFor(walk: Walk): void {
    this.#walk = walk;
    this.#onChange(this);
  }

  /** The furthest step of the article this world has reached, and since when; undefined before any. */
  get progress(): Progress | undefined {
    return this.#progress;
  }

  /** Someone signed in to the sign-up site, the article's first step. */
  signedInToSignUp(accountId: string): void {
    const account = this.#accounts.get(accountId);
    if (account) this.#reachAndSave({ kind: 'signed-in', account: account.signInName });
  }

  /** The sign-up form is open at this numbered section. */
  signUpFormAt(section: FormSection): void {
    this.#reachAndSave({ kind: 'form-section', section });
  }

  /** The portal opened: a step of the article only once someone here has signed up. */
  portalOpened(): void {
    // Every portal page asks: stop at the first subscription someone signed up for, make no list.
    for (const subscription of this.#subscriptions.values())
      if (subscription.signUpTenantId !== undefined) return this.#reachAndSave({ kind: 'portal-opened' });
  }

  /** Everything, as plain JSON, for the test-only API and for failure reports. Passwords left out. */
  snapshot() {
    const { id, code, walk, progress, directories, accounts, subscriptions } = this.state();
    return {
      id,
      code,
      ...(walk ? { walk } : {}),
      ...(progress ? { progress } : {}),
      directories,
      accounts: accounts.map(({ password: _password, ...account }) => account),
      subscriptions,
    };
  }

  /** The world whole, for another process (passwords included: it never leaves the portal's own store). */
  state(): WorldState {
    return {
      id: this.id,
      code: this.code,
      ...(this.#walk ? { walk: this.#walk } : {}),
      ...(this.#progress ? { progress: this.#progress } : {}),
      directories: [...this.#directories.values()],
      accounts: [...this.#accounts.values()],
      subscriptions: [...this.#subscriptions.values()],
      placements: [...this.#placements.entries()],
      failedSignIns: this.credentials.failedSignIns(),
      ...(this.#queuedSignIns ? { queuedSignIns: this.#queuedSignIns } : {}),
    };
  }

  /** A scenario link signs these accounts in, each once, without a password, until then. */
  queueSignIns(accountIds: readonly string[], until: number): void {
    this.#queuedSignIns = { accountIds: [...accountIds], until };
    this.#onChange(this);
  }

  /** Whether this account's sign-in is queued and not yet too late; if so, it is used up. */
  takeQueuedSignIn(accountId: string, now: number): boolean {
    const queued = this.#queuedSignIns;
    if (!queued || queued.until <= now || !queued.accountIds.includes(accountId)) return false;
    const rest = queued.accountIds.filter((id) => id !== accountId);
    this.#queuedSignIns = rest.length > 0 ? { ...queued, accountIds: rest } : undefined;
    this.#onChange(this);
    return true;
  }

  /**
   * Whether this step is further than any before: then it is the furthest, from now. On the wall
   * clock, not the world's own (a picture world's is fixed in 2017): it tells a trainer how long
   * a learner has been at a step.
   */
  #reach(step: Step): boolean {
    const next = furthest(this.#progress, step, new Date());
    if (next === this.#progress) return false;
    this.#progress = next;
    return true;
  }

  #reachAndSave(step: Step): void {
    if (this.#reach(step)) this.#onChange(this);
  }

  #party(accountId: string, directoryId: string): rules.Party {
    return { id: accountId, inDirectory: this.isUserOf(accountId, directoryId) };
  }

  /** Applies one rule to a subscription and keeps its result (and the step it reaches); a refusal changes nothing. */
  #change(
    subscriptionId: string,
    rule: (subscription: AzureSubscription) => rules.RuleResult,
    reached?: Step,
  ): ChangeResult {
    const subscription = this.#subscriptions.get(subscriptionId);
    if (!subscription) return { ok: false, reason: 'unknown' };
    const result = rule(subscription);
    if (result.ok) {
      this.#subscriptions.set(subscriptionId, result.subscription);
      if (reached) this.#reach(reached);
      this.#onChange(this);
    }
    return result;
  }

  #directoryOf(subscription: AzureSubscription): Directory {
    const directory = this.#directories.get(subscription.directoryId);
    if (!directory) throw new Error(`subscription ${subscription.id} names a missing directory`);
    return directory;
  }

  #createDefaultDirectory(account: Account): Directory {
    const taken = new Set([...this.#directories.values()].map((directory) => directory.initialDomain));
    const directory: Directory = {
      id: this.#provenance.newId(),
      name: 'Default Directory',
      initialDomain: defaultDirectoryDomain(account.signInName, (domain) => taken.has(domain)),
      verifiedDomains: [],
      managed: true,
      office365Subscriptions: [],
      createdForAccountId: account.id,
    };
    this.#directories.set(directory.id, directory);
    account.homeDirectoryId = directory.id;
    return directory;
  }
}

/** The world a state describes, under its same id, code and account ids. */
export function worldFromState(state: WorldState): World {
  return new World(state, randomProvenance(state.id, state.code));
}
