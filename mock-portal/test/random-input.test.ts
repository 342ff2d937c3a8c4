import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { listen, type Running } from '../src/listen.js';
import { signupAction } from '../src/services/signup/forms.js';
import { SEED_PASSWORD } from '../src/world/seed.js';
import { csrfTokenOf, signInUntilCallback } from '../../testkit/cookie-client.js';
import { clientIn, newWorld, signInToSignup } from '../../testkit/flows.js';
import { WORLD_COOKIE } from '../src/contract.js';

/** Any text a person, a script or a fuzzer might type, including markup, control characters and astral planes. */
const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.constantFrom('', ' ', '<script>x</script>', '../../etc/passwd', '%00', '\u0000', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '9'.repeat(5000)),
);
const fieldsOf = (names: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...names), anyText, { maxKeys: names.length });

const SIGNUP_FIELDS = [
  'action',
  'country',
  'firstName',
  'lastName',
  'email',
  'workPhone',
  'organization',
  'phoneNumber',
  'verificationCode',
  'cardName',
  'cardNumber',
  'expiryMonth',
  'expiryYear',
  'cvv',
  'address1',
  'address2',
  'city',
  'region',
  'postalCode',
  'phoneCountry',
  'agree',
  'offers',
] as const;
/** Every button of the sign-up form, so that random fields meet each action, Change included. */
const SIGNUP_ACTIONS = fc.constantFrom(...signupAction.options);
const PORTAL_FIELDS = ['principalId', 'role', 'accountId', 'directoryId', 'returnTo'] as const;
const RUNS = { numRuns: 60 };

/** A page that rendered: a whole HTML document, no stack trace. */
function assertRendered(status: number, html: string, what: string): void {
  assert.ok(status < 500, `${what} answered ${status}`);
  if (status === 200 || status === 422 || status === 400 || status === 403 || status === 404) {
    assert.match(html, /<\/html>\s*$/, `${what} rendered a whole page`);
    assert.doesNotMatch(html, /\n\s+at .+:\d+:\d+/, `${what} shows no stack trace`);
  }
}

/** fast-check properties over every form and API body. */
describe('random input never breaks the server, and refused input changes nothing', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());
  const snapshot = async (worldId: string) => (await fetch(new URL(`/__test__/worlds/${worldId}`, running.url))).text();

  it('the sign-up form: any fields, any action: no 5xx, the page renders, no subscription without a valid form', async () => {
    const worldId = await newWorld(running.url);
    const client = clientIn(running.url, worldId);
    const form = await signInToSignup(client, 'alice@contoso.com', SEED_PASSWORD);
    const before = await snapshot(worldId);
    await fc.assert(
      fc.asyncProperty(fieldsOf(SIGNUP_FIELDS), fc.option(SIGNUP_ACTIONS), async (fields, action) => {
        const body = action === null ? fields : { ...fields, action };
        const response = await client.postForm('/signup/', { ...body, _csrf: csrfTokenOf(form) });
        const html = response.status === 303 ? '' : await response.text();
        assertRendered(response.status, html, `POST /signup/ ${JSON.stringify(fields).slice(0, 200)}`);
        if (response.status === 303) assert.match(response.headers.get('location') ?? '', /^\/signup\/(#\w+)?$/);
      }),
      RUNS,
    );
    assert.equal(await snapshot(worldId), before, 'no subscription was created and nothing else changed');
  });

  it('the sign-in pages: any user name, password and choice: no 5xx, and no account is signed in', async () => {
    const worldId = await newWorld(running.url);
    const before = await snapshot(worldId);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('username', 'password', 'which', 'pick', 'forget', 'sign-out', 'stay-signed-in'),
        fieldsOf(['username', 'password', 'kind', 'accountId', 'stay', 'dontShowAgain']),
        async (step, fields) => {
          const client = clientIn(running.url, worldId);
          const { response, url } = await client.follow('/signup/');
          const answer = await client.postForm(`${url.pathname}/${step}`, {
            ...fields,
            _csrf: csrfTokenOf(await response.text()),
          });
          assertRendered(
            answer.status,
            answer.status >= 300 && answer.status < 400 ? '' : await answer.text(),
            `POST ${step} ${JSON.stringify(fields).slice(0, 200)}`,
          );
          assert.ok(!client.cookies.has('_session'), 'no sign-in completed');
        },
      ),
      { numRuns: 40 },
    );
    assert.equal(await snapshot(worldId), before);
  });

  it("the portal's forms: any body on every blade: no 5xx and the world is unchanged", async () => {
    const worldId = await newWorld(running.url);
    const client = clientIn(running.url, worldId);
    const { response } = await client.follow(
      await signInUntilCallback(client, '/portal/subscriptions', 'dave@contoso.com', SEED_PASSWORD),
    );
    const page = await response.text();
    const subscription = /\/portal\/subscriptions\/([0-9a-f-]{36})/.exec(page)?.[1] ?? 'none';
    const paths = [
      '/portal/directories',
      ...[
        'access-control/add',
        'access-control/remove',
        'administrators/service-admin',
        'administrators/co-admins/add',
        'administrators/co-admins/remove',
        'change-directory',
      ].map((tail) => `/portal/subscriptions/${subscription}/${tail}`),
    ];
    const before = await snapshot(worldId);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fieldsOf(PORTAL_FIELDS), async (path, fields) => {
        const answer = await client.postForm(path, { ...fields, _csrf: csrfTokenOf(page) });
        assertRendered(
          answer.status,
          answer.status >= 300 && answer.status < 400 ? '' : await answer.text(),
          `POST ${path} ${JSON.stringify(fields).slice(0, 200)}`,
        );
      }),
      RUNS,
    );
    assert.equal(await snapshot(worldId), before, 'random bodies neither granted, moved nor changed anything');
  });

  it('the test-only API: any JSON body makes a world or is refused with 400 (or 422 for a refused step), never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.json(),
          fc
            .record({ extraOrganisations: fc.oneof(fc.integer(), fc.double(), fc.string()) })
            .map((value) => JSON.stringify(value)),
          fc.string(),
        ),
        async (body) => {
          const response = await fetch(new URL('/__test__/worlds', running.url), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          assert.ok([201, 400, 422].includes(response.status), `${body.slice(0, 100)} → ${response.status}`);
          if (response.status === 201)
            await fetch(new URL(`/__test__/worlds/${((await response.json()) as { id: string }).id}`, running.url), {
              method: 'DELETE',
            });
        },
      ),
      RUNS,
    );
  });

  it('query strings: any return, state, language or prompt on the GET pages: no 5xx, redirects stay here', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/',
          '/scenarios',
          '/signup/signed-out',
          '/portal/signed-out',
          '/portal/signin',
          '/signup/signin',
          '/free',
          '/login/help/cant-access',
          '/login/help/forgot-password',
          '/signup/terms/offer-details',
          '/login/devicelogin',
        ),
        fieldsOf(['lang', 'state', 'returnTo', 'prompt', 'login_hint', 'uid', 'user_code', 'again']),
        async (path, query) => {
          const response = await fetch(new URL(`${path}?${new URLSearchParams(query).toString()}`, running.url), {
            redirect: 'manual',
          });
          assert.ok(response.status < 500, `${path} ${JSON.stringify(query).slice(0, 200)} → ${response.status}`);
          const location = response.headers.get('location');
          if (location)
            assert.equal(
              new URL(location, running.url).origin,
              new URL(running.url).origin,
              `${path} redirected to ${location}`,
            );
        },
      ),
      RUNS,
    );
  });

  it('the new surfaces: any path segment for a walk, a world link, a world code, a help page or an agreement document, any world cookie: no 5xx, no world for junk', async () => {
    const before = running.registry.size;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/scenarios/',
          '/worlds/join/',
          '/trainer/worlds/',
          '/login/help/',
          '/signup/terms/',
          '/login/devicelogin/',
          '/login/devicelogin/signed-in/',
          '/login/devicelogin/cancelled/',
        ),
        anyText,
        fc.option(anyText),
        async (prefix, segment, worldCookie) => {
          const headers: Record<string, string> = {};
          // A header value cannot hold control characters or non-Latin-1 text: browsers send it encoded.
          if (worldCookie !== null) headers.cookie = `${WORLD_COOKIE}=${encodeURIComponent(worldCookie)}`;
          const response = await fetch(new URL(prefix + encodeURIComponent(segment), running.url), {
            headers,
            redirect: 'manual',
          });
          assert.ok(response.status < 500, `${prefix}${segment.slice(0, 80)} → ${response.status}`);
        },
      ),
      RUNS,
    );
    assert.equal(running.registry.size, before, 'no junk made a world');
  });
});
