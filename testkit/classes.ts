import { CookieClient, csrfTokenOf } from './cookie-client.js';

/** The trainer's browser: the key as the printed link leaves it, and the page's CSRF token. */
export async function trainerIn(
  base: string,
  key: string,
): Promise<{ trainer: CookieClient; csrf: () => Promise<string> }> {
  const trainer = new CookieClient(base);
  trainer.cookies.set('lang', 'en-US');
  await trainer.send(`/trainer?key=${key}`);
  return { trainer, csrf: async () => csrfTokenOf(await (await trainer.send('/trainer')).text()) };
}

/** A learner's browser that opened the join page of this code and posted this name. */
export async function learnerJoins(
  base: string,
  code: string,
  name: string,
): Promise<{ learner: CookieClient; response: Response }> {
  const learner = new CookieClient(base);
  learner.cookies.set('lang', 'en-US');
  const page = await learner.send(`/class/${code}`);
  const response = await learner.postForm(`/class/${code}`, { _csrf: csrfTokenOf(await page.text()), name });
  return { learner, response };
}

/** A class the trainer started through the pages: its id and the code its page shows. */
export async function startClassThroughPages(
  base: string,
  key: string,
  name: string,
): Promise<{ id: string; code: string; trainer: CookieClient }> {
  const { trainer, csrf } = await trainerIn(base, key);
  const response = await trainer.postForm('/trainer/classes', { _csrf: await csrf(), name });
  const id = /\/trainer\/classes\/([0-9a-f-]+)$/.exec(response.headers.get('location') ?? '')?.[1];
  if (response.status !== 303 || !id) throw new Error(`starting a class answered ${response.status}`);
  const page = await (await trainer.send(`/trainer/classes/${id}`)).text();
  const code = /data-testid="class-code">([A-Z0-9]+)</.exec(page)?.[1];
  if (!code) throw new Error('the class page shows no code');
  return { id, code, trainer };
}
