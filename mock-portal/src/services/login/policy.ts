import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { WorldRegistry } from '../../world/registry.js';
import type { World } from '../../world/world.js';
import { REMEMBERED_COOKIE, type RememberedAccounts } from './remembered.js';
import { authorityParameterOf } from './v2-routes.js';

/** The prompt of "Are you trying to sign in to …?", the device sign-in's last page. */
export const DEVICE_CONFIRM_PROMPT = 'device_confirm';

/**
 * When the login service must show a page, on top of oidc-provider's defaults:
 * - `select_account` can be requested, and is asked for by itself when this browser has two or
 *   more signed-in accounts and the relying party said neither which (`login_hint`) nor `login`;
 * - a session whose account no longer exists in this browser's world (the world was started over,
 *   replaced, or the browser joined another) must sign in again;
 * - a session whose account the sign-in's authority does not sign in (a directory's outsider,
 *   say) must sign in again, where the sign-in pages refuse it by name;
 * - a `login_hint` naming someone else than the session's account must sign in again;
 * - a native client (the Azure CLI) is not asked for consent: every client here is first-party;
 * - a device sign-in asks which account even when one is signed in (the browser's account may not
 *   be the one meant for the device), and ends by asking whether the person means to sign in to
 *   that application (`device_confirm`), as Microsoft's devicelogin does.
 * With exactly one signed-in account and no prompt, nothing triggers: the browser is signed in
 * again silently, which is how the wrong account slips through (pitfall 3).
 */
export function promptPolicy(registry: WorldRegistry, remembered: RememberedAccounts) {
  const { Check, Prompt, base } = interactionPolicy;
  const { REQUEST_PROMPT, NO_NEED_TO_PROMPT } = Check;
  const policy = base();

  /** The world this browser acts in, as world selection put it on the request before the provider ran. */
  const worldOf = (ctx: KoaContextWithOIDC) => (ctx.req as { world?: World }).world;
  /** An account that still exists, in this browser's world. */
  const ofThisWorld = (ctx: KoaContextWithOIDC, accountId: string) => {
    const world = registry.findAccount(accountId)?.world;
    return world !== undefined && world === worldOf(ctx);
  };

  const signedInHere = (ctx: KoaContextWithOIDC) =>
    remembered
      .list(ctx.cookies.get(REMEMBERED_COOKIE))
      .filter((entry) => entry.signedIn && ofThisWorld(ctx, entry.accountId));

  policy.add(
    new Prompt(
      { name: 'select_account', requestable: true },
      new Check('several_accounts', 'Several accounts are signed in: pick one', (ctx) => {
        const { oidc } = ctx;
        if (oidc.result?.login || oidc.result?.select_account || oidc.params?.login_hint || oidc.prompts.has('login'))
          return NO_NEED_TO_PROMPT;
        const signedIn = signedInHere(ctx).length;
        return signedIn >= 2 || (signedIn === 1 && oidc.entities.DeviceCode) ? REQUEST_PROMPT : NO_NEED_TO_PROMPT;
      }),
    ),
    0,
  );

  policy.add(
    new Prompt(
      { name: DEVICE_CONFIRM_PROMPT, requestable: false },
      new Check('device_not_confirmed', 'A device sign-in asks whether this is the application meant', (ctx) =>
        ctx.oidc.entities.DeviceCode && !ctx.oidc.result?.[DEVICE_CONFIRM_PROMPT] ? REQUEST_PROMPT : NO_NEED_TO_PROMPT,
      ),
    ),
    2,
  );

  // Microsoft's native clients (the Azure CLI, PowerShell) are pre-authorised: no consent page.
  policy.get('consent')?.checks.remove('native_client_prompt');

  const login = policy.get('login');
  login?.checks.add(
    new Check('account_gone', "The signed-in account no longer exists in this browser's world", (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      return accountId && !ofThisWorld(ctx, accountId) ? REQUEST_PROMPT : NO_NEED_TO_PROMPT;
    }),
    0,
  );
  login?.checks.add(
    new Check('account_refused_here', 'The authority does not sign in the signed-in account', (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const found = accountId ? registry.findAccount(accountId) : undefined;
      if (!found) return NO_NEED_TO_PROMPT;
      return found.world.admissionAt(authorityParameterOf(ctx.oidc.params), found.account)?.admitted
        ? NO_NEED_TO_PROMPT
        : REQUEST_PROMPT;
    }),
    1,
  );
  login?.checks.add(
    new Check('login_hint_other_account', 'login_hint names another account', (ctx) => {
      const { oidc } = ctx;
      const hint = typeof oidc.params?.login_hint === 'string' ? oidc.params?.login_hint.trim().toLowerCase() : '';
      const accountId = oidc.session?.accountId;
      if (!hint || !accountId || oidc.result?.login) return NO_NEED_TO_PROMPT;
      return registry.findAccount(accountId)?.account.signInName === hint ? NO_NEED_TO_PROMPT : REQUEST_PROMPT;
    }),
  );
  return policy;
}
