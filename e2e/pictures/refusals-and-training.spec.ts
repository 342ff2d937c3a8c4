import { expect, test, worldContext } from '../fixtures.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM, CAROL, DAVE, ERIN, KIM, PASSWORD } from '../support/accounts.js';
import { signInToPortal, signInToSignUp } from '../support/flows.js';
import { TRAINER_KEY } from '../support/trainer-key.js';
import { LOCALES, picture } from './picture.js';
import { WORLD_COOKIE, TEST_API } from '../../mock-portal/src/contract.js';

/** The pictures' class code in each language: fixed, so the pictures compare; apart, so both runs can hold one. */
const CLASS_CODES = { 'en-US': 'TRY7QA', 'zh-TW': 'TRY7QC' } as const;

for (const locale of LOCALES) {
  test.describe(`Pictures of errors and refusals (${locale})`, () => {
    test.use({ locale, pictureWorld: 1 });

    test('the sign-in errors: a wrong password, an unknown account, a locked account', async ({ page, signIn }) => {
      await page.goto('/signup/');
      await signIn.fillUsername(ALICE_CONTOSO);
      await signIn.fillPassword('not-the-password');
      await expect(signIn.error()).toContainText('AADSTS50126');
      await picture(page, locale, '50-sign-in-wrong-password');
      await page.goto('/signup/signin?prompt=login');
      await signIn.fillUsername('nobody@contoso.com');
      await expect(signIn.error()).toContainText('AADSTS50034');
      await picture(page, locale, '51-sign-in-unknown-account');
      await page.goto('/signup/signin?prompt=login');
      await signIn.fillUsername(ERIN);
      await signIn.fillPassword(PASSWORD);
      await expect(signIn.error()).toContainText('AADSTS50053');
      await picture(page, locale, '52-sign-in-locked-account');
    });

    test('the sign-up refusals: Free Trial not available, account type not supported', async ({ page, ui, signIn }) => {
      await page.goto('/signup/');
      await signIn.signIn(DAVE, PASSWORD);
      await expect(page.getByRole('heading', { name: ui('signup.refused.free-trial-used.heading') })).toBeVisible();
      await picture(page, locale, '53-sign-up-free-trial-not-available');
      await page.goto('/signup/signin?prompt=login');
      await signIn.signIn(KIM, PASSWORD);
      await expect(
        page.getByRole('heading', { name: ui('signup.refused.account-type-not-supported.heading') }),
      ).toBeVisible();
      await picture(page, locale, '54-sign-up-account-type-not-supported');
    });

    test("your app's authorities: a personal account at organizations, an outsider at a directory, a tenant that does not exist", async ({
      page,
      baseURL,
      signIn,
    }) => {
      // The portal's own registration stands in for your app: these pages come before any app sees a thing.
      const authorize = (tenant: string) =>
        `/login/${tenant}/v2.0/authorize?${new URLSearchParams({
          client_id: 'portal-azure',
          response_type: 'code',
          scope: 'openid',
          redirect_uri: `${baseURL}/portal/callback`,
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 'S256',
        }).toString()}`;
      await page.goto(authorize('organizations'));
      await signIn.fillUsername(CAROL);
      await signIn.chooseAccountKind('personal');
      await signIn.fillPassword(PASSWORD);
      await expect(signIn.error()).toContainText('AADSTS500200');
      await picture(page, locale, '57-your-app-personal-account-at-organizations');
      await page.goto(authorize('fabrikam.com'));
      await signIn.fillUsername(ALICE_CONTOSO);
      await signIn.fillPassword(PASSWORD);
      await expect(signIn.error()).toContainText('AADSTS50020');
      await picture(page, locale, '58-your-app-outsider-at-a-directory');
      await page.goto(authorize('no-such-tenant.example'));
      await expect(signIn.error()).toContainText('AADSTS90002');
      await picture(page, locale, '59-your-app-tenant-not-found');
    });

    test('the refusal pages: a world that has gone, the trainer view without its key', async ({
      page,
      context,
      baseURL,
    }) => {
      await context.addCookies([
        { name: WORLD_COOKIE, value: '00000000-0000-4000-8000-0000000000ff', url: baseURL ?? '' },
      ]);
      const gone = await page.goto('/portal/');
      expect(gone?.status()).toBe(410);
      await picture(page, locale, '55-world-gone');
      const refused = await page.goto('/trainer');
      expect(refused?.status()).toBe(401);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await picture(page, locale, '56-trainer-without-key');
    });
  });

  test.describe(`Pictures of training (${locale})`, () => {
    test.use({ locale, pictureWorld: 11, arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test("a learner in the trap: their world, Check my work, Why did it land here?, and the trainer's view of the class", async ({
      pagesOn,
      page,
      ui,
      portal,
      browser,
      request,
      baseURL,
      world,
    }) => {
      const classmates = [{ picture: 12, subscriptions: [{ signedUpBy: ALICE_CONTOSO }] }, { picture: 13 }];
      const ids: string[] = [];
      for (const spec of classmates) {
        const made = await request.post(`${TEST_API}/worlds`, { data: spec });
        expect(made.status()).toBe(201);
        ids.push(((await made.json()) as { id: string }).id);
      }

      const scenarios = pagesOn(page).scenarios;
      await scenarios.goTo();
      await picture(page, locale, '40-training-your-world', {
        of: page.getByRole('region', { name: ui('scenarios.world.heading') }),
      });
      await picture(page, locale, '41-training-check-my-work', {
        of: page.getByRole('region', { name: ui('scenarios.walks.heading') }),
      });
      await signInToPortal(page, ui, ALICE_FABRIKAM);
      await portal.openSubscription();
      await expect(page.getByRole('region', { name: ui('why.heading') })).toBeVisible();
      await picture(page, locale, '42-training-why-did-it-land-here');

      // The class, arranged with its three learners in the picture worlds: the same code every run.
      const [dana = '', farid = ''] = ids;
      const classCode = CLASS_CODES[locale];
      const made = await request.post(`${TEST_API}/classes`, {
        data: {
          name: 'Tuesday 10:00',
          code: classCode,
          learners: [
            { name: 'Dana', world: dana },
            { name: 'Erin', world: world.id },
            { name: 'Farid', world: farid },
          ],
        },
      });
      expect(made.status()).toBe(201);
      const { id: classId } = (await made.json()) as { id: string };
      // Farid stops at the form's phone section.
      const faridContext = await worldContext(browser, baseURL ?? '', farid, { locale });
      const signUp = await signInToSignUp(await faridContext.newPage(), ui, ALICE_CONTOSO);
      await signUp.fillAboutYou(ALICE_ABOUT);
      await faridContext.close();

      const trainerContext = await browser.newContext({ baseURL, locale, viewport: page.viewportSize() });
      const trainerPage = await trainerContext.newPage();
      const trainer = pagesOn(trainerPage).trainer;
      await trainer.open(TRAINER_KEY);
      await trainer.assertVerdict('PCT-PPP', 'trap');
      await trainer.assertVerdict('PCT-QQQ', 'done');
      await trainer.assertVerdict('PCT-RRR', 'not-yet');
      await picture(trainerPage, locale, '43-training-trainer-view');
      await trainerPage.getByRole('link', { name: 'Tuesday 10:00' }).click();
      await trainer.assertLearner('Dana', 'done', ui('progress.signed-up', { directory: 'Contoso' }));
      await trainer.assertLearner('Erin', 'trap', ui('progress.portal-opened'));
      await trainer.assertLearner(
        'Farid',
        'not-yet',
        ui('progress.form-section', { section: '2', name: ui('signup.phone') }),
      );
      await picture(trainerPage, locale, '45-training-class');
      await trainerPage.getByRole('link', { name: 'PCT-PPP', exact: true }).click();
      await picture(trainerPage, locale, '44-training-trainer-world');
      await trainerContext.close();

      const learnerContext = await browser.newContext({ baseURL, locale, viewport: page.viewportSize() });
      const learnerPage = await learnerContext.newPage();
      await learnerPage.goto(`/class/${classCode}`);
      await picture(learnerPage, locale, '46-training-join-a-class');
      await pagesOn(learnerPage).classroom.joinAs('Gita');
      // The footer names the learner's new world, whose code is random: the page's own part only.
      await picture(learnerPage, locale, '47-training-your-class', { of: learnerPage.getByRole('main') });
      // Gita's world goes with the class: the next language's trainer view shows picture worlds only.
      const gitasWorld = (await learnerContext.cookies()).find((cookie) => cookie.name === WORLD_COOKIE)?.value;
      expect(gitasWorld).toBeTruthy();
      await learnerContext.close();
      expect((await request.delete(`${TEST_API}/worlds/${gitasWorld ?? ''}`)).status()).toBe(204);

      await request.delete(`${TEST_API}/classes/${classId}`);
      for (const id of ids) await request.delete(`${TEST_API}/worlds/${id}`);
    });
  });
}
