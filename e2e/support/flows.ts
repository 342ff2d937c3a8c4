import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { SignInPage } from '../pages/sign-in.js';
import { PortalSubscriptions } from '../pages/portal-subscriptions.js';
import { SignUpPage, type AboutYou } from '../pages/sign-up.js';
import { PASSWORD } from './accounts.js';

/** Opens the sign-up page and signs in there as this account: where every form test starts. */
export async function signInToSignUp(page: Page, ui: Translate, signInName: string): Promise<SignUpPage> {
  await page.goto('/signup/');
  await new SignInPage(page, ui).signIn(signInName, PASSWORD);
  const signUp = new SignUpPage(page, ui);
  await expect(signUp.signedInAs()).toContainText(signInName);
  return signUp;
}

/** Step 4 from a signed-in form to the portal: fills every section, signs up, opens Subscriptions. */
export async function completeSignUpAndOpenPortal(page: Page, ui: Translate, about: AboutYou): Promise<PortalSubscriptions> {
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

/** Opens the portal in this page's browser and signs in there as this account. */
export async function signInToPortal(page: Page, ui: Translate, signInName: string): Promise<PortalSubscriptions> {
  await page.goto('/portal/subscriptions');
  await new SignInPage(page, ui).signIn(signInName, PASSWORD);
  const portal = new PortalSubscriptions(page, ui);
  await expect(portal.signedInAccount()).toHaveText(signInName);
  return portal;
}
