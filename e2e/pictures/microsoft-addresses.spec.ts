import { WORLD_COOKIE } from '../../mock-portal/src/contract.js';
import { expect, test } from '../fixtures.js';
import { walkHappyPath } from '../support/happy-path.js';
import { chromiumOnMicrosoftHosts, contextOnMicrosoftHosts } from '../support/microsoft-hosts.js';
import { LOCALES, picture } from './picture.js';

const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

for (const locale of LOCALES) {
  test.describe(`Picture of the article on Microsoft's own addresses (${locale})`, () => {
    test.use({ locale, pictureWorld: 1 });

    test('the portal at https://portal.azure.com/ after the walk, with its address', async ({
      baseURL,
      ui,
      world,
      page,
    }) => {
      const browser = await chromiumOnMicrosoftHosts(baseURL ?? '');
      try {
        const context = await contextOnMicrosoftHosts(browser, baseURL ?? '', {
          locale,
          timezoneId: 'America/Los_Angeles',
          viewport: { width: 1280, height: 640 },
        });
        // The picture's world, fixed for the picture, for the browser that starts at Azure.com.
        await context.addCookies([
          { name: WORLD_COOKIE, value: world.id, domain: 'azure.microsoft.com', path: '/', secure: true },
        ]);
        const walker = await context.newPage();
        await walkHappyPath(walker, ui);
        await expect(walker).toHaveURL('https://portal.azure.com/portal/subscriptions');
        await walker.evaluate('document.fonts.ready.then(() => true)');
        const shot = await walker.screenshot({ animations: 'disabled', caret: 'hide' });
        // The browser's own address bar is not in a page's picture: drawn above it, with its address.
        await page.setContent(
          `<figure aria-label="${escaped(ui('brand.azure'))}" style="margin:0;width:1280px;background:#dee1e6;font:14px/1 sans-serif">` +
            `<div style="margin:0 8px;padding:10px 14px;background:#fff;border-radius:16px;color:#202124">${escaped(walker.url())}</div>` +
            `<img alt="" style="display:block;margin-top:8px;width:1280px" src="data:image/png;base64,${shot.toString('base64')}"></figure>`,
        );
        await picture(page, locale, '50-portal-on-its-own-address', {
          of: page.getByRole('figure', { name: ui('brand.azure') }),
        });
      } finally {
        await browser.close();
      }
    });
  });
}
