import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { PortalSubscriptions } from '../pages/portal-subscriptions.js';
import { SignUpPage, type AboutYou } from '../pages/sign-up.js';
import { PASSWORD } from './accounts.js';
import { signInOverHttp } from './sign-in-over-http.js';

/** Signs in to the sign-up site over HTTP and opens the form: where every form test starts. */
export async function signInToSignUp(page: Page, ui: Translate, signInName: string): Promise<SignUpPage> {
  await signInOverHttp(page.context().request, 'signup', signInName, PASSWORD);
  await page.goto('/signup/');
  const signUp = new SignUpPage(page, ui);
  await expect(signUp.signedInAs()).toContainText(signInName);
  return signUp;
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

/** Signs up for the Free Trial as this account in this page's browser, through the real pages, and opens the portal. */
export async function signUpAs(page: Page, ui: Translate, signInName: string): Promise<PortalSubscriptions> {
  await signInToSignUp(page, ui, signInName);
  return completeSignUpAndOpenPortal(page, ui, { country: 'US', workPhone: '+1 425 555 0100' });
}

/** Signs in to the portal over HTTP as this account, in this page's browser, and opens Subscriptions. */
export async function signInToPortal(page: Page, ui: Translate, signInName: string): Promise<PortalSubscriptions> {
  await signInOverHttp(page.context().request, 'portal', signInName, PASSWORD);
  const portal = new PortalSubscriptions(page, ui);
  await portal.goTo();
  await expect(portal.signedInAccount()).toHaveText(signInName);
  return portal;
}
