import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { postSection, signInToSignup } from '../../testkit/flows.js';
import { listenKeepingWorlds, newDataDir, restartKeepingWorlds } from './kept-worlds.js';

/**
 * A restarted server on the same port: new secrets, empty session stores, as after a deploy or a
 * crash; its worlds are read back from its data folder, as `npm start` does.
 */
const restart = restartKeepingWorlds;
const start = () => listenKeepingWorlds(newDataDir());

const startAgainLink = (html: string) => /<a[^>]*href="([^"]+)"[^>]*>\s*Start again\s*<\/a>/.exec(html)?.[1];

/** A restart or an expired session mid-flow explains itself and offers to start again; never a 500. */
describe('a server restart or an expired session in the middle of a flow', () => {
  it('mid-form: the next section is refused with a page that explains and links to the start of sign-up', async () => {
    let running = await start();
    const client = new CookieClient(running.url);
    const form = await signInToSignup(client, 'alice@contoso.com', SEED_PASSWORD);
    running = await restart(running);
    try {
      const refused = await postSection(client, form, { action: 'about', country: 'US', workPhone: '+1 425 555 0100' });
      assert.equal(refused.status, 403);
      assert.match(refused.html, /the service restarted/);
      assert.equal(startAgainLink(refused.html), '/signup/');
      const again = await client.send('/signup/');
      assert.equal(again.status, 303, 'starting again sends the browser to sign in');
      assert.match(again.headers.get('location') ?? '', /\/login\/common\/v2\.0\/authorize\?/);
    } finally {
      await running.close();
    }
  });

  it('mid-sign-in: the password page of a sign-in the old server started explains and offers to start again', async () => {
    let running = await start();
    const client = new CookieClient(running.url);
    const { response, url } = await client.follow('/signup/');
    const token = csrfTokenOf(await response.text());
    running = await restart(running);
    try {
      const posted = await client.postForm(`${url.pathname}/username`, { _csrf: token, username: 'alice@contoso.com' });
      assert.equal(posted.status, 403);
      const html = await posted.text();
      assert.doesNotMatch(html, /at .+\.(ts|js):\d+/, 'no stack trace');
      assert.equal(startAgainLink(html), '/', 'Start again leads to Azure.com, where Start free begins the sign-in');
      const page = await client.send(url.pathname);
      assert.equal(page.status, 400, 'the old sign-in page says the sign-in expired');
      assert.match(await page.text(), /This sign-in has expired/);
    } finally {
      await running.close();
    }
  });

  it('at the callback: a code from the old server is refused with a sign-in page, not a 500', async () => {
    let running = await start();
    const client = new CookieClient(running.url);
    const { url } = await client.follow('/signup/');
    running = await restart(running);
    try {
      const callback = await client.send('/signup/callback?code=old-code&state=old-state');
      assert.ok(callback.status >= 400 && callback.status < 500, `answered ${callback.status}`);
      assert.match(await callback.text(), /Start again/);
      assert.ok(url.pathname.startsWith('/login/interaction/'));
    } finally {
      await running.close();
    }
  });

  it('portal: a form from before the restart is refused with a link back to Subscriptions', async () => {
    let running = await start();
    const client = new CookieClient(running.url);
    const stale = await client.postForm('/portal/signout', { _csrf: 'from-an-old-page' });
    assert.equal(stale.status, 403);
    running = await restart(running);
    try {
      const refused = await client.postForm('/portal/directories', { _csrf: 'from-an-old-page', directoryId: 'x' });
      assert.equal(refused.status, 403);
      assert.equal(startAgainLink(await refused.text()), '/portal/subscriptions');
    } finally {
      await running.close();
    }
  });
});
