// oidc-provider's endpoints answered on Node's own request
// (src/http/oidc-listener.ts): which paths are the provider's and which stay
// the web app's (the interaction pages are ours), and a provider that cannot
// be reached (the database away while its signing keys are checked) is a
// clear 503 with the security headers, not a 500 or a dropped connection.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { isProviderUrl, withOidcListener } from '../../src/http/oidc-listener.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('OpenID Connect endpoints on Node’s own request', () => {
  it('sends discovery, the device code pages and everything under /oidc to the provider, but not the interaction pages', () => {
    for (const url of [
      '/.well-known/openid-configuration',
      '/oidc/token',
      '/oidc/auth?client_id=x&redirect_uri=/oidc/interaction/',
      '/oidc/session/end',
      '/oidc',
      '/device',
      '/device?user_code=BCDF-GHJK',
      '/device/abc/',
    ])
      assert.equal(isProviderUrl(url), true, url);
    for (const url of [
      '/oidc/interaction/abc',
      '/oidc/interaction/abc/login?x=1',
      '/oidcx',
      '/signin?next=/oidc/token',
      '/.well-known/openid-configuration/x',
      '/',
      '/devices',
      '/security-info?next=/device',
    ])
      assert.equal(isProviderUrl(url), false, url);
  });

  let t: TestApp;
  let server: http.Server;
  let port: number;
  before(async () => {
    t = await createTestApp();
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const listener = await withOidcListener(
      t.ctx,
      { current: () => Promise.reject(unreachable) },
      (_req, res) => res.writeHead(299).end('web app'),
    );
    server = http.createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  const get = (path: string) =>
    fetch(`http://127.0.0.1:${port}${path}`).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: await r.text(),
    }));

  it('answers 503 with Retry-After and the security headers when the provider cannot be reached', async () => {
    const got = await get('/oidc/token');
    assert.equal(got.status, 503);
    assert.equal(got.headers.get('retry-after'), '5');
    assert.equal(JSON.parse(got.body).code, 'service_unavailable');
    assert.equal(got.headers.get('x-frame-options'), 'DENY');
    assert.match(got.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('logs the path of a failed request, never its query (it may hold a token or a hint)', async () => {
    const logged: string[] = [];
    const log = t.ctx.log;
    t.ctx.log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    try {
      const got = await get('/oidc/session/end?id_token_hint=eyJsecret.token.here&login_hint=ann');
      assert.equal(got.status, 503);
    } finally {
      t.ctx.log = log;
    }
    const line = logged.find((l) => l.includes('database unavailable'));
    assert.ok(line, logged.join('\n'));
    assert.equal(JSON.parse(line).path, '/oidc/session/end');
    assert.doesNotMatch(logged.join('\n'), /eyJsecret|login_hint|ann/);
  });

  it('leaves the interaction pages and the rest to the web app', async () => {
    for (const path of ['/oidc/interaction/abc', '/signin']) {
      const got = await get(path);
      assert.equal(got.status, 299, path);
      assert.equal(got.body, 'web app');
    }
  });
});
