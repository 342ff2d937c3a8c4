import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures.js';
import { ALICE_ABOUT, ALICE_CONTOSO, ALICE_FABRIKAM } from '../support/accounts.js';
import { signInToPortal, signInToSignUp } from '../support/flows.js';
import { TRAINER_KEY } from '../support/trainer-key.js';
import type { Walk } from '../../mock-portal/src/world/walks.js';

const ALICE = 'Alice Chen';

test.describe('Worlds for everyone: a class on one portal', () => {
  test("two learners sign up as alice@contoso.com at once: each gets a Free Trial in Contoso, and one's Start over leaves the other's", async ({
    pagesOn,
    newVisitor,
    worldOf,
    ui,
  }) => {
    const learners: Page[] = [await newVisitor(), await newVisitor()];
    // At the same time, as a class does.
    await Promise.all(
      learners.map((page, index) =>
        test.step(`learner ${index + 1} signs up as ${ALICE_CONTOSO}`, async () => {
          const signUp = await signInToSignUp(page, ui, ALICE_CONTOSO);
          await signUp.completeWith(ALICE_ABOUT);
          await expect(signUp.readyHeading()).toBeVisible();
          const why = page.getByRole('region', { name: ui('why.heading') });
          await expect(why.getByRole('paragraph').first(), 'said first: where the article wants it').toHaveText(
            ui('why.rightPlace', { directory: 'Contoso' }),
          );
          await expect(why).toContainText(ui('why.work', { directory: 'Contoso' }));
        }),
      ),
    );
    const [first, second] = await Promise.all(learners.map((page) => worldOf(page)));
    expect(first?.id, 'each learner is in a world of their own').not.toBe(second?.id);
    for (const world of [first, second])
      await expect.poll(async () => (await world?.freeTrials())?.map((p) => p.directory)).toEqual(['Contoso']);

    await test.step('learner 1 starts over; learner 2 still has her Free Trial in Contoso', async () => {
      const [page1, page2] = learners as [Page, Page];
      const one = pagesOn(page1).scenarios;
      await one.goTo();
      await one.startOver();
      await one.assertCheck('happy-path', 'not-yet', ALICE);
      await expect.poll(async () => (await first?.freeTrials())?.length).toBe(0);
      const two = pagesOn(page2).scenarios;
      await two.goTo();
      await two.assertCheck('happy-path', 'done', ALICE, 'Contoso');
      await expect.poll(async () => (await second?.freeTrials())?.map((p) => p.directory)).toEqual(['Contoso']);
    });
  });

  test('a private window opened with the world link acts in the same world, signed in as nobody', async ({
    pagesOn,
    newVisitor,
    worldOf,
    ui,
  }) => {
    const learner = await newVisitor();
    await signInToPortal(learner, ui, ALICE_CONTOSO);
    const world = await worldOf(learner);
    const { code } = await world.state();
    const scenarios = pagesOn(learner).scenarios;
    await scenarios.goTo();
    await expect(scenarios.footerWorld(code)).toBeVisible();
    const link = await scenarios.joinLink().inputValue();

    await test.step('Copy puts the link on the clipboard and says so', async () => {
      await learner.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await scenarios.copyJoinLinkButton().click();
      await expect(scenarios.copiedNote()).toBeVisible();
      await expect.poll(() => learner.evaluate<string>('navigator.clipboard.readText()')).toBe(link);
    });

    const privateWindow = await newVisitor();
    await privateWindow.goto(link);
    await expect(pagesOn(privateWindow).home.heading()).toBeVisible();
    await expect(pagesOn(privateWindow).scenarios.footerWorld(code), 'the same world').toBeVisible();
    await privateWindow.goto('/portal/');
    await expect(pagesOn(privateWindow).signIn.usernameField(), 'signed in as nobody').toBeVisible();
    expect((await worldOf(privateWindow)).id).toBe(world.id);
  });

  test('each scenario link gives a fresh world in the state its walk starts from', async ({
    pagesOn,
    newVisitor,
    worldOf,
  }) => {
    /** A new visitor opens the walk's link, lands on the Azure home page in a world of their own, and selects Start free. */
    const startWalk = async (walk: Walk) => {
      const page = await newVisitor();
      await page.goto(`/scenarios/${walk}`);
      const home = pagesOn(page).home;
      await expect(home.heading()).toBeVisible();
      const { code } = await (await worldOf(page)).state();
      await expect(pagesOn(page).scenarios.footerWorld(code)).toBeVisible();
      await home.clickStartFree();
      return page;
    };

    for (const walk of ['happy-path', 'work-or-personal'] as const) {
      await test.step(`${walk}: nobody is signed in, so Start free asks who you are`, async () => {
        const page = await startWalk(walk);
        await expect(pagesOn(page).signIn.usernameField()).toBeVisible();
      });
    }

    await test.step("two-accounts: Start free offers both of Alice's accounts at Pick an account", async () => {
      const page = await startWalk('two-accounts');
      const signIn = pagesOn(page).signIn;
      await expect(signIn.pickerHeading()).toBeVisible();
      await expect(signIn.tile(ALICE_CONTOSO)).toBeVisible();
      await expect(signIn.tile(ALICE_FABRIKAM)).toBeVisible();
      await expect.poll(async () => (await worldOf(page)).freeTrials(), 'nothing signed up yet').toEqual([]);
    });

    await test.step('already-signed-in: Start free opens the form as alice@fabrikam.com, asking nothing', async () => {
      const page = await startWalk('already-signed-in');
      await expect(pagesOn(page).signUp.signedInAs()).toContainText(ALICE_FABRIKAM);
    });
  });
});

test.describe('Training: what the learner and the trainer see', () => {
  test('a learner falls into the trap: the confirmation says why, Check my work says so, and the trainer view shows it by itself', async ({
    pagesOn,
    page,
    world,
    ui,
    signUp,
    newVisitor,
  }) => {
    const { code } = await world.state();
    const trainer = pagesOn(await newVisitor()).trainer;
    await trainer.open(TRAINER_KEY);
    await trainer.assertVerdict(code, 'not-yet');

    await signInToSignUp(page, ui, ALICE_FABRIKAM);
    await signUp.completeWith(ALICE_ABOUT);
    await expect(signUp.readyHeading()).toBeVisible();
    const why = page.getByRole('region', { name: ui('why.heading') });
    await expect(why).toContainText(ui('why.work', { directory: 'Fabrikam' }));
    await expect(why).not.toContainText(ui('why.rightPlace', { directory: 'Fabrikam' }));
    await expect(why).toContainText(ui('why.other', { account: ALICE_CONTOSO, directory: 'Contoso' }));
    await expect(why).toContainText(ui('why.wayChange', { directory: 'Contoso' }));
    await expect.poll(async () => (await world.freeTrials()).map((p) => p.directory)).toEqual(['Fabrikam']);

    const scenarios = pagesOn(page).scenarios;
    await scenarios.goTo();
    // A world made by browsing answers for the article as written.
    await scenarios.assertCheck('happy-path', 'trap', ALICE, 'Fabrikam');
    await scenarios.assertCheck('two-accounts', 'other-walk');
    await trainer.assertVerdict(code, 'trap');
  });

  test.describe('with a Free Trial signed up as alice@fabrikam.com', () => {
    test.use({ arrange: { subscriptions: [{ signedUpBy: ALICE_FABRIKAM }] } });

    test("the subscription's Overview says why it is in Fabrikam, and the ways to Contoso", async ({
      page,
      world,
      ui,
    }) => {
      await signInToPortal(page, ui, ALICE_FABRIKAM);
      await page.goto(`/portal/subscriptions/${world.arrangedSubscriptionIds[0] ?? ''}`);
      const why = page.getByRole('region', { name: ui('why.heading') });
      await expect(why).toContainText(ui('why.signer', { account: ALICE_FABRIKAM }));
      await expect(why).toContainText(ui('why.work', { directory: 'Fabrikam' }));
      await expect(why).toContainText(ui('why.wayChange', { directory: 'Contoso' }));
      await expect(why).toContainText(ui('why.waySignUp', { account: ALICE_CONTOSO, directory: 'Contoso' }));
    });
  });

  test("Check my work in a world the two-accounts walk made says done for that walk only, though Alice's other walks are about her too", async ({
    pagesOn,
    newVisitor,
    worldOf,
  }) => {
    const page = await newVisitor();
    await page.goto('/scenarios/two-accounts');
    const home = pagesOn(page).home;
    await expect(home.heading()).toBeVisible();
    await home.clickStartFree();
    const signIn = pagesOn(page).signIn;
    await expect(signIn.pickerHeading()).toBeVisible();
    await signIn.pickAccount(ALICE_CONTOSO);
    const signUp = pagesOn(page).signUp;
    await expect(signUp.signedInAs()).toContainText(ALICE_CONTOSO);
    await signUp.completeWith(ALICE_ABOUT);
    await expect(signUp.readyHeading()).toBeVisible();
    await expect
      .poll(async () => (await (await worldOf(page)).freeTrials()).map((p) => p.directory))
      .toEqual(['Contoso']);

    const scenarios = pagesOn(page).scenarios;
    await scenarios.goTo();
    await scenarios.assertCheck('two-accounts', 'done', ALICE, 'Contoso');
    for (const other of ['happy-path', 'already-signed-in', 'work-or-personal'] as const)
      await scenarios.assertCheck(other, 'other-walk');
  });

  test('Check my work says done only once the Free Trial is in Contoso, and not yet again after Start over', async ({
    pagesOn,
    page,
    world,
    ui,
    signUp,
  }) => {
    const scenarios = pagesOn(page).scenarios;
    await scenarios.goTo();
    await scenarios.assertCheck('happy-path', 'not-yet', ALICE);

    await signInToSignUp(page, ui, ALICE_CONTOSO);
    await signUp.completeWith(ALICE_ABOUT);
    await expect(signUp.readyHeading()).toBeVisible();
    await scenarios.goTo();
    await scenarios.assertCheck('happy-path', 'done', ALICE, 'Contoso');
    await scenarios.assertCheck('work-or-personal', 'other-walk');
    await expect.poll(async () => (await world.freeTrials()).map((p) => p.directory)).toEqual(['Contoso']);

    await scenarios.startOver();
    await scenarios.assertCheck('happy-path', 'not-yet', ALICE);
    await expect.poll(async () => world.freeTrials()).toEqual([]);
  });
});
