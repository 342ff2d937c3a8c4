import { PERSONAL_ACCOUNT_TENANT_ID } from '../../mock-portal/src/world/model.js';
import { articleStep, attachIdToken, expect, proves, test } from '../fixtures.js';
import { MarketingHome } from '../pages/marketing-home.js';
import { SignInPage } from '../pages/sign-in.js';
import { SignUpPage } from '../pages/sign-up.js';
import { CAROL, PASSWORD } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';

const CAROL_ABOUT = { country: 'US', workPhone: '+1 425 555 0142' } as const;

test.describe('Pitfall 2: carol@contoso.com is both a work account and a personal account', () => {
  test(
    'the trap: Carol chooses Personal account and the Free Trial lands in her new Default Directory, not Contoso',
    proves('pitfall-2', 'rule-personal-default-directory'),
    async ({ page, ui, locale, world }) => {
      const signIn = new SignInPage(page, ui);
      const signUp = new SignUpPage(page, ui);

      await articleStep(page, locale, 1, () => new MarketingHome(page, ui).goTo());
      await articleStep(page, locale, 2, () => new MarketingHome(page, ui).clickStartFree());
      await articleStep(page, locale, 3, async () => {
        await signIn.fillUsername(CAROL);
        await expect(page.getByRole('heading', { level: 1, name: ui('login.which.heading') })).toBeVisible();
        await signIn.chooseAccountKind('personal');
        await signIn.fillPassword(PASSWORD);
        await signIn.answerStaySignedIn(false);
        await expect(signUp.signedInAs()).toHaveText(
          ui('signup.signedInAs', { account: CAROL, directory: ui('signup.personalDirectory') }),
        );
        const token = await attachIdToken(page);
        expect(token.tid, 'a personal account carries the consumer tenant').toBe(PERSONAL_ACCOUNT_TENANT_ID);
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, CAROL_ABOUT);
        await expect(portal.currentDirectory()).toHaveText('Default Directory');
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Default Directory', ui('role.Owner')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Default Directory', accountAdmin: CAROL })]);
        const { directories } = await world.state();
        expect(directories.map((d) => d.initialDomain)).toContain('carolcontoso.onmicrosoft.com');
      });
    },
  );

  test(
    'the way out: Carol chooses Work or school account and the Free Trial lands in Contoso',
    proves('pitfall-2'),
    async ({ page, ui, locale, world }) => {
      const signIn = new SignInPage(page, ui);
      const signUp = new SignUpPage(page, ui);

      await articleStep(page, locale, 1, () => new MarketingHome(page, ui).goTo());
      await articleStep(page, locale, 2, () => new MarketingHome(page, ui).clickStartFree());
      await articleStep(page, locale, 3, async () => {
        await signIn.fillUsername(CAROL);
        await signIn.chooseAccountKind('work');
        await signIn.fillPassword(PASSWORD);
        await signIn.answerStaySignedIn(false);
        await expect(signUp.signedInAs()).toHaveText(ui('signup.signedInAs', { account: CAROL, directory: 'Contoso' }));
        const token = await attachIdToken(page);
        expect(token.upn).toBe(CAROL);
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, CAROL_ABOUT);
        await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
        await expect
          .poll(() => world.freeTrials())
          .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: CAROL })]);
        const { directories } = await world.state();
        expect(
          directories.map((d) => d.name),
          'no Default Directory was made',
        ).not.toContain('Default Directory');
      });
    },
  );
});
