import { expect, type Locator, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import type { PortalSubscriptions } from '../pages/portal-subscriptions.js';
import type { SubscriptionBlade } from '../pages/subscription-blade.js';
import { expectAccessible } from './accessibility.js';

/** The pages the accessibility spec scans, in tables, and how to reach each. */

export interface Tools {
  page: Page;
  ui: Translate;
  portal: PortalSubscriptions;
  blade: SubscriptionBlade;
}

/** A page to scan: its name, and how to get there from the one before, returning what only it shows. */
export type Visit = readonly [name: string, open: (tools: Tools) => Locator | Promise<Locator>];

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** A page opened by its address, known by its heading. */
export const byAddress =
  (url: string, key: Parameters<Translate>[0]) =>
  async ({ page, ui }: Tools) => {
    await page.goto(url);
    return heading(page, ui(key, { directory: 'Fabrikam' }));
  };

/** A page of the subscription's blade, opened from its resource menu and showing as the current one. */
export const bladeTab =
  (tab: 'portal.nav.iam' | 'portal.nav.properties' | 'portal.nav.administrators') =>
  async ({ blade }: Tools) => {
    await blade.openTab(tab);
    await expect(blade.menuLink(tab), `${tab} is the tab showing`).toHaveAttribute('aria-current', 'page');
    return blade.menuLink(tab);
  };

/** A test's title: the pages it scans. */
export const titled = (visits: readonly Visit[]) => [visits.map(([name]) => name).join(', '), visits] as const;

/** Opens each page in turn and scans it. */
export async function expectEachAccessible(tools: Tools, visits: readonly Visit[]): Promise<void> {
  for (const [name, open] of visits) await expectAccessible(tools.page, name, await open(tools));
}

export const PAGES_ANYONE_CAN_OPEN: readonly (readonly Visit[])[] = [
  [
    ['Azure.com', byAddress('/', 'home.heading')],
    ['the free-account page', byAddress('/free', 'free.heading')],
    ['Scenarios', byAddress('/scenarios', 'scenarios.heading')],
    [
      'a sign-in at a tenant that does not exist',
      byAddress('/login/no-such-tenant/v2.0/authorize', 'login.refused.heading'),
    ],
  ],
  [
    ['the not-found page', byAddress('/no-such-page', 'error.notFound.title')],
    [
      "the sign-in service's error page",
      byAddress('/login/common/v2.0/authorize?client_id=no-such-client', 'error.signIn.title'),
    ],
    ['the trainer view without its key', byAddress('/trainer', 'trainer.keyNeeded.title')],
    ["the device sign-in's Enter code", byAddress('/login/devicelogin', 'login.device.heading')],
    ['a world that has gone', byAddress('/worlds/join/no-such-world', 'world.gone.title')],
  ],
];

/** Alice's portal with her Free Trial in Fabrikam, from Subscriptions. */
export const PORTAL_PAGES: readonly (readonly Visit[])[] = [
  [
    ['Subscriptions', ({ portal }) => portal.heading()],
    [
      "a subscription's Overview",
      async ({ page, ui, portal }) => {
        await portal.openSubscription();
        return heading(page, ui('offer.MS-AZR-0044P'));
      },
    ],
    [
      'Change directory',
      async ({ page, ui, blade }) => {
        await blade.openTab('portal.nav.changeDirectory');
        return heading(page, new RegExp(ui('portal.nav.changeDirectory')));
      },
    ],
  ],
  [
    [
      "a subscription's Access control (IAM)",
      async (tools) => {
        await tools.portal.openSubscription();
        return bladeTab('portal.nav.iam')(tools);
      },
    ],
    [
      'its Add pane',
      async ({ page, ui, blade }) => {
        await blade
          .commandBar()
          .getByRole('link', { name: ui('portal.iam.add') })
          .click();
        return page.getByRole('complementary', { name: ui('portal.iam.addPermissions') });
      },
    ],
    ['Properties', bladeTab('portal.nav.properties')],
    ['Administrators', bladeTab('portal.nav.administrators')],
  ],
  [
    ['Switch directory', byAddress('/portal/directories', 'portal.directories.heading')],
    ['the directory overview', byAddress('/portal/directory-overview', 'portal.diagram.heading')],
    ['Create a virtual machine', byAddress('/portal/create/virtual-machine', 'portal.vm.heading')],
    ['Help + support', byAddress('/portal/help', 'portal.nav.help')],
  ],
];
