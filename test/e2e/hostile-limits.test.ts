// Issue 15: every guessing limit holds when the guesses arrive together — each
// request held on its last byte, then all released — on the browser form, HTTP
// verify, LDAP and RADIUS; on SQLite with one node, on PostgreSQL with two. How
// many guesses were judged is counted from the sign-in log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import radius from 'radius';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { newSecret } from '../../src/methods/totp/codes.ts';
import { delayAfter, RULES } from '../../src/policy/limits.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import {
  holdAndRelease,
  httpRequest,
  ldapMessageComplete,
  ldapResultCode,
  ldapSimpleBind,
  statusOf,
  udpBurst,
} from '../helpers/held-requests.ts';
import { type ServerProcess, startServers } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'hostile password 1';
const RADIUS_SECRET = 'hostile-radius-secret-01';
const NODES = onPostgres ? 2 : 1;
/** What a refused guess may answer: wrong (401), limited (429), or the hash pool full (503). */
const REFUSALS = [401, 429, 503];

describe(`guessing limits under a held-and-released burst (${onPostgres ? 'PostgreSQL, two nodes' : 'SQLite, one node'})`, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let servers: ServerProcess[] = [];
  let app: string;
  const secret = newSecret(Buffer.alloc(20, 7));

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_TRUSTED_PROXIES: '127.0.0.1',
      PORTCULLIS_LDAP_LISTEN: '127.0.0.1:0',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 1 } });
    await migrate(ctx.db, ctx.dialect);
    for (const upn of ['pat', 'leg', 'lda', 'rad', 'tb'])
      await createUser(ctx, { upn: `${upn}@contoso.com`, password: PASSWORD });
    for (const upn of ['tom', 'one']) {
      const u = await createUser(ctx, {
        upn: `${upn}@contoso.com`,
        password: PASSWORD,
        mfaState: 'Enforced',
      });
      await addRegistration(ctx, u.id, 'PhoneAppOTP', { ok: true, secret, details: {} });
    }
    app = (await createLegacyApp(ctx, { name: 'Hostile', radiusSecret: RADIUS_SECRET })).id;
    servers = await startServers(db.env, NODES);
    for (const s of servers)
      for (const front of ['ldap', 'radius'] as const)
        ports.set(`${s.port} ${front}`, await s.frontPort(front));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ctx?.db.destroy();
    await db?.drop();
  });

  const node = (i: number) => servers[i % servers.length]!;
  const ports = new Map<string, number>();
  const portOf = (s: ServerProcess, front: 'ldap' | 'radius') => ports.get(`${s.port} ${front}`)!;
  /** Failures the sign-in log shows were judged (not refused by a limit) for a user. */
  const judged = async (upn: string, reason: string) =>
    (
      await ctx.db
        .selectFrom('signin_log')
        .select('id')
        .where('upn', '=', upn)
        .where('reason', '=', reason)
        .execute()
    ).length;
  /**
   * A burst sent after `since` judges at most a key's free failures at once.
   * A slow machine may still be judging the burst when the first wait ends,
   * and then one more is judged, as it should be: so each guess beyond the
   * free ones must be judged no sooner than the waits the ones before it
   * earned, counted from `since` (each wait starts at the reservation that
   * closed the key, which came after `since`).
   */
  const assertWithinLimit = async (upn: string, reason: string, free: number, since: number) => {
    const at = (
      await ctx.db
        .selectFrom('signin_log')
        .select('at')
        .where('upn', '=', upn)
        .where('reason', '=', reason)
        .orderBy('at')
        .execute()
    ).map((r) => Number(r.at));
    assert.ok(at.length >= 1, 'no guess was judged at all');
    let earliest = since;
    for (let i = free; i < at.length; i++) {
      earliest += delayAfter(i, free);
      assert.ok(
        at[i]! >= earliest,
        `judged ${at.length}: guess ${i + 1} was judged ${at[i]! - since} ms after the burst, before the ${earliest - since} ms its predecessors' waits add up to (times ${at.map((t) => t - since)})`,
      );
    }
  };
  const limited = async (upn: string) =>
    (
      await ctx.db.selectFrom('signin_log').select('reason').where('upn', '=', upn).execute()
    ).filter((r) => /^(throttled|locked|refused)/.test(r.reason)).length;
  const cookieOf = (b: FormClient) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formPost = (b: FormClient, path: string, fields: Record<string, string>) =>
    httpRequest(
      'POST',
      path,
      { cookie: cookieOf(b), 'content-type': 'application/x-www-form-urlencoded' },
      form({ _csrf: b.csrf, ...fields }),
    );
  /** Six-digit codes none of which is valid around now. */
  const wrongCodes = (n: number) => {
    const valid = new Set(
      [-90, -60, -30, 0, 30, 60, 90].map((d) => codeAt(secret, Date.now() + d * 1000)),
    );
    const codes: string[] = [];
    for (let i = 0; codes.length < n; i++) {
      const c = String((i * 7919 + 123457) % 1_000_000).padStart(6, '0');
      if (!valid.has(c)) codes.push(c);
    }
    return codes;
  };
  const signedInToCodeStep = async (i: number, upn: string) => {
    const b = new FormClient((r) => fetch(r), node(i).url);
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password: PASSWORD });
    assert.match(r.html, /Verify your identity/, textOf(r.html).slice(0, 300));
    return { b, port: node(i).port };
  };

  it('browser form: 200 wrong passwords for one account at once judge no more than the free failures', async () => {
    const clients = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const b = new FormClient((r) => fetch(r), node(i).url);
        await b.page('/');
        return { b, port: node(i).port };
      }),
    );
    const since = Date.now();
    const answers = await holdAndRelease(
      Array.from({ length: 200 }, (_, i) => {
        const { b, port } = clients[i % clients.length]!;
        return {
          port,
          payload: formPost(b, '/signin', { username: 'pat@contoso.com', password: `wrong ${i}` }),
        };
      }),
    );
    const statuses = answers.map(statusOf);
    assert.ok(
      statuses.every((s) => REFUSALS.includes(s)),
      `statuses: ${[...new Set(statuses)]}`,
    );
    await assertWithinLimit('pat@contoso.com', 'wrong password', RULES.account.free, since);
    assert.ok(statuses.filter((s) => s === 429).length >= 150, 'the rest refused by the limit');
    assert.ok((await limited('pat@contoso.com')) >= 150, 'and logged as limited');
  });

  it('browser form: 300 wrong codes over 30 sign-in attempts of one user judge no more than the free failures', async () => {
    // One after another: guesses in flight count as failures until judged, so even
    // right passwords for one account cannot all be in flight at once.
    const attempts: { b: FormClient; port: number }[] = [];
    for (let i = 0; i < 30; i++) attempts.push(await signedInToCodeStep(i, 'tom@contoso.com'));
    const codes = wrongCodes(300);
    const since = Date.now();
    const answers = await holdAndRelease(
      codes.map((code, i) => {
        const { b, port } = attempts[i % attempts.length]!;
        return { port, payload: formPost(b, '/signin/verify', { code }) };
      }),
    );
    const statuses = answers.map(statusOf);
    assert.ok(
      statuses.every((s) => [...REFUSALS, 410].includes(s)),
      `statuses: ${[...new Set(statuses)]}`,
    );
    await assertWithinLimit('tom@contoso.com', 'wrong code', RULES.account.free, since);
  });

  it('browser form: 50 wrong codes into one sign-in attempt judge at most five, and the attempt ends', async () => {
    const { b, port } = await signedInToCodeStep(0, 'one@contoso.com');
    const answers = await holdAndRelease(
      wrongCodes(50).map((code) => ({ port, payload: formPost(b, '/signin/verify', { code }) })),
    );
    const statuses = answers.map(statusOf);
    assert.ok(
      statuses.every((s) => [...REFUSALS, 410].includes(s)),
      `statuses: ${[...new Set(statuses)]}`,
    );
    const evaluated = await judged('one@contoso.com', 'wrong code');
    assert.ok(
      evaluated >= 1 && evaluated <= ctx.config.maxCodeAttempts,
      `judged ${evaluated} wrong codes`,
    );
    if (evaluated === ctx.config.maxCodeAttempts) {
      const right = await b.post('/signin/verify', { code: codeAt(secret, Date.now()) });
      assert.notEqual(right.headers.get('location'), '/', 'the ended attempt cannot sign in');
    }
  });

  it('HTTP verify: 120 wrong passwords for one account from 120 addresses judge no more than the account allows', async () => {
    const basic = (pw: string) =>
      `Basic ${Buffer.from(`leg@contoso.com:${pw}`).toString('base64')}`;
    const since = Date.now();
    const answers = await holdAndRelease(
      Array.from({ length: 120 }, (_, i) => ({
        port: node(i).port,
        payload: httpRequest('POST', `/legacy/v1/verify?app=${app}`, {
          authorization: basic(`wrong ${i}`),
          'x-forwarded-for': `198.51.100.${i + 1}`,
        }),
      })),
    );
    const statuses = answers.map(statusOf);
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      `statuses: ${[...new Set(statuses)]}`,
    );
    await assertWithinLimit('leg@contoso.com', 'wrong password', RULES.legacyAccount.free, since);
    const addresses = await ctx.db
      .selectFrom('signin_log')
      .select('client_ip')
      .distinct()
      .where('upn', '=', 'leg@contoso.com')
      .execute();
    assert.equal(addresses.length, 120, 'each request came from its own address');
  });

  it("HTTP verify: a mail client's many connections with the right app password at once all sign in", async () => {
    const user = await ctx.stores.users.findByUpn('tb@contoso.com');
    const { password } = await createAppPassword(ctx, user!.id, { name: 'Thunderbird' });
    const basic = `Basic ${Buffer.from(`tb@contoso.com:${password}`).toString('base64')}`;
    const answers = await holdAndRelease(
      Array.from({ length: 12 }, (_, i) => ({
        port: node(i).port,
        payload: httpRequest('POST', `/legacy/v1/verify?app=${app}`, {
          authorization: basic,
          'x-forwarded-for': '203.0.113.7',
        }),
      })),
    );
    assert.deepEqual(
      answers.map(statusOf),
      Array(12).fill(200),
      'right guesses in flight hold others back only until they are judged',
    );
  });

  it('LDAP: 60 wrong binds at once judge no more than one client may', async () => {
    const since = Date.now();
    const answers = await holdAndRelease(
      Array.from({ length: 60 }, (_, i) => ({
        port: portOf(node(i), 'ldap'),
        payload: ldapSimpleBind(1, 'lda@contoso.com', `wrong ${i}`),
      })),
      ldapMessageComplete,
    );
    const codes = answers.map(ldapResultCode);
    // invalidCredentials (49), or busy (51) when the hash pool is full.
    assert.ok(
      codes.every((c) => c === 49 || c === 51),
      `result codes: ${[...new Set(codes)]}`,
    );
    await assertWithinLimit('lda@contoso.com', 'wrong password', RULES.legacyClient.free, since);
  });

  it('RADIUS: 60 wrong Access-Requests at once judge no more than one client may', async () => {
    const packets = Array.from({ length: 60 }, (_, i) =>
      radius.encode({
        code: 'Access-Request',
        secret: RADIUS_SECRET,
        identifier: i,
        attributes: [
          ['User-Name', 'rad@contoso.com'],
          ['User-Password', `wrong ${i}`],
          ['NAS-Identifier', app],
        ],
        add_message_authenticator: true,
      } as never),
    );
    const since = Date.now();
    const answers = await Promise.all(
      servers.map((s, n) =>
        udpBurst(
          portOf(s, 'radius'),
          packets.filter((_, i) => i % servers.length === n),
        ),
      ),
    );
    const kinds = answers
      .flat()
      .map((a) => (a ? radius.decode_without_secret({ packet: a }).code : 'none'));
    assert.ok(
      kinds.every((k) => k === 'Access-Reject' || k === 'none'),
      `answers: ${[...new Set(kinds)]}`,
    );
    await assertWithinLimit('rad@contoso.com', 'wrong password', RULES.legacyClient.free, since);
    assert.ok((await limited('rad@contoso.com')) >= 30, 'the rest refused by the limit');
  });

  it('no server logged an error', () => {
    for (const s of servers) assert.doesNotMatch(s.output(), /"level":50/);
  });
});
