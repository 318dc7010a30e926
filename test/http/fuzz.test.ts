// Hostile input (issue 9): whatever a client sends to any route — random and
// malformed bodies, headers and encodings, huge and deeply nested JSON,
// invalid UTF-8 — Portcullis answers with a 4xx (or a 2xx/3xx), never a 5xx,
// never a stack trace or an internal message, and logs no unexpected error.
//
// The routes come from the app itself (app.routes; for the admin API, the
// bodies and queries its OpenAPI document describes), so a new route is
// fuzzed without touching this file. Each request goes out as one of several
// callers — nobody, a visitor with a valid CSRF token, a user half-way through
// sign-in, a signed-in user, an administrator (session and API tokens), an
// Authenticator device, an OpenID Connect client — so the fuzzer gets past the
// guards into the handlers. In process first (app.request), then as raw bytes
// on a socket to the same app served by Node with oidc-provider mounted:
// broken framing, bad Host headers, raw non-UTF-8 request targets.
// What is generated is in test/helpers/hostile.ts.
//
// The seed is fixed (printed); FUZZ_SEED and FUZZ_RUNS run other or more cases:
//   FUZZ_RUNS=20000 FUZZ_SEED=42 node scripts/run-tests.js test/http/fuzz
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import pino from 'pino';
import { sessionOfToken } from '../../src/http/session.ts';
import { translator } from '../../src/i18n/index.ts';
import { methods } from '../../src/methods/index.ts';
import { activateDevice, deviceFor } from '../../src/methods/push/device.ts';
import { pushMethod } from '../../src/methods/push/index.tsx';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp, createOidcApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient } from '../helpers/browser.ts';
import {
  type Caller,
  describeRequest,
  describeWire,
  type Identity,
  LIMITS,
  operations,
  PASSWORD,
  type Pools,
  parseAnswer,
  type Route,
  rawRequest,
  requestArb,
  sendRaw,
  VALUES,
  wireArb,
} from '../helpers/hostile.ts';
import { serveWithOidc } from '../helpers/oidc-server.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const TOTP = { ok: true as const, secret: 'JBSWY3DPEHPK3PXP', details: {} };
/** Users the fuzzer may change and delete (the callers' own accounts are not named in paths). */
const VICTIMS = [
  { upn: 'alice@contoso.com', mfaState: 'Enforced' as const },
  { upn: 'bob@fabrikam.com', mfaState: 'Enabled' as const },
  { upn: 'carol@contoso.com', isAdmin: true },
  { upn: 'dave@fabrikam.com', mfaState: 'Enforced' as const },
];

// ---------------------------------------------------------------------------
// What must never come back
// ---------------------------------------------------------------------------

/** Stack frames, source paths and messages that only the code (or the database) writes. */
const LEAKS = [
  /\bat .*\.(ts|tsx|js|mjs|cjs):\d+/,
  /\(\/[^)]*:\d+:\d+\)/,
  /node_modules/,
  /node:internal/,
  /file:\/\//,
  /\b(Type|Range|Reference|Syntax|Sqlite|Postgres|Zod|HTTP)?Error: .*\n\s+at /,
  /\b(TypeError|RangeError|ReferenceError|SyntaxError|SqliteError|DatabaseError)\b/,
  /SQLITE_[A-Z]+/,
  /Maximum call stack/,
  /Cannot read propert/,
  /is not a function/,
  /is not defined/,
  /is not iterable/,
  /in JSON at position/,
  /is not valid JSON/,
  /Unexpected (token|end of JSON)/,
  /violates .* constraint/,
  /duplicate key value/,
  /syntax error at or near/,
  /relation "[^"]*" does not exist/,
  /invalid input syntax for/,
  /Something went wrong on our side/,
];

/**
 * Nothing was thrown that nobody expected, and nothing passed for a database
 * outage (the database is up): either may hide behind an answer that was
 * never delivered.
 */
function assertQuietLog(report: string, logged: string[]) {
  const alarming = logged.filter((l) => /"msg":"(unexpected error|database unavailable)"/.test(l));
  assert.deepEqual(alarming, [], report);
}

/** 5xx only as a Retry-After'ed overload; no stack trace or internal message in the headers or body. */
function assertSafe(
  where: string,
  status: number,
  headers: Headers,
  text: string,
  logged: string[],
) {
  const report = `${where}\n→ ${status}: ${text.slice(0, 500)}`;
  assert.ok(
    status < 500 || (status === 503 && headers.get('retry-after')),
    `${report}\nlogged: ${logged.join('\n').slice(0, 2000)}`,
  );
  assertQuietLog(report, logged);
  // Our own scripts (the static files) are code, and may name errors.
  if (/javascript/.test(headers.get('content-type') ?? '')) return;
  for (const leak of LEAKS) assert.ok(!leak.test(text), `leaks ${leak}: ${report}`);
  for (const [name, value] of headers)
    assert.ok(!LEAKS.some((leak) => leak.test(value)), `header ${name}: ${value} — ${report}`);
}

// ---------------------------------------------------------------------------
// The service under attack
// ---------------------------------------------------------------------------

/** How often each status came back: a fuzzer that only ever meets 404s tests little. */
function tally() {
  const counts = new Map<number, number>();
  return {
    count: (status: number) => counts.set(status, (counts.get(status) ?? 0) + 1),
    report: () => {
      const sorted = [...counts].sort(([a], [b]) => a - b);
      counts.clear();
      return `statuses: ${sorted.map(([s, n]) => `${s}×${n}`).join(', ')}`;
    },
  };
}

describe('hostile input never gives a 5xx or a stack trace', () => {
  let t: TestApp;
  let routes: Route[];
  /** The same context served over HTTP, with the OpenID Connect provider mounted. */
  let server: Awaited<ReturnType<typeof serveWithOidc>>;
  let port: number;
  let wireRoutes: Route[];
  const pools: Pools = {};
  const logged: string[] = [];
  const statuses = tally();
  const identities = new Map<Caller, Identity>();
  const cookieOf = (b: FormClient) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  /** A browser that signed in as upn (password only) and opened `page`: its cookies and CSRF token. */
  async function browserAt(upn: string, page?: string): Promise<Identity> {
    const b = new FormClient((r) => t.app.request(r));
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    if (page) await b.page(page);
    // The fuzzer may have changed the account (blocked it, say): then it is a lesser caller.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(b.lastHtml)?.[1];
    return { cookie: cookieOf(b), ...(csrf ? { csrf } : {}) };
  }

  const BROWSERS: Partial<Record<Caller, () => Promise<Identity>>> = {
    'signing-in': () => browserAt('mid@contoso.com'),
    user: () => browserAt('plain@contoso.com', '/security-info/password'),
    admin: () => browserAt('root@contoso.com', '/admin/users'),
  };
  /** Requests sent so far (both properties). */
  let sent = 0;
  const madeAt = new Map<Caller, number>();

  /**
   * Each caller as it is now. A browser session the fuzzer ended (signing out,
   * finishing or failing a sign-in step) is made anew — at most every 20 runs,
   * as signing in takes a password hash.
   */
  async function identity(caller: Caller): Promise<Identity> {
    const known = identities.get(caller);
    const make = BROWSERS[caller];
    if (known && (!make || sent - (madeAt.get(caller) ?? 0) < 20)) return known;
    const token = /(?:^|; )portcullis=([^;]*)/.exec(known?.cookie ?? '')?.[1];
    const session = token ? await sessionOfToken(t.ctx, token) : null;
    const alive = caller === 'signing-in' ? session?.flow_id && !session.user_id : session?.user_id;
    if (known && alive) return known;
    const fresh = await make!();
    identities.set(caller, fresh);
    madeAt.set(caller, sent);
    return fresh;
  }

  /** The users fuzzed paths name, back if the fuzzer deleted them. */
  async function restoreVictims() {
    for (const upn of VICTIMS.map((v) => v.upn))
      if (!(await t.ctx.stores.users.findByUpn(upn)))
        await t.addUser(VICTIMS.find((v) => v.upn === upn)!);
  }

  before(async () => {
    t = await createTestApp({
      PORTCULLIS_MAX_BODY_BYTES: String(LIMITS.body),
      PORTCULLIS_MAX_UPLOAD_BYTES: String(LIMITS.upload),
      // Mounted only when asked for: its routes are fuzzed too.
      PORTCULLIS_PHONE_SIMULATOR: 'true',
    });
    // Unexpected errors are logged: kept, to say in a failure what was thrown.
    t.ctx.log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
    const { ctx } = t;
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'plain@contoso.com' });
    await t.addUser({ upn: 'mid@contoso.com', mfaState: 'Enforced' });
    await t.addUser({ upn: 'dev@contoso.com', mfaState: 'Enforced' });
    // Victims: the users, methods, tokens and applications fuzzed paths name.
    await restoreVictims();
    const idOf = async (upn: string) => (await ctx.stores.users.findByUpn(upn))!.id;
    await addRegistration(ctx, await idOf('mid@contoso.com'), 'PhoneAppOTP', TOTP);
    const reg = await addRegistration(ctx, await idOf('alice@contoso.com'), 'PhoneAppOTP', TOTP);
    const appPassword = await createAppPassword(ctx, await idOf('alice@contoso.com'), {
      name: 'mail',
    });
    const spare = await createApiToken(ctx, cliActor(), { name: 'spare' });
    const legacy = await createLegacyApp(ctx, { name: 'Mail' });
    const oidc = await createOidcApp(ctx, {
      name: 'Wiki',
      redirectUris: ['https://wiki.contoso.com/cb'],
    });
    pools.upn = [...VICTIMS.map((v) => v.upn), 'nobody@contoso.com'];
    pools.id = [
      reg.id,
      appPassword.appPassword.id,
      spare.apiToken.id,
      legacy.id,
      oidc.application.id,
      crypto.randomUUID(),
    ];
    pools.flow = methods.map((m) => m.id);
    pools.userPrincipalName = pools.upn;
    pools.users = pools.upn;
    pools.user = pools.upn;
    pools.method = pools.flow;
    pools.allowedMethods = pools.flow;
    pools.methodType = pools.flow;
    pools.uid = ['abc', crypto.randomUUID()];
    // Query values the routes look up.
    pools['?app'] = [legacy.id, oidc.application.id];
    pools['?upn'] = pools.upn;
    pools['?user'] = pools.upn;
    pools['?method'] = pools.flow;
    pools['?format'] = ['csv', 'json'];

    // The Authenticator, activated as the app does it.
    const dev = await ctx.stores.users.findByUpn('dev@contoso.com');
    const user = {
      id: dev!.id,
      upn: dev!.upn,
      displayName: dev!.display_name,
      preferredLanguage: 'en',
    };
    const state = await pushMethod.enrol.begin(ctx.methodContext, user);
    const html = String(
      await pushMethod.enrol.render(ctx.methodContext, user, state, {
        action: '/x',
        csrfToken: 'x',
        t: translator('en'),
      }),
    );
    const code = /#activate=([^"]+)"/.exec(html)![1]!;
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    });
    const device = (await activateDevice(ctx, code, jwk))!;
    assert.ok(await deviceFor(ctx, device.token));

    const visitor = new FormClient((r) => t.app.request(r));
    await visitor.page('/');
    identities.set('nobody', {});
    identities.set('visitor', { cookie: cookieOf(visitor), csrf: visitor.csrf });
    identities.set('admin-token', {
      authorization: `Bearer ${(await createApiToken(ctx, cliActor(), { name: 'fuzz', rights: ['personal-data'] })).token}`,
    });
    identities.set('read-token', {
      authorization: `Bearer ${(await createApiToken(ctx, cliActor(), { name: 'ro', scope: 'read' })).token}`,
    });
    identities.set('device', { authorization: `Bearer ${device.token}` });
    identities.set('legacy-basic', {
      authorization: `Basic ${Buffer.from(`plain@contoso.com:${PASSWORD}`).toString('base64')}`,
    });

    // Every route the app has, once per method (middleware shows up as ALL).
    const once = (list: Route[]) => {
      const seen = new Set<string>();
      return list.filter(
        (r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`),
      );
    };
    routes = once(t.app.routes.map(({ method, path }) => ({ method, path })));

    // Over HTTP, with the OpenID Connect provider: its endpoints from its discovery document.
    server = await serveWithOidc(ctx);
    const served = server.app;
    port = server.port;
    const discovery = (await (
      await fetch(`http://127.0.0.1:${port}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    const endpoints = Object.entries(discovery)
      .filter(([k, v]) => /_(endpoint|uri)$/.test(k) && typeof v === 'string')
      .map(([, v]) => new URL(v as string).pathname);
    wireRoutes = once([
      ...served.routes.map(({ method, path }) => ({ method, path })),
      ...[...endpoints, '/oidc/auth/:uid', '/oidc/session/end/confirm'].flatMap((path) => [
        { method: 'GET', path },
        { method: 'POST', path },
      ]),
    ]);
    const machine = await createOidcApp(ctx, { name: 'Reports', machine: true });
    identities.set('oidc-client', {
      authorization: `Basic ${Buffer.from(`${machine.application.id}:${machine.clientSecret}`).toString('base64')}`,
    });
    pools.client_id = [oidc.application.id, machine.application.id];
    pools['?client_id'] = pools.client_id;
    pools['?redirect_uri'] = ['https://wiki.contoso.com/cb'];
    for (const key of [
      'rd',
      'response_type',
      'response_mode',
      'code_challenge',
      'prompt',
      'claims',
    ])
      pools[`?${key}`] = VALUES[key]!;
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('enumerates the routes from the app', () => {
    for (const expected of [
      'POST /signin',
      'POST /api/v1/users',
      'PATCH /api/v1/users/:upn',
      'GET /admin/users/:upn',
      'POST /admin/bulk',
      'GET /legacy/v1/forward-auth',
      'POST /legacy/v1/verify',
      'POST /authenticator/api/requests/:id',
      'POST /security-info/add/:flow',
    ])
      assert.ok(
        routes.some((r) => `${r.method} ${r.path}` === expected),
        expected,
      );
  });

  it('answers every route and caller without a 5xx or a stack trace', async (tt) => {
    tt.diagnostic(`seed ${SEED}, ${RUNS} runs over ${routes.length} routes (FUZZ_SEED, FUZZ_RUNS)`);
    const api = operations(await (await t.app.request('/api/v1/openapi.json')).json(), pools);
    await fc.assert(
      fc.asyncProperty(requestArb(routes, pools, api), async (r) => {
        if (++sent % 100 === 0) await restoreVictims();
        const id = await identity(r.caller);
        const csrf = r.withCsrf ? id.csrf : undefined;
        const h = new Headers();
        for (const [k, v] of Object.entries(r.headers)) if (k !== 'cookie') h.set(k, v);
        const cookie = [id.cookie, r.headers.cookie].filter(Boolean).join('; ');
        if (cookie) h.set('cookie', cookie);
        if (id.authorization && !r.headers.authorization) h.set('authorization', id.authorization);
        if (csrf) h.set('x-csrf-token', csrf);
        if (r.contentType !== undefined) h.set('content-type', r.contentType);
        const hasBody = r.method !== 'GET' && r.method !== 'HEAD';
        const payload = hasBody ? r.body.make(csrf) : undefined;
        logged.length = 0;
        const res = await t.app.request(
          new Request(`http://localhost${r.path}`, {
            method: r.method,
            headers: h,
            ...(payload !== undefined ? { body: payload as BodyInit } : {}),
          }),
        );
        const text = await res.text();
        assertSafe(describeRequest(r), res.status, res.headers, text, logged);
        statuses.count(res.status);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    tt.diagnostic(statuses.report());
  });

  it('answers hostile bytes on a socket (Node, the adapter, oidc-provider) without a 5xx', async (tt) => {
    const runs = Math.ceil(RUNS / 4);
    tt.diagnostic(
      `seed ${SEED}, ${runs} runs over ${wireRoutes.length} routes, OpenID Connect's included`,
    );
    const api = operations(await (await t.app.request('/api/v1/openapi.json')).json(), pools);
    await fc.assert(
      fc.asyncProperty(wireArb(wireRoutes, pools, api), async (w) => {
        sent++;
        const { bytes, complete } = rawRequest(w, await identity(w.request.caller));
        logged.length = 0;
        const raw = await sendRaw(port, bytes, complete);
        const answer = parseAnswer(raw);
        if (!answer) {
          // Only a request that never ended may go unanswered (the server gave up on it).
          assert.ok(
            !complete,
            `no answer to ${describeWire(w)}: ${JSON.stringify(raw.slice(0, 200))}`,
          );
          // (What the server logs about it comes a moment later.)
          await new Promise((resolve) => setTimeout(resolve, 50));
          assertQuietLog(describeWire(w), logged);
          statuses.count(0);
          return;
        }
        assertSafe(describeWire(w), answer.status, answer.headers, raw, logged);
        statuses.count(answer.status);
      }),
      { seed: SEED, numRuns: runs },
    );
    tt.diagnostic(statuses.report());
  });
});
