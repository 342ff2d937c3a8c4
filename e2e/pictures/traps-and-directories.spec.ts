import { expect, test } from '../fixtures.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM, CAROL } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';
import { LOCALES, picture } from './picture.js';

for (const locale of LOCALES) {
  test.describe(`Pictures of the traps (${locale})`, () => {
    test.use({ locale, pictureWorld: 1, rememberedAccounts: [ALICE_CONTOSO, ALICE_FABRIKAM] });

    test('Pick an account, "signed in as" alice@fabrikam.com, work or personal', async ({ page, ui, home, signIn }) => {
      await home.goTo();
      await home.clickStartFree();
      await expect(signIn.pickerHeading()).toBeVisible();
      await picture(page, locale, '20-trap-pick-an-account');
      await signIn.pickAccount(ALICE_FABRIKAM);
      await expect(page.getByText(ALICE_FABRIKAM).first()).toBeVisible();
      await picture(page, locale, '21-trap-signed-in-as-fabrikam');
      await page.goto('/signup/signin?prompt=select_account');
      await page.getByRole('link', { name: ui('login.useAnother') }).click();
      await signIn.fillUsername(CAROL);
      await expect(page.getByRole('heading', { name: ui('login.which.heading') })).toBeVisible();
      await picture(page, locale, '22-trap-work-or-personal');
    });
  });

  test.describe(`Pictures of the directory diagrams (${locale})`, () => {
    test.use({ locale, pictureWorld: 1, arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test('Contoso as seeded, with the admin center; Fabrikam after the trap; Contoso after the remedy', async ({
      page,
      ui,
      portal,
      blade,
    }) => {
      await signInToPortal(page, ui, 'megan@contoso.com');
      await picture(page, locale, '23-portal-no-subscriptions');
      await page.goto('/portal/directory-overview');
      await picture(page, locale, '30-diagram-contoso-seeded');
      await page.goto('/portal/admin-center');
      await picture(page, locale, '24-portal-admin-center');

      await signInToPortal(page, ui, ALICE_FABRIKAM);
      await page.goto('/portal/directory-overview');
      await picture(page, locale, '31-diagram-fabrikam-after-trap');
      await portal.goTo();
      await portal.openSubscription();
      await blade.openTab('portal.nav.changeDirectory');
      await blade.changeDirectoryTo('Contoso');
      await expect(blade.notice()).toContainText('Contoso');
      await portal.goTo();
      await portal.switchDirectory('Contoso');
      await page.goto('/portal/directory-overview');
      await picture(page, locale, '32-diagram-contoso-after-remedy');
    });
  });
}
