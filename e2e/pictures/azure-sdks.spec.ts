import { SEED_DIRECTORY_IDS } from '../../mock-portal/src/world/seed.js';
import { expect, proof, test } from '../fixtures.js';
import { ALICE_FABRIKAM } from '../support/accounts.js';
import { runWhereDidItLand, WHERE_DID_IT_LAND } from '../support/where-did-it-land.js';
import { YOUR_APP_PORTAL } from '../support/your-app.js';
import { picture } from './picture.js';

/** What the README's SDK example prints after the trap, as a terminal shows it. */
test.describe("Picture of Azure's own SDK after the trap (the README's example)", () => {
  test.use({
    baseURL: YOUR_APP_PORTAL,
    ignoreHTTPSErrors: true,
    arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] },
  });

  test('alice@fabrikam.com: her two tenants, and the Free Trial in Fabrikam', async ({
    page,
    privateWindow,
    pagesOn,
  }) => {
    const device = await privateWindow();
    const run = await runWhereDidItLand(YOUR_APP_PORTAL, device, pagesOn(device), ALICE_FABRIKAM);
    const expected = [
      `tenant        ${SEED_DIRECTORY_IDS.fabrikam}  Fabrikam`,
      `tenant        ${SEED_DIRECTORY_IDS.contoso}  Contoso`,
      `subscription  ${SEED_DIRECTORY_IDS.fabrikam}  Free Trial`,
    ];
    await proof('pitfall-1', async () => {
      await expect.poll(() => run.printed().trimEnd().split('\n')).toEqual(expected);
      await expect.poll(() => run.exited).toBe(0);
    });
    const terminal = `$ npx tsx ${WHERE_DID_IT_LAND}\n${run.printed()}`;
    const escaped = terminal.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    await page.setContent(
      `<figure aria-label="The example's output" style="margin:0;display:inline-block">` +
        `<pre style="margin:0;padding:16px 20px;background:#0c0c0c;color:#cccccc;font:15px/1.5 monospace">${escaped}</pre></figure>`,
    );
    await picture(page, 'en-US', 'sdk-after-the-trap', {
      of: page.getByRole('figure', { name: "The example's output" }),
    });
  });
});
