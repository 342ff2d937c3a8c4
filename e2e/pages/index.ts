import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { ClassPage } from './class.js';
import { DeviceLoginPage } from './device-login.js';
import { MarketingHome } from './marketing-home.js';
import { PortalSubscriptions } from './portal-subscriptions.js';
import { ScenariosPage } from './scenarios.js';
import { SignInPage } from './sign-in.js';
import { SignUpPage } from './sign-up.js';
import { SubscriptionBlade } from './subscription-blade.js';
import { TrainerView } from './trainer.js';

/** Every page object, on one browser page, in the reader's language: what the `pagesOn` fixture gives. */
export function pagesOn(page: Page, ui: Translate) {
  return {
    home: new MarketingHome(page, ui),
    signIn: new SignInPage(page, ui),
    deviceLogin: new DeviceLoginPage(page, ui),
    signUp: new SignUpPage(page, ui),
    portal: new PortalSubscriptions(page, ui),
    blade: new SubscriptionBlade(page, ui),
    scenarios: new ScenariosPage(page, ui),
    trainer: new TrainerView(page, ui),
    classroom: new ClassPage(page, ui),
  };
}

export type Pages = ReturnType<typeof pagesOn>;
