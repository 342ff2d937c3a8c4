import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { SignInPage } from '../pages/sign-in.js';
import { SignUpPage } from '../pages/sign-up.js';
import { PASSWORD } from './accounts.js';

/** Opens the sign-up page and signs in there as this account: where every form test starts. */
export async function signInToSignUp(page: Page, ui: Translate, signInName: string): Promise<SignUpPage> {
  await page.goto('/signup/');
  await new SignInPage(page, ui).signIn(signInName, PASSWORD);
  const signUp = new SignUpPage(page, ui);
  await expect(signUp.signedInAs()).toContainText(signInName);
  return signUp;
}
