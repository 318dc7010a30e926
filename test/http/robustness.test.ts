import assert from 'node:assert/strict';
import { once } from 'node:events';
import net, { type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { loadConfig } from '../../src/config/load.ts';
import { createContext } from '../../src/context.ts';
import { createApp } from '../../src/http/app.tsx';
import { createLogger } from '../../src/log.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

describe('bad input never gives a 500', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ PORTCULLIS_MAX_BODY_BYTES: '2048' });
  });
  after(() => t.close());

  it('treats malformed and absurd user names as a wrong credential', async () => {
    for (const username of [
      'not a upn',
      '',
      '@@@',
      'a'.repeat(1000),
      'ünï@çødé.com',
      '<script>@x.com',
      'x@y.z\u0000',
    ]) {
      const b = new FormClient((r) => t.app.request(r));
      await b.page('/');
      const res = await b.post('/signin', { username, password: 'whatever' });
      assert.equal(res.status, 401, JSON.stringify(username));
      assert.match(textOf(b.lastHtml), /Your account or password is incorrect/);
      assert.doesNotMatch(b.lastHtml, /<script>@/, 'input is escaped');
    }
  });

  it('answers oversized bodies with 413', async () => {
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    const res = await b.post('/signin', { username: 'x@y.com', password: 'p'.repeat(10_000) });
    assert.equal(res.status, 413);
    const api = await t.app.request('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'y'.repeat(10_000) }),
    });
    assert.equal(api.status, 413);
    assert.equal(api.headers.get('content-type'), 'application/problem+json');
  });

  it('answers other content types on forms with 415', async () => {
    const res = await t.app.request('/signin', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"a"}',
    });
    assert.equal(res.status, 415);
    const none = await t.app.request('/signin', { method: 'POST', body: 'garbage' });
    assert.equal(none.status, 415);
  });

  it('answers unknown routes with 404 and no stack trace', async () => {
    for (const path of ['/nope', '/signin/nope', '/%E0%A4%A', '/api/v1/../../etc/passwd']) {
      const res = await t.app.request(path);
      assert.ok([404, 400].includes(res.status), `${path}: ${res.status}`);
      assert.doesNotMatch(await res.text(), /at .*\.ts:\d+/);
    }
  });

  it('answers posts to steps without a sign-in in progress sensibly', async () => {
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    for (const path of ['/signin/verify', '/signin/proofup', '/signin/proofup/verify']) {
      const res = await b.post(path, { code: '123456', method: 'PhoneAppOTP' });
      assert.ok(res.status < 500, `${path}: ${res.status}`);
    }
    const raw = await t.app.request('/signin/verify', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nbroken',
    });
    assert.ok(raw.status >= 400 && raw.status < 500, `broken multipart: ${raw.status}`);
  });

  it('sends security headers: CSP without inline script, no framing', async () => {
    const res = await t.app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    // A sign-in ends at the application (another origin): no form-action there,
    // which browsers would apply to that redirect; everywhere else, 'self'.
    assert.doesNotMatch(csp, /form-action/);
    const admin = await t.app.request('/admin');
    assert.match(admin.headers.get('content-security-policy') ?? '', /form-action 'self'/);
  });
});

describe('a database that is down gives 503, not 500', () => {
  it('answers pages, forms, the API and health with 503 and Retry-After', async () => {
    const t = await createTestApp();
    const token = (await createApiToken(t.ctx, cliActor(), { name: 'down' })).token;
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    const csrf = b.csrf;
    // A database nobody listens on: connection refused.
    const config = {
      ...loadConfig(t.database.env),
      databaseUrl: 'postgres://portcullis:x@127.0.0.1:1/none',
    };
    const down = createContext(config, { log: createLogger('silent') });
    const app = createApp(down);
    try {
      assert.equal((await app.request('/healthz')).status, 200, 'alive: the process answers');
      const ready = await app.request('/readyz');
      assert.equal(ready.status, 503, 'not ready: no database');
      assert.ok(ready.headers.get('retry-after'));
      const form = await app.request('/signin', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
        body: new URLSearchParams({ _csrf: csrf, username: 'a@b.com', password: 'pw' }),
      });
      assert.equal(form.status, 503);
      assert.ok(form.headers.get('retry-after'));
      assert.match(await form.text(), /temporarily unavailable/);
      const api = await app.request('/api/v1/users', {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(api.status, 503);
      assert.equal(((await api.json()) as { code: string }).code, 'service_unavailable');
    } finally {
      await down.db.destroy();
      await t.close();
    }
  });
});

describe('a client that hangs up mid-request is not a database outage', () => {
  it('logs neither "database unavailable" nor an unexpected error for a body cut short', async () => {
    const t = await createTestApp();
    const logged: string[] = [];
    t.ctx.log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    const server = serve({ fetch: createApp(t.ctx).fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ['/signin', '/admin/settings', '/api/v1/users']) {
        // Reading the body fails with ECONNRESET, as a lost database connection does.
        const socket = net.connect(port, '127.0.0.1');
        await once(socket, 'connect');
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n`,
        );
        await delay(50);
        socket.destroy();
        await once(socket, 'close');
      }
      await delay(100);
      assert.deepEqual(
        logged.filter((l) => /"msg":"(database unavailable|unexpected error)"/.test(l)),
        [],
      );
    } finally {
      server.close();
      await t.close();
    }
  });
});

describe('text the database cannot hold gives a 4xx, not a 500', () => {
  it('answers a NUL in an id, a query or JSON (PostgreSQL stores none) without a 500', async () => {
    const t = await createTestApp();
    try {
      await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
      const token = (await createApiToken(t.ctx, cliActor(), { name: 'nul' })).token;
      const b = new FormClient((r) => t.app.request(r));
      await b.page('/');
      await b.submit('/signin', {
        username: 'root@contoso.com',
        password: 'correct horse battery',
      });
      await b.page('/admin/tokens');
      const form = (path: string) =>
        t.app.request(path, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          },
          body: new URLSearchParams({ _csrf: b.csrf, confirm: 'yes' }),
        });
      const api = (method: string, path: string, body?: unknown) =>
        t.app.request(`/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      const basic = `Basic ${Buffer.from('root@contoso.com:x').toString('base64')}`;
      // SQLite stores a NUL and finds nothing by it; PostgreSQL refuses it: a 4xx either way.
      for (const [what, send] of [
        ['revoke a token', () => form('/admin/tokens/a%00b/revoke')],
        ['delete an app', () => form('/admin/apps/a%00b/delete')],
        ['delete an app password', () => form('/security-info/app-passwords/a%00b/delete')],
        ['API: delete a token', () => api('DELETE', '/tokens/a%00b')],
        ['API: delete an app', () => api('DELETE', '/applications/a%00b')],
        [
          'API: an app password',
          () => api('DELETE', '/users/root@contoso.com/app-passwords/a%00b'),
        ],
        ['API: name a token', () => api('POST', '/tokens', { name: 'a\u0000b' })],
        [
          'HTTP verify',
          () =>
            t.app.request('/legacy/v1/verify?app=a%00b', {
              method: 'POST',
              headers: { authorization: basic },
            }),
        ],
      ] as const) {
        const res = await send();
        assert.ok(res.status < 500, `${what}: ${res.status} ${await res.text()}`);
      }
    } finally {
      await t.close();
    }
  });
});
