// HTTP verify answered on Node's own request (src/http/verify-listener.ts):
// over a socket, every kind of request gets the answer the web app gives in
// process — status, body, the headers a client reads, the security headers —
// and leaves the same traces (sign-in log with the client's address through
// a trusted proxy, request metrics). Requests it does not take in full go to
// the web app; a database that is down is a 503, not a 500.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '../../src/config/load.ts';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { createApp } from '../../src/http/app.tsx';
import { withVerifyListener } from '../../src/http/verify-listener.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string;
}
interface Got {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** Headers a client of HTTP verify reads, and the security headers of every answer. */
const READ = [
  'content-type',
  'www-authenticate',
  'retry-after',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
];
const picked = (get: (name: string) => string | null | undefined) =>
  Object.fromEntries(READ.map((h) => [h, get(h) ?? undefined]));

/** Serves `ctx` as `portcullis serve` does: the verify listener in front of the web app. */
async function serveOverSocket(ctx: AppContext) {
  const app = createApp(ctx);
  const server = http.createServer(await withVerifyListener(ctx, getRequestListener(app.fetch)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true });
  const send = (s: Sent) =>
    new Promise<Got>((resolve, reject) => {
      const req = http.request(
        { port, host: '127.0.0.1', method: s.method ?? 'POST', path: s.path, agent },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (body += d));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: picked((h) => res.headers[h] as string | undefined),
              body,
            }),
          );
        },
      );
      req.on('error', reject);
      for (const [name, value] of Object.entries(s.headers ?? {})) req.setHeader(name, value);
      req.end(s.body);
    });
  return {
    app,
    send,
    close: () => {
      agent.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('HTTP verify on Node’s own request', () => {
  let t: TestApp;
  let served: Awaited<ReturnType<typeof serveOverSocket>>;
  let mail: string;
  let password: string;
  const upn = 'ann@contoso.com';

  before(async () => {
    t = await createTestApp({ PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1' });
    served = await serveOverSocket(t.ctx);
    mail = (await createLegacyApp(t.ctx, { name: 'IMAP' })).id;
    await t.addUser({ upn, displayName: 'Ann Example', mfaState: 'Enforced' });
    const user = (await t.ctx.stores.users.findByUpn(upn))!;
    password = (await createAppPassword(t.ctx, user.id, { name: 'Mail' })).password;
  });
  after(async () => {
    await served.close();
    await t.close();
  });

  /** The same request in process (through the web app only) and over the socket. */
  const both = async (s: Sent): Promise<[Got, Got]> => {
    t.clock.advance(1);
    const headers = new Headers();
    for (const [name, value] of Object.entries(s.headers ?? {}))
      for (const v of [value].flat()) headers.append(name, v);
    const res = await served.app.request(s.path, {
      method: s.method ?? 'POST',
      headers,
      ...(s.body !== undefined ? { body: s.body } : {}),
    });
    const inProcess = {
      status: res.status,
      headers: picked((h) => res.headers.get(h)),
      body: await res.text(),
    };
    t.clock.advance(1);
    return [inProcess, await served.send(s)];
  };

  it('answers every kind of request as the web app does', async () => {
    const cases: [string, Sent, number][] = [
      [
        'a right app password',
        { path: `/legacy/v1/verify?app=${mail}`, headers: { authorization: basic(upn, password) } },
        200,
      ],
      [
        'the application named with other parameters around it',
        {
          path: `/legacy/v1/verify?x=1&app=${mail}&y`,
          headers: { authorization: basic(upn, password) },
        },
        200,
      ],
      [
        'a wrong password',
        { path: `/legacy/v1/verify?app=${mail}`, headers: { authorization: basic(upn, 'nope') } },
        401,
      ],
      ['no credentials', { path: `/legacy/v1/verify?app=${mail}` }, 401],
      [
        'credentials that are not Basic',
        { path: `/legacy/v1/verify?app=${mail}`, headers: { authorization: 'Bearer abc' } },
        401,
      ],
      [
        // Node keeps the first of repeated Authorization headers; the Fetch API joins them.
        'the right credentials and another Authorization header',
        {
          path: `/legacy/v1/verify?app=${mail}`,
          headers: { authorization: [basic(upn, password), basic(upn, 'nope')] },
        },
        401,
      ],
      [
        'an unknown application',
        {
          path: '/legacy/v1/verify?app=app-nope',
          headers: { authorization: basic(upn, password) },
        },
        401,
      ],
      [
        'no application named (the web app answers)',
        { path: '/legacy/v1/verify', headers: { authorization: basic(upn, password) } },
        400,
      ],
      [
        'an empty application (the web app answers)',
        { path: '/legacy/v1/verify?app=', headers: { authorization: basic(upn, password) } },
        400,
      ],
      [
        'a body (the web app answers)',
        {
          path: `/legacy/v1/verify?app=${mail}`,
          headers: { authorization: basic(upn, password), 'content-type': 'text/plain' },
          body: 'hello',
        },
        200,
      ],
      [
        'another method (the web app answers)',
        {
          method: 'GET',
          path: `/legacy/v1/verify?app=${mail}`,
          headers: { authorization: basic(upn, password) },
        },
        404,
      ],
      [
        'a longer path (the web app answers)',
        {
          path: `/legacy/v1/verifyx?app=${mail}`,
          headers: { authorization: basic(upn, password) },
        },
        404,
      ],
    ];
    for (const [what, sent, status] of cases) {
      const [inProcess, overSocket] = await both(sent);
      assert.equal(inProcess.status, status, `${what}: in process`);
      assert.deepEqual(overSocket, inProcess, what);
    }
    const ok = await served.send(cases[0]![1]);
    assert.deepEqual(JSON.parse(ok.body), {
      userPrincipalName: upn,
      displayName: 'Ann Example',
      mail: upn,
      preferredLanguage: null,
      credential: 'app password',
      application: mail,
    });
    assert.equal(ok.headers['x-content-type-options'], 'nosniff');
    assert.match(ok.headers['content-security-policy']!, /frame-ancestors 'none'/);
  });

  it('logs the client a trusted proxy names, and counts the request in the metrics', async () => {
    const count = async () =>
      (await t.ctx.metrics.requestSeconds.get()).values.find(
        (v) =>
          v.metricName?.endsWith('_count') &&
          v.labels.route === '/legacy/v1/verify' &&
          v.labels.status === '200' &&
          v.labels.method === 'POST',
      )?.value ?? 0;
    const before = await count();
    t.clock.advance(1);
    const got = await served.send({
      path: `/legacy/v1/verify?app=${mail}`,
      headers: {
        authorization: basic(upn, password),
        'x-forwarded-for': '198.51.100.7',
        'user-agent': 'Dovecot/2.3',
      },
    });
    assert.equal(got.status, 200);
    const [entry] = await t.ctx.stores.signinLog.list({ limit: 1 });
    assert.equal(entry?.client_ip, '198.51.100.7');
    assert.equal(entry?.user_agent, 'Dovecot/2.3');
    assert.equal(entry?.front, 'verify');
    assert.equal(await count(), before + 1);
  });

  it('tells a client to wait, with Retry-After, once the limit holds', async () => {
    const wrong = {
      path: `/legacy/v1/verify?app=${mail}`,
      headers: { authorization: basic('bob@contoso.com', 'x') },
    };
    let got: Got | undefined;
    for (let i = 0; i < 20 && got?.status !== 429; i++) got = await served.send(wrong);
    assert.equal(got?.status, 429);
    assert.ok(Number(got.headers['retry-after']) >= 1);
    assert.equal(got.headers['www-authenticate'], 'Basic realm="Portcullis", charset="UTF-8"');
    assert.equal(JSON.parse(got.body).code, 'too_many_attempts');
  });

  it('answers 503 with Retry-After when the database is down', async () => {
    const config = {
      ...loadConfig(t.database.env),
      databaseUrl: 'postgres://portcullis:x@127.0.0.1:1/none',
    };
    const down = createContext(config, { log: createLogger('silent') });
    const s = await serveOverSocket(down);
    try {
      const got = await s.send({
        path: `/legacy/v1/verify?app=${mail}`,
        headers: { authorization: basic(upn, password) },
      });
      assert.equal(got.status, 503);
      assert.equal(got.headers['retry-after'], '5');
      assert.equal(JSON.parse(got.body).code, 'service_unavailable');
    } finally {
      await s.close();
      await closeContext(down);
    }
  });
});
