import type { Page } from '@playwright/test';
import { ARTICLE_UI, type ArticleLocale, type ArticleStep } from '../article/article.js';
import { quotedInStep } from '../article/reviewed.js';
import { articleStep, expect, proof, test } from '../fixtures.js';
import { ALICE_ABOUT, ALICE_CONTOSO, PASSWORD } from '../support/accounts.js';

/** Every word the article's edition in this language quotes in this step (in brackets, or in bold) is on the page where the step is taken. */
async function expectQuotedWords(page: Page, locale: ArticleLocale, number: ArticleStep['number']): Promise<void> {
  for (const words of quotedInStep(locale, number))
    await expect(
      page.getByText(words, { exact: true }),
      `the article quotes [${words}] in step ${number}`,
    ).toBeVisible();
}

test.describe('The article: get an Azure subscription by using your Office 365 account', () => {
  test(
    'alice@contoso.com follows steps 1 to 4 and her Free Trial lands in Contoso',
    { tag: '@phone' },
    async ({ page, ui, locale, world, home, signIn, signUp, portal }) => {
      await articleStep(page, locale, 1, () =>
        proof('step-1', async () => {
          await home.goTo();
          await expect(home.heading()).toBeVisible();
          await expectQuotedWords(page, locale, 1);
        }),
      );

      await articleStep(page, locale, 2, () =>
        proof('step-2', async () => {
          await expectQuotedWords(page, locale, 2);
          // The button must carry the article's own words in each language.
          await home.clickStartFree(ARTICLE_UI.startFree[locale]);
          await expect(page).toHaveURL(/\/login\/interaction\//);
          await expect(page.getByRole('heading', { level: 1, name: ARTICLE_UI.signIn[locale] })).toBeVisible();
        }),
      );

      await articleStep(page, locale, 3, () =>
        proof('step-3', async () => {
          await expectQuotedWords(page, locale, 3);
          await signIn.signIn(ALICE_CONTOSO, PASSWORD);
          await expect(signUp.heading()).toBeVisible();
          await expect(signUp.signedInAs()).toHaveText(
            ui('signup.signedInAs', { account: ALICE_CONTOSO, directory: 'Contoso' }),
          );
          await expect.poll(() => world.freeTrials(), 'signing in alone creates nothing').toEqual([]);
        }),
      );

      await articleStep(page, locale, 4, () =>
        proof('step-4', async () => {
          await expectQuotedWords(page, locale, 4);
          await expect(signUp.field('signup.firstName'), 'the name comes from the ID token').toHaveValue('Alice');
          await expect(signUp.field('signup.email')).toHaveValue(ALICE_CONTOSO);
          await signUp.completeWith(ALICE_ABOUT);
          await expect(signUp.readyHeading()).toBeVisible();
          await signUp.clickStartManaging();
          await expect(portal.heading()).toBeVisible();

          await proof('rule-lands-in-home-directory', async () => {
            await expect(portal.currentDirectory()).toHaveText('Contoso');
            await expect
              .poll(() => world.freeTrials())
              .toEqual([expect.objectContaining({ directory: 'Contoso', accountAdmin: ALICE_CONTOSO })]);
          });
          await proof('rule-signer-is-owner', async () => {
            await portal.assertRows([[ui('offer.MS-AZR-0044P'), 'Contoso', ui('role.Owner')]]);
            await expect
              .poll(() => world.freeTrials())
              .toEqual([expect.objectContaining({ accountAdmin: ALICE_CONTOSO, owners: [ALICE_CONTOSO] })]);
          });
          const [trial] = await world.freeTrials();
          await expect(
            portal.subscriptionIdIn(portal.rows().first()),
            'the portal shows the subscription the server placed',
          ).toHaveText(trial?.subscriptionId ?? 'no Free Trial in state');
        }),
      );
    },
  );
});
