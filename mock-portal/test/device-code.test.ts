import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { listen, type Running } from '../src/listen.js';
import { SEED_DIRECTORY_IDS, SEED_PASSWORD } from '../src/world/seed.js';
import {
  AZURE_CLI,
  azureCliDeviceCode,
  azureCliToken,
  signInWithDeviceCode,
  typeDeviceCode,
  type DeviceCodeAnswer,
} from '../../testkit/azure-cli.js';
import { CookieClient, csrfTokenOf } from '../../testkit/cookie-client.js';
import { clientIn, newWorld, signUpOverHttp } from '../../testkit/flows.js';

const ARM = 'https://management.core.windows.net//.default';
const OFFLINE = 'openid profile offline_access';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{9}$/;

/** Nothing a client is ever shown gives away the server's insides. */
function assertNoStack(text: string): void {
  assert.doesNotMatch(text, /at .+\.(ts|js):\d+|node_modules|Error:/, 'no stack trace');
}

describe('Device sign-in, as `az login --use-device-code` does it', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const askForCode = async (tenant = 'organizations', fields: Record<string, string> = {}) => {
    const asked = await azureCliDeviceCode(running.url, tenant, { scope: `${ARM} ${OFFLINE}`, ...fields });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    return asked.body;
  };

  const poll = (code: DeviceCodeAnswer | string, grant = DEVICE_CODE_GRANT) =>
    azureCliToken(running.url, 'organizations', {
      grant_type: grant,
      device_code: typeof code === 'string' ? code : code.device_code,
      scope: `${ARM} ${OFFLINE}`,
    });

  const arm = async (path: string, token: string) => {
    const response = await fetch(`${running.url}/management${path}`, { headers: { authorization: `Bearer ${token}` } });
    return (await response.json()) as { value: { displayName: string; tenantId: string }[] };
  };

  const inNewWorld = async () => clientIn(running.url, await newWorld(running.url));

  it("answers with Microsoft's fields: nine letters, one verification page, the interval, and the sentence to print", async () => {
    const answer = await askForCode();
    assert.match(answer.user_code, USER_CODE);
    assert.equal(answer.verification_uri, `${running.url}/login/devicelogin`);
    assert.deepEqual([answer.expires_in, answer.interval], [900, 5]);
    assert.equal(
      answer.message,
      `To sign in, use a web browser to open the page ${running.url}/login/devicelogin and enter the code ${answer.user_code} to authenticate.`,
    );
    assert.ok(!('verification_uri_complete' in answer), 'Microsoft sends no verification_uri_complete');
    const inChinese = await azureCliDeviceCode(
      running.url,
      SEED_DIRECTORY_IDS.contoso,
      { scope: ARM },
      { 'accept-language': 'zh-TW' },
    );
    assert.match(
      inChinese.body.message,
      /^若要登入，請使用網頁瀏覽器開啟頁面 .+\/login\/devicelogin，並輸入代碼 [A-Z]{9} 以進行驗證。$/,
    );
    const configuration = (await (
      await fetch(`${running.url}/login/organizations/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    assert.equal(
      configuration.device_authorization_endpoint,
      `${running.url}/login/organizations/v2.0/devicecode`,
      'MSAL finds it beside the token endpoint',
    );
  });

  it("the trap through a device: alice@fabrikam.com gets Fabrikam's token, which lists the Free Trial there; her refresh token also gets Contoso's", async () => {
    const client = await inNewWorld();
    await signUpOverHttp(client, 'alice@fabrikam.com', SEED_PASSWORD);
    const code = await askForCode();
    const done = await signInWithDeviceCode(client, code.user_code, {
      signInName: 'alice@fabrikam.com',
      password: SEED_PASSWORD,
    });
    assert.deepEqual([done.status, done.url.pathname], [200, `/login/devicelogin/signed-in/${AZURE_CLI.clientId}`]);
    assert.match(
      await done.text(),
      /You have signed in to the Microsoft Azure CLI application on your device\. You may now close this window\./,
    );
    const tokens = await poll(code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const claims = decodeJwt(tokens.body.access_token ?? '');
    assert.deepEqual(
      [claims.tid, claims.upn, claims.aud],
      [SEED_DIRECTORY_IDS.fabrikam, 'alice@fabrikam.com', 'https://management.core.windows.net/'],
    );
    const listed = await arm('/subscriptions?api-version=2022-12-01', tokens.body.access_token ?? '');
    assert.deepEqual(
      listed.value.map(({ displayName, tenantId }) => ({ displayName, tenantId })),
      [{ displayName: 'Free Trial', tenantId: SEED_DIRECTORY_IDS.fabrikam }],
    );
    const atContoso = await azureCliToken(running.url, SEED_DIRECTORY_IDS.contoso, {
      grant_type: 'refresh_token',
      refresh_token: tokens.body.refresh_token ?? '',
      scope: `${ARM} ${OFFLINE}`,
    });
    assert.equal(atContoso.status, 200, JSON.stringify(atContoso.body));
    assert.equal(decodeJwt(atContoso.body.access_token ?? '').tid, SEED_DIRECTORY_IDS.contoso);
  });

  it("the page acts in the browser's world: the same person, typing a code in another world, sees that world's subscriptions", async () => {
    const signedUp = await inNewWorld();
    await signUpOverHttp(signedUp, 'alice@contoso.com', SEED_PASSWORD);
    const elsewhere = await inNewWorld();
    const code = await askForCode();
    await signInWithDeviceCode(elsewhere, code.user_code, { signInName: 'alice@contoso.com', password: SEED_PASSWORD });
    const tokens = await poll(code);
    assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
    const listed = await arm('/subscriptions?api-version=2022-12-01', tokens.body.access_token ?? '');
    assert.deepEqual(listed.value, [], 'the Free Trial was signed up in another world');
  });

  it('is pending (AADSTS70016) until the person signs in, and tells a device that polls sooner than the interval to slow down', async () => {
    const code = await askForCode();
    const first = await poll(code);
    assert.equal(first.status, 400);
    assert.deepEqual([first.body.error, first.body.error_codes], ['authorization_pending', [70016]]);
    assert.match(first.body.error_description ?? '', /^AADSTS70016: /);
    const tooSoon = await poll(code, 'device_code');
    assert.equal(tooSoon.body.error, 'slow_down', "MSAL's name for the grant is the same grant");
    const otherCode = await askForCode();
    assert.equal((await poll(otherCode)).body.error, 'authorization_pending', 'each code has its own pace');
  });

  it('Cancel on "Are you trying to sign in to Microsoft Azure CLI?": the device hears authorization_declined once, then bad_verification_code', async () => {
    const client = await inNewWorld();
    const code = await askForCode();
    const cancelled = await signInWithDeviceCode(
      client,
      code.user_code,
      { signInName: 'alice@contoso.com', password: SEED_PASSWORD },
      'cancel',
    );
    assert.match(await cancelled.text(), /You did not sign in to Microsoft Azure CLI on your device\./);
    const declined = await poll(code);
    assert.deepEqual([declined.status, declined.body.error], [400, 'authorization_declined']);
    assert.equal((await poll(code)).body.error, 'bad_verification_code');
  });

  it('a guessed code is refused on the page and changes nothing; past 30 a minute the address is refused', async () => {
    const client = await inNewWorld();
    const code = await askForCode();
    const guessed = await typeDeviceCode(client, code.user_code === 'BBBBBBBBB' ? 'CCCCCCCCC' : 'BBBBBBBBB');
    assert.equal(guessed.status, 400);
    const html = await guessed.text();
    assert.match(html, /That code didn&#39;t work\. Check the code and try again\./);
    assertNoStack(html);
    assert.equal((await poll(code)).body.error, 'authorization_pending', 'the real code still waits');
    let last = guessed;
    for (let attempt = 2; attempt <= 31; attempt += 1) last = await typeDeviceCode(client, 'BBBBBBBBB');
    assert.equal(last.status, 429);
    assertNoStack(await last.text());
  });

  it('a used code: typed again, "already been used"; redeemed again, bad_verification_code', async () => {
    const client = await inNewWorld();
    const code = await askForCode();
    await signInWithDeviceCode(client, code.user_code, { signInName: 'alice@contoso.com', password: SEED_PASSWORD });
    assert.equal((await poll(code)).status, 200);
    const again = await typeDeviceCode(await inNewWorld(), code.user_code);
    assert.equal(again.status, 400);
    assert.match(await again.text(), /That code has already been used\./);
    assert.equal((await poll(code)).body.error, 'bad_verification_code');
  });

  it('an expired code: the device hears expired_token, the page says it has expired', async () => {
    const code = await askForCode();
    const client = await inNewWorld();
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      mock.timers.tick(15 * 60_000 + 1_000);
      const late = await poll(code);
      assert.deepEqual([late.status, late.body.error, late.body.error_codes], [400, 'expired_token', [70020]]);
      const typed = await typeDeviceCode(client, code.user_code.toLowerCase());
      assert.equal(typed.status, 400);
      assert.match(await typed.text(), /That code has expired\./);
    } finally {
      mock.timers.reset();
    }
  });

  it("signs in at the path's authority, whatever the body says: Contoso's code refuses kim@adatum.com by name", async () => {
    const code = await askForCode(SEED_DIRECTORY_IDS.contoso, { authority: 'common' });
    const client = await inNewWorld();
    const typed = await typeDeviceCode(client, code.user_code);
    const page = await client.postForm(`${typed.url.pathname}/username`, {
      _csrf: csrfTokenOf(await typed.text()),
      username: 'kim@adatum.com',
    });
    const password = await client.follow(page.headers.get('location') ?? '');
    const refused = await client.postForm(password.url.pathname, {
      _csrf: csrfTokenOf(await password.response.text()),
      password: SEED_PASSWORD,
    });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /AADSTS50020/);
    assert.equal((await poll(code)).body.error, 'authorization_pending');
  });

  it('hostile requests get clear answers and never a 5xx or a stack', async () => {
    const unknownTenant = await azureCliDeviceCode(running.url, 'no-such-tenant.example', { scope: ARM });
    assert.deepEqual([unknownTenant.status, unknownTenant.body.error_codes], [400, [90002]]);
    const notAllowed = await fetch(`${running.url}/login/organizations/v2.0/devicecode`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: 'signup-azure', scope: 'openid' }),
    });
    assert.equal(notAllowed.status >= 400 && notAllowed.status < 500, true);
    const unknownCode = await poll('not-a-device-code');
    assert.deepEqual([unknownCode.status, unknownCode.body.error], [400, 'bad_verification_code']);
    const noCode = await azureCliToken(running.url, 'organizations', { grant_type: DEVICE_CODE_GRANT });
    assert.deepEqual([noCode.status, noCode.body.error], [400, 'invalid_request']);

    const client = new CookieClient(running.url);
    const noSession = await client.postForm('/login/devicelogin', { user_code: 'BBBBBBBBB', confirm: 'yes' });
    assert.equal(noSession.status, 303, 'a form without its sign-in session is drawn again');
    const drawnAgain = await client.follow(noSession.headers.get('location') ?? '');
    assert.match(await drawnAgain.response.text(), /Something went wrong on this page\. Enter the code again\./);
    const forged = await client.postForm('/login/devicelogin', {
      xsrf: 'forged',
      user_code: 'BBBBBBBBB',
      confirm: 'yes',
    });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /Something went wrong on this page\. Enter the code again\./);
    const withQuery = await client.send('/login/devicelogin?user_code=%3Cscript%3E');
    assert.equal(withQuery.status, 200);
    assert.doesNotMatch(await withQuery.text(), /<script>/);
    const long = await typeDeviceCode(client, `${'<b>'.repeat(1000)}`);
    assert.equal(long.status, 400);
    const longHtml = await long.text();
    assert.doesNotMatch(longHtml, /<b>/);
    assertNoStack(longHtml);

    for (const path of ['/login/devicelogin/signed-in/', '/login/devicelogin/no-such-sign-in'])
      assert.equal(
        (await new CookieClient(running.url).send(path)).status,
        303,
        `${path} without a session starts again`,
      );
    const resumedNothing = await client.send('/login/devicelogin/no-such-sign-in');
    assert.equal(resumedNothing.status, 400, 'with a session, a sign-in that does not exist is said so');
    assertNoStack(await resumedNothing.text());
    const noSuchApp = await client.send('/login/devicelogin/signed-in/%3Cscript%3E');
    assert.equal(noSuchApp.status, 404, 'no page says it signed in to an application that does not exist');
    assert.doesNotMatch(await noSuchApp.text(), /<script>/);

    const browser = await inNewWorld();
    const code = await askForCode();
    const typed = await typeDeviceCode(browser, code.user_code);
    assert.match(typed.url.pathname, /^\/login\/interaction\//);
    const early = await browser.postForm(`${typed.url.pathname}/device`, {
      _csrf: csrfTokenOf(await typed.text()),
      answer: 'continue',
    });
    assert.equal(early.status, 303, 'answering before signing in only goes back to the sign-in');
    assert.equal((await poll(code)).body.error, 'authorization_pending');
  });

  it('random bodies at the device endpoints and on the code page: never a 5xx, never a stack', async () => {
    const anyText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('', '<script>x</script>', '%00', 'device_code', DEVICE_CODE_GRANT, 'B'.repeat(5000)),
    );
    const fields = fc.dictionary(
      fc.constantFrom('client_id', 'scope', 'grant_type', 'device_code', 'user_code', 'xsrf', 'confirm', 'abort'),
      anyText,
    );
    const browser = await inNewWorld();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/login/organizations/v2.0/devicecode',
          '/login/common/oauth2/v2.0/devicecode',
          '/login/organizations/v2.0/token',
          '/login/devicelogin',
        ),
        fields,
        async (path, body) => {
          const response = await browser.postForm(path, body);
          const text = await response.text();
          assert.ok(response.status < 500, `${path} ${JSON.stringify(body).slice(0, 200)} → ${response.status}`);
          assertNoStack(text);
        },
      ),
      { numRuns: 60 },
    );
  });
});
