import type { Page } from '@playwright/test';
import type { Translate } from '../../mock-portal/src/i18n/index.js';
import { expect, test } from '../fixtures.js';
import type { Pages } from '../pages/index.js';
import type { TrainerView } from '../pages/trainer.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToSignUp } from '../support/flows.js';
import { TRAINER_KEY } from '../support/trainer-key.js';

/** A class the trainer started from the trainer view, with Dana joined by its link and listed. */
async function classWithDana(
  pagesOn: (page: Page) => Pages,
  newVisitor: () => Promise<Page>,
  ui: Translate,
  name: string,
): Promise<{ trainer: TrainerView; link: string; learnerPage: Page }> {
  const trainer = pagesOn(await newVisitor()).trainer;
  await trainer.open(TRAINER_KEY);
  await trainer.startClass(name);
  const link = await trainer.classJoinLink().inputValue();
  const learnerPage = await newVisitor();
  await pagesOn(learnerPage).classroom.joinWithLink(link, 'Dana');
  await trainer.assertLearner('Dana', 'not-yet', ui('progress.none'));
  return { trainer, link, learnerPage };
}

test.describe('A class: the trainer knows each learner by name and sees where each is stuck', () => {
  test('three named learners: one finishes, one falls into the trap through a walk link, one stops at the phone section; the class lists exactly them', async ({
    pagesOn,
    newVisitor,
    worldOf,
    world,
    ui,
  }) => {
    const trainerPage = await newVisitor();
    const trainer = pagesOn(trainerPage).trainer;

    const rehearsal = await test.step('the trainer rehearses in a world of their own first', async () => {
      await trainerPage.goto('/scenarios/happy-path');
      await expect(pagesOn(trainerPage).home.heading()).toBeVisible();
      return (await worldOf(trainerPage)).state();
    });

    await test.step('the trainer starts the class "Tuesday 10:00"', async () => {
      await trainer.open(TRAINER_KEY);
      await trainer.startClass('Tuesday 10:00');
      await expect(trainer.classCode()).toHaveText(/^[A-Z0-9]{6}$/);
    });

    const code = (await trainer.classCode().textContent()) ?? '';
    const link = await trainer.classJoinLink().inputValue();
    expect(link).toMatch(new RegExp(`/class/${code}$`));

    const [dana, erin, farid] = [await newVisitor(), await newVisitor(), await newVisitor()] as [Page, Page, Page];

    await test.step('Dana and Farid open the join link; Erin types the code on the Scenarios page', async () => {
      await pagesOn(dana).classroom.joinWithLink(link, 'Dana');
      await pagesOn(erin).classroom.joinWithCode(code.toLowerCase(), 'Erin');
      await pagesOn(farid).classroom.joinWithLink(link, 'Farid');
    });

    // At the same time, as a class does.
    await Promise.all([
      test.step(`Dana signs up as ${ALICE_CONTOSO}, as the article says`, async () => {
        const signUp = await signInToSignUp(dana, ui, ALICE_CONTOSO);
        await signUp.completeWith(ALICE_ABOUT);
        await expect(signUp.readyHeading()).toBeVisible();
      }),
      test.step(`Erin takes the two-accounts walk's link and signs up as ${ALICE_FABRIKAM}: the trap`, async () => {
        const { home, signIn, signUp } = pagesOn(erin);
        await erin.goto('/scenarios/two-accounts');
        await expect(home.heading()).toBeVisible();
        await home.clickStartFree();
        await expect(signIn.pickerHeading()).toBeVisible();
        await signIn.pickAccount(ALICE_FABRIKAM);
        await signUp.completeWith(ALICE_ABOUT);
        await expect(signUp.readyHeading()).toBeVisible();
      }),
      test.step('Farid fills in About you and stops at the phone section', async () => {
        const signUp = await signInToSignUp(farid, ui, ALICE_CONTOSO);
        await signUp.fillAboutYou(ALICE_ABOUT);
        await expect(signUp.field('signup.phoneNumber')).toBeVisible();
      }),
    ]);

    await test.step('in state: each learner has a world of their own, with the subscription where it landed', async () => {
      const trials = async (page: Page) => (await (await worldOf(page)).freeTrials()).map((p) => p.directory);
      await expect.poll(() => trials(dana)).toEqual(['Contoso']);
      await expect.poll(() => trials(erin)).toEqual(['Fabrikam']);
      await expect.poll(() => trials(farid)).toEqual([]);
    });

    await test.step("the trainer's class shows exactly three rows, by name, with verdicts and how far, by itself", async () => {
      await trainer.assertLearner('Dana', 'done', ui('progress.signed-up', { directory: 'Contoso' }));
      await trainer.assertLearner('Erin', 'trap', ui('progress.signed-up', { directory: 'Fabrikam' }));
      await trainer.assertLearner(
        'Farid',
        'not-yet',
        ui('progress.form-section', { section: '2', name: ui('signup.phone') }),
      );
      await expect(trainer.learnersTable().getByRole('rowheader')).toHaveText(['Dana', 'Erin', 'Farid']);
      for (const [page, name] of [
        [dana, 'Dana'],
        [erin, 'Erin'],
        [farid, 'Farid'],
      ] as const) {
        const { code: worldCode } = await (await worldOf(page)).state();
        await expect(trainer.learnerRow(name)).toContainText(worldCode);
      }
      for (const other of [rehearsal.code, (await world.state()).code])
        await expect(trainer.learnersTable()).not.toContainText(other);
    });
  });

  test('the trainer ends the class: the list stays, the learner leaves it, and nobody more can join', async ({
    pagesOn,
    newVisitor,
    ui,
  }) => {
    const { trainer, link, learnerPage } = await classWithDana(pagesOn, newVisitor, ui, 'Wednesday 14:00');

    await trainer.endClass();
    await expect(trainer.learnersTable().getByRole('rowheader')).toHaveText(['Dana']);
    await learnerPage.goto('/class');
    await expect(learnerPage.getByText(ui('class.none'))).toBeVisible();
    const late = await newVisitor();
    await late.goto(link);
    await expect(late.getByRole('heading', { level: 1, name: ui('class.ended.title') })).toBeVisible();
  });

  test('a learner changes their name mid-class: the same row shows the new name', async ({
    pagesOn,
    newVisitor,
    ui,
  }) => {
    const { trainer, learnerPage } = await classWithDana(pagesOn, newVisitor, ui, 'Thursday 09:00');
    const learner = pagesOn(learnerPage).classroom;

    await learner.nameField().fill('Dana Lee');
    await learnerPage.getByRole('button', { name: ui('class.rename') }).click();
    await expect(learner.notice()).toHaveText(ui('class.renamed'));
    await expect(trainer.learnersTable().getByRole('rowheader')).toHaveText(['Dana Lee'], { timeout: 10_000 });
  });
});
