import { PERSONAL_ACCOUNT_TENANT_ID } from '../../mock-portal/src/world/model.js';
import { articleStep, attachIdToken, expect, proof, test } from '../fixtures.js';
import { CAROL, PASSWORD } from '../support/accounts.js';
import { completeSignUpAndOpenPortal } from '../support/flows.js';

const CAROL_ABOUT = { country: 'US', workPhone: '+1 425 555 0142' } as const;

/**
 * The trap and its way out: the same walk, told apart by Carol's answer to "work or personal?".
 * Only the trap proves pitfall 2 and the personal account's Default Directory.
 */
const WALKS = [
  {
    title:
      'the trap: Carol chooses Personal account and the Free Trial lands in her new Default Directory, not Contoso',
    proves: ['pitfall-2', 'rule-personal-default-directory'] as const,
    kind: 'personal',
    landsIn: 'Default Directory',
  },
  {
    title: 'the way out: Carol chooses Work or school account and the Free Trial lands in Contoso',
    proves: ['rule-lands-in-home-directory'] as const,
    kind: 'work',
    landsIn: 'Contoso',
  },
] as const;

test.describe('Pitfall 2: carol@contoso.com is both a work account and a personal account', () => {
  for (const walk of WALKS) {
    test(walk.title, async ({ page, ui, locale, world, home, signIn, signUp }) => {
      const personal = walk.kind === 'personal';

      await articleStep(page, locale, 1, () => home.goTo());
      await articleStep(page, locale, 2, () => home.clickStartFree());
      await articleStep(page, locale, 3, async () => {
        await signIn.fillUsername(CAROL);
        await expect(page.getByRole('heading', { level: 1, name: ui('login.which.heading') })).toBeVisible();
        await signIn.chooseAccountKind(walk.kind);
        await signIn.finishWithPassword(PASSWORD);
        const shownDirectory = personal ? ui('signup.personalDirectory') : walk.landsIn;
        await expect(signUp.signedInAs()).toHaveText(
          ui('signup.signedInAs', { account: CAROL, directory: shownDirectory }),
        );
        const token = await attachIdToken(page);
        const contoso = (await world.state()).directories.find((d) => d.name === 'Contoso')?.id;
        expect(token.tid, 'a personal account carries the consumer tenant; a work account its directory').toBe(
          personal ? PERSONAL_ACCOUNT_TENANT_ID : contoso,
        );
      });
      await articleStep(page, locale, 4, async () => {
        const portal = await completeSignUpAndOpenPortal(page, ui, CAROL_ABOUT);
        for (const id of walk.proves)
          await proof(id, async () => {
            await expect(portal.currentDirectory()).toHaveText(walk.landsIn);
            await portal.assertRows([[ui('offer.MS-AZR-0044P'), walk.landsIn, ui('role.Owner')]]);
            await expect
              .poll(() => world.freeTrials())
              .toEqual([expect.objectContaining({ directory: walk.landsIn, accountAdmin: CAROL })]);
            await expect
              .poll(
                async () => (await world.state()).directories.map((d) => d.initialDomain),
                'a Default Directory was made only for the personal account',
              )
              .toEqual(
                personal
                  ? expect.arrayContaining(['carolcontoso.onmicrosoft.com'])
                  : expect.not.arrayContaining(['carolcontoso.onmicrosoft.com']),
              );
          });
      });
    });
  }
});
