import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { hostServing } from '../src/proxy/connect.js';
import { connectThrough, fetchThrough, rawExchange } from '../../testkit/proxy-client.js';

describe("The mock's port as a proxy for Microsoft's host names, and nothing else", () => {
  let running: Running;
  let ca: string;
  before(async () => {
    running = await listen({ testMode: true }, {}, undefined, { microsoftHosts: true });
    ca = running.certificates?.caCert ?? '';
  });
  after(() => running.close());

  it("answers login.microsoftonline.com's discovery document at Microsoft's path, over TLS its authority signed", async () => {
    const answer = await fetchThrough(
      running.url,
      ca,
      'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration',
    );
    assert.equal(answer.status, 200, answer.body);
    const document = JSON.parse(answer.body) as Record<string, string>;
    const at = 'https://login.microsoftonline.com/organizations';
    assert.deepEqual(
      [document.issuer, document.token_endpoint, document.device_authorization_endpoint, document.jwks_uri],
      [
        'https://login.microsoftonline.com/{tenantid}/v2.0',
        `${at}/oauth2/v2.0/token`,
        `${at}/oauth2/v2.0/devicecode`,
        `${at}/discovery/v2.0/keys`,
      ],
    );
    const keys = await fetchThrough(running.url, ca, document.jwks_uri ?? '');
    assert.equal(keys.status, 200);
    assert.match(keys.body, /"kty":"RSA"/);
  });

  it('offers its certificate authority beside the Scenarios page, which links to it, and it is the one its TLS chains to', async () => {
    const download = await fetch(`${running.url}/scenarios/mock-azure-portal-ca.pem`);
    assert.equal(download.status, 200);
    assert.match(
      download.headers.get('content-disposition') ?? '',
      /^attachment; filename="?mock-azure-portal-ca\.pem"?$/,
    );
    const pem = await download.text();
    assert.equal(pem, ca);
    assert.match(pem, /^-----BEGIN CERTIFICATE-----/);
    const page = await (await fetch(`${running.url}/scenarios`)).text();
    assert.match(page, /href="\/scenarios\/mock-azure-portal-ca\.pem" download/);
  });

  it('refuses every other host, port and IP literal, and a malformed CONNECT, without connecting anywhere', async () => {
    for (const target of [
      'example.com:443',
      'login.microsoftonline.com:80',
      'login.microsoftonline.com:8443',
      '127.0.0.1:443',
      'localhost:443',
      '[::1]:443',
      'login.microsoftonline.com.evil.example:443',
      'login.microsoftonline.com',
      '',
    ]) {
      const tunnel = await connectThrough(running.url, target);
      assert.equal(tunnel.status, 403, target);
      assert.match(tunnel.body, /never connects anywhere else/);
    }
    assert.equal((await fetch(`${running.url}/healthz`)).status, 200, 'the mock still answers');
  });

  const discovery = 'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration';

  it("refuses TLS that names no host, or a host not Microsoft's, and a request for another host than its TLS named", async () => {
    await assert.rejects(fetchThrough(running.url, ca, discovery, { servername: '' }));
    await assert.rejects(fetchThrough(running.url, ca, discovery, { servername: 'example.com', anyIdentity: true }));
    const misdirected = await fetchThrough(running.url, ca, discovery, { headers: { host: 'graph.microsoft.com' } });
    assert.equal(misdirected.status, 421);
  });

  it('forwards no request in proxy form: another host is refused, a Microsoft host is sent to HTTPS', async () => {
    const other = await rawExchange(
      running.url,
      'GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n',
    );
    assert.match(other, /^HTTP\/1\.1 403 /);
    assert.match(other, /not an open proxy/);
    const microsoft = await rawExchange(
      running.url,
      'GET http://azure.microsoft.com/free HTTP/1.1\r\nHost: azure.microsoft.com\r\nConnection: close\r\n\r\n',
    );
    assert.match(microsoft, /^HTTP\/1\.1 301 /);
    assert.match(microsoft, /\r\nLocation: https:\/\/azure\.microsoft\.com\/free\r\n/i);
  });

  it('survives malformed CONNECT lines and garbage in a tunnel, and many CONNECTs at once', async () => {
    for (const line of ['CONNECT\r\n\r\n', 'CONNECT :443 HTTP/1.1\r\n\r\n', 'CONNECT a b c d\r\n\r\n']) {
      const answer = await rawExchange(running.url, line);
      assert.doesNotMatch(answer, /^HTTP\/1\.1 [25]\d\d /, JSON.stringify(line));
    }
    const garbage = await rawExchange(
      running.url,
      'CONNECT login.microsoftonline.com:443 HTTP/1.1\r\nHost: login.microsoftonline.com:443\r\n\r\nnot TLS at all\r\n',
    );
    assert.match(garbage, /^HTTP\/1\.1 200 Connection Established/);
    const many = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => connectThrough(running.url, `host-${i}.example:443`)),
      ...Array.from({ length: 20 }, () => fetchThrough(running.url, ca, discovery)),
    ]);
    assert.equal(many.filter((answer) => answer.status === 403).length, 100);
    assert.equal(many.filter((answer) => answer.status === 200).length, 20);
    assert.equal((await fetch(`${running.url}/healthz`)).status, 200, 'the mock still answers');
  });

  it('sends a browser to the host that serves a path, and its world goes with it; a made-up hop carries nothing', async () => {
    const fromHome = await fetchThrough(running.url, ca, 'https://azure.microsoft.com/signup/', {
      headers: { cookie: 'mock-world=the-world-id; lang=zh-TW' },
    });
    assert.equal(fromHome.status, 303);
    const onward = new URL(String(fromHome.headers.location));
    assert.equal(`${onward.origin}${onward.pathname}`, 'https://signup.azure.com/signup/');
    const arrived = await fetchThrough(running.url, ca, onward.href);
    assert.deepEqual([arrived.status, arrived.headers.location], [303, '/signup/']);
    const cookies = ([] as string[]).concat(arrived.headers['set-cookie'] ?? []);
    assert.ok(
      cookies.some((line) => line.startsWith('mock-world=the-world-id;')),
      cookies.join(' | '),
    );
    assert.ok(cookies.some((line) => line.startsWith('lang=zh-TW;')));

    const signIn = await fetchThrough(running.url, ca, 'https://signup.azure.com/signup/');
    assert.match(
      String(signIn.headers.location),
      /^https:\/\/login\.microsoftonline\.com\/common\/oauth2\/v2\.0\/authorize\?/,
      "the relying party's sign-in goes to Microsoft's own authorize address",
    );

    for (const hop of ['made-up', `${onward.searchParams.get('mock-hop')?.slice(0, -2)}xx`, '', '.'.repeat(5000)]) {
      const forged = await fetchThrough(
        running.url,
        ca,
        `https://signup.azure.com/signup/?a=1&mock-hop=${encodeURIComponent(hop)}`,
      );
      assert.deepEqual(
        [forged.status, forged.headers.location, forged.headers['set-cookie']],
        [303, '/signup/?a=1', undefined],
      );
    }
  });

  it('answers a malformed address or cookie through a tunnel with a refusal, and goes on answering', async () => {
    const badCookie = await fetchThrough(running.url, ca, 'https://azure.microsoft.com/signup/', {
      headers: { cookie: 'mock-world=%E0%A4%A; lang=%' },
    });
    assert.equal(badCookie.status, 303, 'a cookie that does not decode is carried as nothing');
    const raw = await rawExchange(
      running.url,
      'CONNECT login.microsoftonline.com:443 HTTP/1.1\r\nHost: login.microsoftonline.com:443\r\n\r\n',
      500,
    );
    assert.match(raw, /^HTTP\/1\.1 200 /);
    for (const path of ['http://[', '//evil.example/x', '/%zz'])
      assert.ok(
        (await fetchThrough(running.url, ca, `https://login.microsoftonline.com/`, { path })).status < 500,
        path,
      );
    assert.equal((await fetch(`${running.url}/healthz`)).status, 200, 'the mock still answers');
  });

  it("knows which host serves each of the mock's paths, each host's own service first", () => {
    const cases: [string, string, string][] = [
      ['azure.microsoft.com', '/', 'azure.microsoft.com'],
      ['azure.microsoft.com', '/signup/', 'signup.azure.com'],
      ['azure.microsoft.com', '/portal', 'portal.azure.com'],
      ['signup.azure.com', '/login/common/v2.0/authorize', 'login.microsoftonline.com'],
      ['signup.azure.com', '/scenarios', 'azure.microsoft.com'],
      ['signup.azure.com', '/static/base.css', 'signup.azure.com'],
      ['microsoft.com', '/login/devicelogin', 'microsoft.com'],
      ['management.core.windows.net', '/management/subscriptions', 'management.core.windows.net'],
      ['login.microsoftonline.com', '/organizations/oauth2/v2.0/token', 'login.microsoftonline.com'],
      ['portal.azure.com', '/signupish', 'portal.azure.com'],
    ];
    for (const [host, path, serving] of cases) assert.equal(hostServing(host, path), serving, `${host}${path}`);
  });
});
