import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import { listen, type Running } from '../src/listen.js';

type Snapshot = {
  subscriptions: { directoryId: string; offerId: string }[];
  directories: { id: string; name: string }[];
};

describe('the test-only API: worlds made to a spec', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(new URL('/__test__/worlds', running.url), { method: 'POST', headers: { 'content-type': contentType }, body });

  it('makes a world in which the spec is already done, through the rules', async () => {
    const response = await post(
      JSON.stringify({
        subscriptions: [
          {
            signedUpBy: 'alice@fabrikam.com',
            movedTo: 'Contoso',
            roleAssignments: [{ principal: 'bob@contoso.com', role: 'Reader' }],
          },
        ],
      }),
    );
    assert.equal(response.status, 201);
    const { id, subscriptionIds } = (await response.json()) as { id: string; subscriptionIds: string[] };
    assert.equal(subscriptionIds.length, 1);
    const state = (await (await fetch(new URL(`/__test__/worlds/${id}`, running.url))).json()) as Snapshot;
    const trial = state.subscriptions.find((subscription) => subscription.offerId === 'MS-AZR-0044P');
    assert.equal(state.directories.find((directory) => directory.id === trial?.directoryId)?.name, 'Contoso');
  });

  it('takes JSON only, so a cross-site form can make no world', async () => {
    const before = running.registry.size;
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await post('{}', contentType);
      assert.equal(response.status, 415, contentType);
      assert.match(((await response.json()) as { error: string }).error, /application\/json/);
    }
    assert.equal(running.registry.size, before);
  });

  it('refuses a spec the rules refuse with 422, naming the step, and keeps no world', async () => {
    const before = running.registry.size;
    const response = await post(
      JSON.stringify({ subscriptions: [{ signedUpBy: 'alice@contoso.com', movedTo: 'Fabrikam' }] }),
    );
    assert.equal(response.status, 422);
    assert.match(((await response.json()) as { error: string }).error, /subscriptions\[0\]\.movedTo: refused/);
    assert.equal(running.registry.size, before);
  });

  it('refuses hostile and malformed specs with 400 and a message that names the field, never a 5xx', async () => {
    const hostile = [
      ['{"__proto__": {"polluted": true}}', /__proto__|Unrecognized/],
      ['{"constructor": {"prototype": {"polluted": true}}}', /constructor|Unrecognized/],
      [JSON.stringify({ subscriptions: [{ signedUpBy: '<script>alert(1)</script>' }] }), /signedUpBy/],
      [
        JSON.stringify({
          subscriptions: [
            {
              signedUpBy: 'alice@contoso.com',
              roleAssignments: [{ principal: 'bob@contoso.com', role: 'Global administrator' }],
            },
          ],
        }),
        /role/,
      ],
      [
        JSON.stringify({ subscriptions: Array.from({ length: 11 }, () => ({ signedUpBy: 'alice@contoso.com' })) }),
        /subscriptions/,
      ],
      [JSON.stringify({ subscriptions: [{ signedUpBy: 'alice@contoso.com', movedTo: 'x'.repeat(65) }] }), /movedTo/],
      [JSON.stringify({ extraOrganisations: 1e9 }), /extraOrganisations/],
      ['[]', /object/],
    ] as const;
    for (const [body, field] of hostile) {
      const response = await post(body);
      assert.equal(response.status, 400, body.slice(0, 80));
      const { error } = (await response.json()) as { error: string };
      assert.match(error, field, body.slice(0, 80));
      assert.doesNotMatch(error, /at \w+ \(|node_modules/);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    for (const unreadable of ['"a string"', '{"broken', 'null']) {
      const response = await post(unreadable);
      assert.equal(response.status, 400, unreadable);
      assert.doesNotMatch(await response.text(), /SyntaxError|at JSON|node_modules/);
    }
  });

  it('refuses a spec over 16 kB with 413', async () => {
    const response = await post(
      JSON.stringify({ subscriptions: [{ signedUpBy: `${'a'.repeat(17_000)}@contoso.com` }] }),
    );
    assert.equal(response.status, 413);
  });
});

describe('where test mode listens', () => {
  it('on loopback only, unless HOST says otherwise; outside test mode on every interface', () => {
    assert.equal(loadConfig(['--test-mode'], {}).host, '127.0.0.1');
    assert.equal(loadConfig(['--test-mode'], { HOST: '0.0.0.0' }).host, '0.0.0.0');
    assert.equal(loadConfig([], {}).host, undefined);
  });
});

describe("the test-only API: the server's CPU profile", () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());
  const profile = (method: 'PUT' | 'DELETE') => fetch(new URL('/__test__/profile', running.url), { method });

  it('answers 404 to a stop with no profile started, then records one between a start and a stop', async () => {
    const early = await profile('DELETE');
    assert.equal(early.status, 404);
    assert.deepEqual(await early.json(), { error: 'no profile was started' });
    assert.equal((await profile('PUT')).status, 204);
    assert.equal((await profile('PUT')).status, 204, 'a second start begins again rather than failing');
    await fetch(new URL('/healthz', running.url));
    const stopped = await profile('DELETE');
    assert.equal(stopped.status, 200);
    const body = (await stopped.json()) as { nodes: unknown[]; samples: unknown[] };
    assert.ok(Array.isArray(body.nodes) && body.nodes.length > 0);
    assert.ok(Array.isArray(body.samples));
    assert.equal((await profile('DELETE')).status, 404, 'a profile is answered once');
  });

  it('is not there outside test mode', async () => {
    const plain = await listen({});
    try {
      assert.equal((await fetch(new URL('/__test__/profile', plain.url), { method: 'PUT' })).status, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('the test-only API: classes arranged with learners in their worlds', () => {
  let running: Running;
  before(async () => {
    running = await listen({ testMode: true });
  });
  after(() => running.close());

  const send = (method: string, path: string, body?: unknown) =>
    fetch(new URL(path, running.url), {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('starts a class with a fixed code and its learners in the worlds named, and deletes it', async () => {
    const world = ((await (await send('POST', '/__test__/worlds', {})).json()) as { id: string }).id;
    const made = await send('POST', '/__test__/classes', {
      name: 'Pictures',
      code: 'PCTCAA',
      learners: [{ name: 'Dana', world }],
    });
    assert.equal(made.status, 201);
    const { id, code } = (await made.json()) as { id: string; code: string };
    assert.equal(code, 'PCTCAA');
    assert.deepEqual(
      running.classes.byId(id)?.learners.map((l) => [l.name, l.worldId]),
      [['Dana', world]],
    );
    assert.equal((await send('POST', '/__test__/classes', { name: 'Again', code: 'PCTCAA' })).status, 422);
    assert.equal((await send('DELETE', `/__test__/classes/${id}`)).status, 204);
    assert.equal((await send('DELETE', `/__test__/classes/${id}`)).status, 404);
  });

  it('refuses a spec that is no class, a world that is not there, and a hostile name, making nothing', async () => {
    const before = running.classes.list().length;
    for (const [body, status] of [
      [{ name: 'x', extra: 1 }, 400],
      [{ name: 'x', code: 'not a code' }, 422],
      [{ name: 'x', learners: [{ name: 'Dana', world: 'nowhere' }] }, 422],
      [{ name: '\u202Ex' }, 422],
    ] as const)
      assert.equal((await send('POST', '/__test__/classes', body)).status, status, JSON.stringify(body));
    const text = await fetch(new URL('/__test__/classes', running.url), { method: 'POST', body: 'name=x' });
    assert.equal(text.status, 415);
    assert.equal(running.classes.list().length, before);
  });
});
