import { expect, type Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { MarketingHome } from '../pages/marketing-home.js';
import { PortalSubscriptions } from '../pages/portal-subscriptions.js';
import { SignInPage } from '../pages/sign-in.js';
import { GOOD_CARD, SignUpPage, type AboutYou, type Card } from '../pages/sign-up.js';
import { ALICE_ABOUT, ALICE_CONTOSO, PASSWORD } from './accounts.js';

/** The points of the walk where a page is worth a look: each page as a reader sees it, typed but not yet sent. */
export type Moment =
  | 'azure-home'
  | 'user-name'
  | 'password'
  | 'stay-signed-in'
  | 'about-you'
  | 'code-sent'
  | 'card'
  | 'agreement'
  | 'ready'
  | 'portal';

export interface HappyPath {
  readonly account?: string;
  readonly about?: AboutYou;
  readonly card?: Card;
  /** Called at each moment, before the walk goes on: a picture, a timing, a check. */
  readonly at?: (moment: Moment) => Promise<void>;
}

/**
 * The article's steps 1 to 4 as a reader walks them in a fresh browser, through the page objects:
 * Azure.com, Start free, the sign-in pages, every section of the form, the portal. The one walk the
 * specs, the screenshots, the article's pictures and the bench share.
 */
export async function walkHappyPath(page: Page, ui: Translate, walk: HappyPath = {}): Promise<PortalSubscriptions> {
  const at = walk.at ?? (() => Promise.resolve());
  const home = new MarketingHome(page, ui);
  const signIn = new SignInPage(page, ui);
  const signUp = new SignUpPage(page, ui);
  const about = walk.about ?? ALICE_ABOUT;

  await home.goTo();
  await at('azure-home');
  await home.clickStartFree();
  await signIn.usernameField().fill(walk.account ?? ALICE_CONTOSO);
  await at('user-name');
  await signIn.clickNext();
  await signIn.passwordField().fill(PASSWORD);
  await at('password');
  await signIn.clickSignIn();
  await expect(signIn.staySignedInHeading()).toBeVisible();
  await at('stay-signed-in');
  await signIn.answerStaySignedIn(false);

  await signUp.typeAboutYou(about);
  await at('about-you');
  await signUp.clickNextIn('signup.about');
  await signUp.clickTextMe(about.workPhone);
  const code = await signUp.readSentCode();
  await at('code-sent');
  await signUp.fillVerificationCode(code);
  await signUp.typeCard(walk.card ?? GOOD_CARD);
  await at('card');
  await signUp.clickNextIn('signup.card');
  await expect(signUp.field('signup.agree')).toBeVisible();
  await at('agreement');
  await signUp.acceptAgreementAndSignUp();
  await expect(signUp.readyHeading()).toBeVisible();
  await at('ready');
  await signUp.clickStartManaging();
  const portal = new PortalSubscriptions(page, ui);
  await expect(portal.heading()).toBeVisible();
  await at('portal');
  return portal;
}
