import { expect, test } from '../fixtures.js';
import { DECLINED_CARD_NUMBER } from '../pages/sign-up.js';
import { ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToPortal } from '../support/flows.js';
import { walkHappyPath, type Moment } from '../support/happy-path.js';
import { LOCALES, PICTURE_CARD, picture } from './picture.js';

/** The walk's pages, named as docs/screenshots/ names them. */
const WALK: Partial<Record<Moment, string>> = {
  'azure-home': '01-azure-home',
  'user-name': '02-sign-in-user-name',
  password: '03-sign-in-password',
  'stay-signed-in': '04-stay-signed-in',
  'about-you': '05-sign-up-about-you',
  'code-sent': '06-sign-up-phone-code-sent',
  agreement: '08-sign-up-agreement',
  ready: '09-subscription-ready',
  portal: '10-portal-subscriptions',
};

/** The article's own pictures, under the names of its image files (docs/article-pictures/<locale>/). */
const ARTICLE: Partial<Record<Moment, string>> = {
  'user-name': 'billing-sign-in-with-office-365-account',
  'about-you': 'billing-azure-sign-up-fill-information',
};

for (const locale of LOCALES) {
  test.describe(`Pictures of the article's walk (${locale})`, () => {
    test.use({ locale, pictureWorld: 1 });

    test('steps 1 to 4: Azure.com, the sign-in pages, the form, the portal', async ({ page, ui, signUp }) => {
      await walkHappyPath(page, ui, {
        card: PICTURE_CARD,
        at: async (moment) => {
          const name = WALK[moment];
          if (name) await picture(page, locale, name);
          const article = ARTICLE[moment];
          if (article) await picture(page, locale, article, { folder: 'article-pictures' });
          if (moment !== 'card') return;
          // A declined card first, then the good one typed back for the walk to go on.
          await signUp.field('signup.cardNumber').fill(DECLINED_CARD_NUMBER);
          await signUp.clickNextIn('signup.card');
          await expect(signUp.field('signup.cardNumber')).toHaveAttribute('aria-invalid', 'true');
          await picture(page, locale, '07-sign-up-card-declined');
          await signUp.field('signup.cardNumber').fill(PICTURE_CARD.number);
          await signUp.field('signup.cvv').fill(PICTURE_CARD.cvv);
        },
      });
      await page.goto('/portal/directory-overview');
      await picture(page, locale, '19-background-information', {
        folder: 'article-pictures',
        of: page.getByRole('figure'),
      });
    });
  });

  test.describe(`Pictures of a subscription's blades (${locale})`, () => {
    test.use({ locale, pictureWorld: 1, arrange: { subscriptions: [{ signedUpBy: ALICE_CONTOSO }] } });

    test('Overview, Access control, Properties, Administrators, Change directory, Create a VM', async ({
      page,
      ui,
      portal,
      blade,
    }) => {
      await signInToPortal(page, ui, ALICE_CONTOSO);
      await portal.openSubscription();
      await picture(page, locale, '13-portal-overview');
      await blade.openTab('portal.nav.iam');
      await blade
        .commandBar()
        .getByRole('link', { name: ui('portal.iam.add') })
        .click();
      await expect(page.getByRole('complementary', { name: ui('portal.iam.addPermissions') })).toBeVisible();
      await picture(page, locale, '26-portal-access-control-add-pane');
      await blade.addRoleAssignment('bob@contoso.com', 'Reader');
      await expect(blade.notice()).toBeVisible();
      await picture(page, locale, '14-portal-access-control');
      await blade.openTab('portal.nav.properties');
      await picture(page, locale, '15-portal-properties');
      await blade.openTab('portal.nav.administrators');
      await picture(page, locale, '16-portal-administrators');
      await blade.openTab('portal.nav.changeDirectory');
      await picture(page, locale, '17-portal-change-directory');
      await page.goto('/portal/create/virtual-machine');
      await picture(page, locale, '19-portal-create-vm');
      await page.goto('/portal/help');
      await picture(page, locale, '27-portal-help-and-support');
    });
  });

  test.describe(`Pictures of the pages around the walk (${locale})`, () => {
    test.use({ locale, pictureWorld: 1, arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test('Switch directory and Change directory with somewhere to go, Scenarios, a page that is not there', async ({
      page,
      ui,
      portal,
      blade,
    }) => {
      await signInToPortal(page, ui, ALICE_FABRIKAM);
      await page.goto('/portal/directories');
      await picture(page, locale, '18-portal-switch-directory');
      await portal.goTo();
      await portal.openSubscription();
      await blade.openTab('portal.nav.changeDirectory');
      await picture(page, locale, '25-portal-change-directory-to-contoso');
      await page.goto('/signup/terms/offer-details');
      await picture(page, locale, '28-sign-up-offer-details');
      await page.goto('/login/help/cant-access');
      await picture(page, locale, '29-sign-in-cant-access');
      await page.goto('/scenarios');
      await picture(page, locale, '11-scenarios');
      await page.goto('/no-such-page');
      await picture(page, locale, '12-not-found');
    });
  });
}
