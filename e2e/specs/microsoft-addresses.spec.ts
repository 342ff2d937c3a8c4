import { expect, proof, test } from '../fixtures.js';
import { walkHappyPath, type Moment } from '../support/happy-path.js';
import { ALICE_CONTOSO } from '../support/accounts.js';
import { chromiumOnMicrosoftHosts, contextOnMicrosoftHosts } from '../support/microsoft-hosts.js';

const on = (host: string) => new RegExp(`^https://${host.replaceAll('.', '\\.')}/`);

/** The address the article's reader sees at each moment of the walk. */
const ARTICLE_ADDRESSES: Record<Moment, RegExp> = {
  'azure-home': on('azure.microsoft.com'),
  'user-name': on('login.microsoftonline.com'),
  password: on('login.microsoftonline.com'),
  'stay-signed-in': on('login.microsoftonline.com'),
  'about-you': on('signup.azure.com'),
  'code-sent': on('signup.azure.com'),
  card: on('signup.azure.com'),
  agreement: on('signup.azure.com'),
  ready: on('signup.azure.com'),
  portal: on('portal.azure.com'),
};

test.describe("The article on Microsoft's own addresses: a Chromium whose proxy is the mock", () => {
  test('steps 1 to 4 from https://azure.microsoft.com/ to https://portal.azure.com/, and the Free Trial lands in Contoso', async ({
    baseURL,
    locale,
    ui,
    worldOf,
    pagesOn,
  }) => {
    const browser = await chromiumOnMicrosoftHosts(baseURL ?? '');
    try {
      const context = await contextOnMicrosoftHosts(browser, baseURL ?? '', { locale });
      const page = await context.newPage();

      await test.step('steps 1 to 4, each on its own Microsoft address', () =>
        walkHappyPath(page, ui, {
          at: (moment) => expect(page, `the address at ${moment}`).toHaveURL(ARTICLE_ADDRESSES[moment]),
        }));

      await proof('rule-lands-in-home-directory', async () => {
        await expect(pagesOn(page).portal.currentDirectory()).toHaveText('Contoso');
        await pagesOn(page).portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
        const world = await worldOf(page);
        await expect
          .poll(() => world.freeTrials(), 'one world, from azure.microsoft.com to portal.azure.com')
          .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
      });
    } finally {
      await browser.close();
    }
  });
});
