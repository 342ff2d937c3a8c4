import type { Page } from '@playwright/test';
import { chromiumOnMicrosoftHosts, contextOnMicrosoftHosts } from '../support/microsoft-hosts.js';
import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { expect, proof, test } from '../fixtures.js';
import type { Pages } from '../pages/index.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, PASSWORD } from '../support/accounts.js';
import { azureCliThrough, DEVICE_CODE_SENTENCE } from '../support/azure-cli.js';
import { approveDeviceCode } from '../support/flows.js';

type Cli = Awaited<ReturnType<typeof azureCliThrough>>;

/**
 * `az login --use-device-code`, as a person does it: the CLI prints Microsoft's sentence, the
 * person types the code on the device login page in their browser (here, in the test's world),
 * signs in and answers Continue; the CLI then lists what it found.
 */
async function deviceLogin(cli: Cli, page: Page, pages: Pages, account: string) {
  const login = cli.start(['login', '--use-device-code', '--output', 'json']);
  try {
    await expect
      .poll(() => DEVICE_CODE_SENTENCE.test(login.stderr()), { message: 'az prints where to sign in' })
      .toBe(true);
    const [, verificationUri = '', code = ''] = DEVICE_CODE_SENTENCE.exec(login.stderr()) ?? [];
    expect(verificationUri).toBe('https://microsoft.com/devicelogin');
    // The same page at the mock's own address, in the test's world (a browser through the proxy, on
    // microsoft.com itself, is not walked yet).
    await page.goto('/login/devicelogin');
    await approveDeviceCode(pages, code, account);
  } catch (error) {
    login.stop();
    throw error;
  }
  return { ended: login.ended };
}

/** The CLI after `az login --use-device-code` as `account` ended well. */
async function loggedIn(mock: string, page: Page, pages: Pages, account: string): Promise<Cli> {
  const cli = await azureCliThrough(mock);
  const login = await deviceLogin(cli, page, pages, account);
  await expect.poll(async () => (await login.ended).status, 'az login ends well').toBe(0);
  return cli;
}

const subscription = (tenantId: string, account: string) =>
  expect.objectContaining({
    name: 'Free Trial',
    tenantId,
    homeTenantId: tenantId,
    user: { name: account, type: 'user' },
  });

test.describe("The Azure CLI, unchanged, through the mock's proxy (HTTPS_PROXY, REQUESTS_CA_BUNDLE)", () => {
  test.describe('after the article as written', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

    test("alice@contoso.com: az login --use-device-code, then az account list and show: the Free Trial under Contoso's tenantId", async ({
      page,
      pagesOn,
      baseURL,
    }) => {
      const cli = await loggedIn(baseURL ?? '', page, pagesOn(page), ALICE_CONTOSO);
      await proof('rule-lands-in-home-directory', async () => {
        await expect
          .poll(() => cli.json(['account', 'list']))
          .toEqual([subscription(SEED_DIRECTORY_IDS.contoso, ALICE_CONTOSO)]);
        await expect
          .poll(() => cli.json(['account', 'show']))
          .toEqual(subscription(SEED_DIRECTORY_IDS.contoso, ALICE_CONTOSO));
      });
      await expect
        .poll(() => cli.json(['rest', '--url', 'https://graph.microsoft.com/v1.0/me']))
        .toMatchObject({ userPrincipalName: ALICE_CONTOSO });
    });
  });

  test.describe('after the trap', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test("alice@fabrikam.com: the Free Trial under Fabrikam's tenantId, and both of her tenants", async ({
      page,
      pagesOn,
      baseURL,
    }) => {
      const cli = await loggedIn(baseURL ?? '', page, pagesOn(page), ALICE_FABRIKAM);
      await proof('pitfall-1', async () => {
        await expect
          .poll(() => cli.json(['account', 'list']))
          .toEqual([subscription(SEED_DIRECTORY_IDS.fabrikam, ALICE_FABRIKAM)]);
        // This CLI has no `az account tenant list`; `az rest` asks Resource Manager with its token.
        const tenants = ['rest', '--url', 'https://management.azure.com/tenants?api-version=2022-12-01'];
        await expect
          .poll(async () =>
            ((await cli.json(tenants)) as { value: { tenantId: string }[] }).value.map((t) => t.tenantId),
          )
          .toEqual([SEED_DIRECTORY_IDS.fabrikam, SEED_DIRECTORY_IDS.contoso]);
      });
    });

    test('alice@contoso.com: the CLI finds no subscription, for the Free Trial is not in Contoso', async ({
      page,
      pagesOn,
      baseURL,
    }) => {
      const cli = await azureCliThrough(baseURL ?? '');
      const login = await deviceLogin(cli, page, pagesOn(page), ALICE_CONTOSO);
      await proof('pitfall-1', async () => {
        await expect
          .poll(async () => (await login.ended).stderr)
          .toContain(`No subscriptions found for ${ALICE_CONTOSO}`);
        await expect.poll(async () => (await login.ended).status).not.toBe(0);
      });
    });
  });

  test.describe('az login, its browser sign-in, in a browser that uses the proxy', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

    test("alice@contoso.com, signed in to the portal on its own address, picks her account for az login; the Free Trial under Contoso's tenantId", async ({
      baseURL,
      world,
      ui,
      pagesOn,
    }) => {
      const cli = await azureCliThrough(baseURL ?? '');
      // A Chromium started as the README says: the mock as its proxy, the mock's key trusted (the
      // CLI's loopback address is not proxied, as in any browser).
      const browser = await chromiumOnMicrosoftHosts(baseURL ?? '');
      const login = { current: undefined as ReturnType<Cli['start']> | undefined };
      try {
        const context = await contextOnMicrosoftHosts(browser, baseURL ?? '');
        const page = await context.newPage();
        const pages = pagesOn(page);
        // Alice opens her world's link on Azure.com, goes to the portal and signs in there.
        await page.goto(`/worlds/join/${world.id}`);
        await page
          .getByRole('link', { name: ui('home.portal'), exact: true })
          .first()
          .click();
        await pages.signIn.signIn(ALICE_CONTOSO, PASSWORD);
        await expect(page).toHaveURL(/^https:\/\/portal\.azure\.com\//);
        await expect(pages.portal.heading()).toBeVisible();

        login.current = cli.start(['login', '--output', 'json']);
        await expect.poll(() => cli.openedPages().length, { message: 'az opens its sign-in page' }).toBe(1);
        const [signInAddress = ''] = cli.openedPages();
        expect(new URL(signInAddress).origin).toBe('https://login.microsoftonline.com');
        await page.goto(signInAddress);
        await expect(pages.signIn.pickerHeading(), 'az asks which account (select_account)').toBeVisible();
        await pages.signIn.pickAccount(ALICE_CONTOSO);
        await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/\?code=/);
      } catch (error) {
        login.current?.stop();
        throw error;
      } finally {
        await browser.close();
      }
      const ended = login.current?.ended;
      await expect.poll(async () => (await ended)?.status, 'az login ends well').toBe(0);
      await proof('rule-lands-in-home-directory', async () => {
        await expect
          .poll(() => cli.json(['account', 'list']))
          .toEqual([subscription(SEED_DIRECTORY_IDS.contoso, ALICE_CONTOSO)]);
      });
    });
  });
});
