import { expect, proof, test } from '../fixtures.js';
import { DAVE, KIM, PASSWORD } from '../support/accounts.js';

test.describe('Pitfall 6: who cannot take a free trial is told so, and gets nothing', () => {
  test('dave@contoso.com already owns Pay-As-You-Go: "Free Trial is not available"', async ({
    page,
    ui,
    world,
    signIn,
  }) => {
    await proof('pitfall-6', () =>
      proof('rule-free-trial-once', async () => {
        await page.goto('/signup/');
        await signIn.signIn(DAVE, PASSWORD);
        await expect(
          page.getByRole('heading', { level: 1, name: ui('signup.refused.free-trial-used.heading') }),
        ).toBeVisible();
        await expect(page.getByRole('button', { name: ui('signup.signUp'), exact: true })).toHaveCount(0);
        // No button, and no way round it: Sign up posted anyway, with this page's own CSRF token, makes nothing.
        const csrf = await page.evaluate<string>(`document.querySelector('input[name="_csrf"]').value`);
        const posted = await page.request.post('/signup/', { form: { _csrf: csrf, action: 'signup', agree: 'on' } });
        expect(posted.status(), 'Sign up posted by hand is refused').toBe(422);
        expect(new URL(posted.url()).pathname).toBe('/signup/');
        await expect
          .poll(() => world.placements())
          .toEqual([expect.objectContaining({ offerId: 'MS-AZR-0003P', accountAdmin: DAVE, directory: 'Contoso' })]);
      }),
    );
  });

  test('kim@adatum.com belongs to an unmanaged directory: "Your current account type is not supported"', async ({
    page,
    ui,
    world,
    signIn,
  }) => {
    await proof('pitfall-6', () =>
      proof('rule-unmanaged-directory-refused', async () => {
        await page.goto('/signup/');
        await signIn.signIn(KIM, PASSWORD);
        await expect(
          page.getByRole('heading', { level: 1, name: ui('signup.refused.account-type-not-supported.heading') }),
        ).toBeVisible();
        await expect.poll(() => world.freeTrials()).toEqual([]);
      }),
    );
  });
});
