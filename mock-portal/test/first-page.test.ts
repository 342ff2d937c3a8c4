import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstPage, type Arrival, type FirstPage } from '../src/services/login/first-page.js';

const signedIn = (accountId: string, staySignedIn = false) => ({ accountId, signedIn: true, staySignedIn });
const signedOut = (accountId: string) => ({ accountId, signedIn: false, staySignedIn: false });
const arrival = (change: Partial<Arrival>): Arrival => ({
  prompt: 'none',
  hint: '',
  hintedAccountId: undefined,
  queued: false,
  tiles: [],
  ...change,
});

/** Each row: how the sign-in arrives, and the page it must start on. */
const TABLE: readonly (readonly [string, Partial<Arrival>, FirstPage])[] = [
  ['nothing remembered: the user name, empty', {}, { show: 'username', prefill: '' }],
  [
    'one account remembered and signed in: signed in again, no page (pitfall 3)',
    { tiles: [signedIn('fabrikam', true)] },
    { show: 'nothing', accountId: 'fabrikam', staySignedIn: true },
  ],
  ['one account remembered, signed out: Pick an account', { tiles: [signedOut('fabrikam')] }, { show: 'pick-account' }],
  [
    'two accounts remembered: Pick an account (pitfall 1)',
    { tiles: [signedIn('fabrikam'), signedIn('contoso')] },
    { show: 'pick-account' },
  ],
  [
    'prompt=select_account, even with one account: Pick an account',
    { prompt: 'select_account', tiles: [signedIn('fabrikam')] },
    { show: 'pick-account' },
  ],
  [
    'prompt=login, with an account signed in and a hint: the user name, with the hint',
    { prompt: 'login', hint: 'alice@contoso.com', hintedAccountId: 'contoso', tiles: [signedIn('contoso')] },
    { show: 'username', prefill: 'alice@contoso.com' },
  ],
  [
    'a hint naming a signed-in account: signed in again as it, no page',
    { hint: 'alice@contoso.com', hintedAccountId: 'contoso', tiles: [signedIn('fabrikam'), signedIn('contoso', true)] },
    { show: 'nothing', accountId: 'contoso', staySignedIn: true },
  ],
  [
    'a hint naming an account not signed in: its password',
    { hint: 'alice@contoso.com', hintedAccountId: 'contoso', tiles: [signedIn('fabrikam'), signedOut('contoso')] },
    { show: 'password', accountId: 'contoso' },
  ],
  [
    'a hint naming no account here, or a work and a personal account at once: the user name, filled in',
    { hint: 'carol@contoso.com', tiles: [signedIn('fabrikam')] },
    { show: 'username', prefill: 'carol@contoso.com' },
  ],
  [
    'a scenario sign-in queued for the hinted account: signed in, no page, whatever the prompt',
    { prompt: 'login', hint: 'alice@contoso.com', hintedAccountId: 'contoso', queued: true },
    { show: 'nothing', accountId: 'contoso', staySignedIn: false },
  ],
];

describe('the first page of a sign-in', () => {
  for (const [title, change, expected] of TABLE)
    it(title, () => {
      assert.deepEqual(firstPage(arrival(change)), expected);
    });
});
