import { expect, test, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { AZURE_CLI } from '../../testkit/azure-cli.js';
import type { Pages } from '../pages/index.js';
import { PortalSubscriptions } from '../pages/portal-subscriptions.js';
import { GOOD_CARD, SignUpPage, type AboutYou } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO, PASSWORD } from './accounts.js';
import { signInOverHttp } from './sign-in-over-http.js';

/** Signs in to the sign-up site over HTTP and opens the form: where every form test starts. */
export function signInToSignUp(page: Page, ui: Translate, signInName: string): Promise<SignUpPage> {
  return setUp(`sign in to the sign-up site as ${signInName}, over HTTP`, async () => {
    await signInOverHttp(page.context().request, 'signup', signInName, PASSWORD);
    await page.goto('/signup/');
    const signUp = new SignUpPage(page, ui);
    await expect(signUp.signedInAs()).toContainText(signInName);
    return signUp;
  });
}

/** A test's set-up as one boxed step in the report: its subject's steps stand out. */
function setUp<T>(title: string, body: () => Promise<T>): Promise<T> {
  return test.step(`set-up: ${title}`, body, { box: true });
}

/** Step 4 from a signed-in form to the portal: fills every section, signs up, opens Subscriptions. */
export async function completeSignUpAndOpenPortal(
  page: Page,
  ui: Translate,
  about: AboutYou,
): Promise<PortalSubscriptions> {
  const signUp = new SignUpPage(page, ui);
  await signUp.completeWith(about);
  await expect(signUp.readyHeading()).toBeVisible();
  await signUp.clickStartManaging();
  const portal = new PortalSubscriptions(page, ui);
  await expect(portal.heading()).toBeVisible();
  return portal;
}

/** Signs in to the portal over HTTP as this account, in this page's browser, and opens Subscriptions. */
export function signInToPortal(page: Page, ui: Translate, signInName: string): Promise<PortalSubscriptions> {
  return setUp(`sign in to the portal as ${signInName}, over HTTP`, async () => {
    await signInOverHttp(page.context().request, 'portal', signInName, PASSWORD);
    const portal = new PortalSubscriptions(page, ui);
    await portal.goTo();
    await expect(portal.signedInAccount()).toHaveText(signInName);
    return portal;
  });
}

/**
 * Signs in to the sign-up site over HTTP as Alice (alice@contoso.com) and fills the form with
 * valid data up to this section, which is then showing: where the form's own tests start.
 */
export function fillFormUpTo(page: Page, ui: Translate, section: 'card' | 'agreement'): Promise<SignUpPage> {
  return setUp(`the sign-up form filled as ${ALICE_CONTOSO} up to its ${section} section`, async () => {
    const signUp = await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.fillAboutYou(ALICE_ABOUT);
    await signUp.verifyPhone(ALICE_ABOUT.workPhone);
    if (section === 'agreement') await signUp.fillCard(GOOD_CARD);
    return signUp;
  });
}

/**
 * What a person does for a device (the Azure CLI, an SDK's device code credential) on the device
 * login page already open: types its code, signs in as `account`, answers Continue to "Are you
 * trying to sign in to Microsoft Azure CLI?", and sees that it is done.
 */
export async function approveDeviceCode(pages: Pages, code: string, account: string): Promise<void> {
  await pages.deviceLogin.enterCode(code);
  await pages.signIn.signIn(account, PASSWORD);
  await expect(pages.deviceLogin.question(AZURE_CLI.name)).toBeVisible();
  await pages.deviceLogin.answer('continue');
  await expect(pages.deviceLogin.signedIn(AZURE_CLI.name)).toBeVisible();
}
