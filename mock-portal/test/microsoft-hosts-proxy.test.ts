import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listen, type Running } from '../src/listen.js';
import { connectThrough, fetchThrough } from '../../testkit/proxy-client.js';

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
});
