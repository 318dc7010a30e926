import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { hashCode, newCodeSet, normaliseCode } from '../../src/methods/recovery/codes.ts';
import { recoveryCodesStore } from '../../src/methods/recovery/store.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { answerCall } from '../../src/services/outbox.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { authenticatorDevice } from '../helpers/authenticator-device.ts';
import { freshDatabase, onPostgres, type TestDatabase } from '../helpers/db.ts';
import {
  type LegacyMatrix,
  type LoggedEntry,
  MATRIX_PASSWORD,
  MATRIX_RADIUS_SECRETS,
  MATRIX_TOTP_SECRET,
  type MatrixCase,
  seedLegacyMatrix,
} from '../helpers/legacy-matrix.ts';
import { hasRadclient, packetClient, radclient } from '../helpers/radius.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';
import { authenticatorApp } from '../helpers/totp.ts';

const SECRET = 'vpn-mfa-shared-secret-01';
const TOTP = 'JBSWY3DPEHPK3PXP';
/** Users of their own, each with an authenticator (a TOTP step is used once per user). */
const RACER_TOTP = 'KRSXG5CTMVRXEZLUKN2XAZLSKNSWG4TF';
const COMBO_TOTP = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const PASSWORD = 'vpn mfa password 1';

/**
 * What each row of the MFA state × credential table (test/helpers/legacy-matrix.ts)
 * gets from an application in mfa mode (README "RADIUS for VPNs"), written out
 * here rather than taken from the code: app passwords are refused whoever holds
 * them; a right account password signs a Disabled user in at once, challenges a
 * user with a method for it (the table's users have an authenticator app), and
 * refuses an Enabled user who has not registered one yet (registration needs
 * the browser); wrong passwords, blocked and unknown users are refused.
 */
type MfaModeRow =
  | { reply: 'Access-Accept' | 'Access-Reject'; reason: RegExp }
  | { reply: 'Access-Challenge' };
const APP_PASSWORD_REFUSED =
  /^app passwords are not accepted here: the application asks for a second factor \(RADIUS MFA mode\)$/;
const refused = (reason: RegExp): MfaModeRow => ({ reply: 'Access-Reject', reason });
const CHALLENGE: MfaModeRow = { reply: 'Access-Challenge' };
const MFA_MODE: Record<string, MfaModeRow> = {
  'Disabled, account password': {
    reply: 'Access-Accept',
    reason: /^account password \(MFA Disabled for this user: no second factor asked\)$/,
  },
  'Disabled, app password': refused(APP_PASSWORD_REFUSED),
  'Enabled before proof-up, account password': refused(
    /^MFA required \(Enabled\), but the user has registered no verification method yet/,
  ),
  'Enabled before proof-up, app password': refused(APP_PASSWORD_REFUSED),
  'Enabled after proof-up, account password': CHALLENGE,
  'Enabled after proof-up, app password': refused(APP_PASSWORD_REFUSED),
  'Enforced, account password': CHALLENGE,
  'Enforced, app password': refused(APP_PASSWORD_REFUSED),
  'Enforced, app password scoped to this application': refused(APP_PASSWORD_REFUSED),
  'Enforced, app password scoped to another application': refused(APP_PASSWORD_REFUSED),
  'Enforced, expired app password': refused(APP_PASSWORD_REFUSED),
  'Enforced, wrong password': refused(/^wrong password$/),
  'Disabled, wrong password': refused(/^wrong password$/),
  'blocked, account password': refused(/^sign-in blocked by an administrator$/),
  'blocked, app password': refused(/^sign-in blocked by an administrator$/),
  'unknown user': refused(/^unknown user$/),
};
/** A challenged row is answered twice: once with the right code, once (after a new challenge) with a wrong one. */
const CHALLENGED_LOG: LoggedEntry[] = [
  { result: 'interrupted', reason: /^password right; Access-Challenge sent$/ },
  { result: 'success', reason: /^multi-factor authentication completed$/ },
  { result: 'interrupted', reason: /^password right; Access-Challenge sent$/ },
  { result: 'failure', reason: /^wrong code$/ },
];

describe(`RADIUS MFA mode with radclient (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, {
  skip: requireTool(hasRadclient, 'radclient'),
}, () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let port: number;
  let ctx: AppContext;
  let vpn: string;
  const ids: Record<string, string> = {};
  const totp = authenticatorApp(TOTP);
  const racerTotp = authenticatorApp(RACER_TOTP);
  const comboTotp = authenticatorApp(COMBO_TOTP);
  let recovery: string[];
  let appPassword: string;
  let device: Awaited<ReturnType<typeof authenticatorDevice>>;
  let matrix: LegacyMatrix;

  const ask = (upn: string, password: string, extra: Record<string, string> = {}, timeout = 5) =>
    radclient(
      port,
      SECRET,
      { 'User-Name': upn, 'User-Password': password, 'NAS-Identifier': vpn, ...extra },
      { timeoutSeconds: timeout },
    );

  async function user(upn: string, mfaState: 'Disabled' | 'Enabled' | 'Enforced') {
    ids[upn] = (await createUser(ctx, { upn, password: PASSWORD, mfaState })).id;
    return ids[upn]!;
  }

  async function latestOutbox(kind: 'sms' | 'call', to: string, after: number) {
    for (let i = 0; i < 100; i++) {
      const row = await ctx.db
        .selectFrom('outbox')
        .selectAll()
        .where('kind', '=', kind)
        .where('to_number', '=', to)
        .where('created_at', '>=', after)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      if (row) return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${kind} to ${to}`);
  }

  const outboxCount = async (to: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('to_number', '=', to)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function logFor(upn: string) {
    return ctx.db
      .selectFrom('signin_log')
      .selectAll()
      .where('upn', '=', upn)
      .orderBy('at', 'asc')
      .execute();
  }

  before(async () => {
    db = await freshDatabase({
      PORTCULLIS_ADMIN_PASSWORD: 'admin password 1',
      PORTCULLIS_RADIUS_LISTEN: '127.0.0.1:0',
    });
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 2 } });
    await migrate(ctx.db, ctx.dialect);
    vpn = (await createLegacyApp(ctx, { name: 'VPN', radiusSecret: SECRET, radiusMode: 'mfa' })).id;

    const t = await user('totp@contoso.com', 'Enforced');
    await addRegistration(ctx, t, 'PhoneAppOTP', { ok: true, secret: TOTP, details: {} });
    recovery = newCodeSet(ctx.random);
    await recoveryCodesStore(ctx.db).replace(
      t,
      recovery.map((c) => hashCode(ctx.methodContext.hmacKey, t, normaliseCode(c)!)),
      Date.now(),
    );
    await addRegistration(ctx, t, 'RecoveryCode', { ok: true, secret: null, details: {} });
    appPassword = (await createAppPassword(ctx, t, { name: 'VPN', scopes: [vpn] })).password;

    for (const [upn, secret] of [
      ['racer@contoso.com', RACER_TOTP],
      ['combo@contoso.com', COMBO_TOTP],
    ] as const)
      await addRegistration(ctx, await user(upn, 'Enforced'), 'PhoneAppOTP', {
        ok: true,
        secret,
        details: {},
      });

    const s = await user('sms@contoso.com', 'Enforced');
    await addRegistration(ctx, s, 'OneWaySMS', {
      ok: true,
      secret: '+420601000111',
      details: { masked: '+••••••••••11' },
    });
    const c = await user('call@contoso.com', 'Enforced');
    await addRegistration(ctx, c, 'TwoWayVoiceMobile', {
      ok: true,
      secret: '+420601000222',
      details: { masked: '+••••••••••22' },
    });
    // A Portcullis Authenticator, activated as the app does it.
    device = await authenticatorDevice(ctx, {
      id: await user('push@contoso.com', 'Enforced'),
      upn: 'push@contoso.com',
    });

    await user('dis@contoso.com', 'Disabled');
    await user('none@contoso.com', 'Enforced');
    await user('new@contoso.com', 'Enabled');
    const pk = await user('passkey@contoso.com', 'Enforced');
    await addRegistration(ctx, pk, 'Passkey', { ok: true, secret: null, details: {} });

    matrix = await seedLegacyMatrix(ctx, 'mfa', { radiusMode: 'mfa' });

    server = await startServerProcess(db.env);
    port = await server.frontPort('radius');
  });
  after(async () => {
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  it('challenges for the authenticator code after the password, and accepts the code with the State', async () => {
    const first = await ask('totp@contoso.com', PASSWORD);
    assert.equal(first.code, 'Access-Challenge', first.output);
    assert.ok(first.state && first.state.length >= 2 + 64, 'an unguessable State');
    assert.match(first.replyMessage!, /code from your authenticator app/);
    const second = await ask('totp@contoso.com', totp(), { State: first.state! });
    assert.equal(second.code, 'Access-Accept', second.output);
    // The State was used: an answer again is refused (before any code is looked at).
    const again = await ask('totp@contoso.com', '123456', { State: first.state! });
    assert.equal(again.code, 'Access-Reject');
    const log = await logFor('totp@contoso.com');
    assert.ok(log.every((e) => e.front === 'radius' && e.application === vpn));
    assert.deepEqual(
      log.map((e) => [e.result, e.reason]),
      [
        ['interrupted', 'password right; Access-Challenge sent'],
        ['success', 'multi-factor authentication completed'],
        ['failure', 'RADIUS State unknown, expired or used already'],
      ],
    );
  });

  it('rejects a wrong code, and counts it against the user', async () => {
    const first = await ask('totp@contoso.com', PASSWORD);
    const wrong = await ask('totp@contoso.com', '000000', { State: first.state! });
    assert.equal(wrong.code, 'Access-Reject');
    const row = await ctx.db
      .selectFrom('limits')
      .selectAll()
      .where('key', '=', `code:${ids['totp@contoso.com']}`)
      .executeTakeFirst();
    assert.equal(row?.failures, 1);
    const last = (await logFor('totp@contoso.com')).at(-1)!;
    assert.equal(last.reason, 'wrong code');
    assert.equal(last.method, 'PhoneAppOTP');
  });

  it('rejects an expired State, and a State from another user', async () => {
    const first = await ask('totp@contoso.com', PASSWORD);
    await ctx.db
      .updateTable('radius_states')
      .set({ expires_at: Date.now() - 1 })
      .execute();
    assert.equal(
      (await ask('totp@contoso.com', '123456', { State: first.state! })).code,
      'Access-Reject',
    );
    assert.equal(
      (await logFor('totp@contoso.com')).at(-1)!.reason,
      'RADIUS State unknown, expired or used already',
    );
    const mine = await ask('totp@contoso.com', PASSWORD);
    const theirs = await ask('dis@contoso.com', '123456', { State: mine.state! });
    assert.equal(theirs.code, 'Access-Reject');
    assert.equal(
      (await logFor('dis@contoso.com')).at(-1)!.reason,
      'RADIUS State of another user or application',
    );
  });

  it('accepts a recovery code in answer to the challenge, once', async () => {
    const first = await ask('totp@contoso.com', PASSWORD);
    const ok = await ask('totp@contoso.com', recovery[0]!, { State: first.state! });
    assert.equal(ok.code, 'Access-Accept', ok.output);
    const again = await ask('totp@contoso.com', PASSWORD);
    const reused = await ask('totp@contoso.com', recovery[0]!, { State: again.state! });
    assert.equal(reused.code, 'Access-Reject');
    assert.equal((await logFor('totp@contoso.com')).at(-1)!.reason, 'code already used');
  });

  it('accepts password,code in one request (clients without challenges), and rejects a wrong code so', async () => {
    const ok = await ask('combo@contoso.com', `${PASSWORD},${comboTotp()}`);
    assert.equal(ok.code, 'Access-Accept', ok.output);
    const wrong = await ask('combo@contoso.com', `${PASSWORD},000000`);
    assert.equal(wrong.code, 'Access-Reject');
    assert.equal((await logFor('combo@contoso.com')).at(-1)!.reason, 'wrong code');
    const badPassword = await ask('combo@contoso.com', `wrong password,${comboTotp()}`);
    assert.equal(badPassword.code, 'Access-Reject');
    assert.equal((await logFor('combo@contoso.com')).at(-1)!.reason, 'wrong password');
  });

  it('texts a code at the challenge and accepts it', async () => {
    const since = Date.now() - 1000;
    const first = await ask('sms@contoso.com', PASSWORD);
    assert.equal(first.code, 'Access-Challenge', first.output);
    assert.match(first.replyMessage!, /texted to \+•+11/);
    const text = await latestOutbox('sms', '+420601000111', since);
    const code = /\b(\d{6})\b/.exec(text.body)![1]!;
    const ok = await ask('sms@contoso.com', code, { State: first.state! });
    assert.equal(ok.code, 'Access-Accept', ok.output);
  });

  it('shows the number to pick, then waits for the approval in the Authenticator', async () => {
    const first = await ask('push@contoso.com', PASSWORD);
    assert.equal(first.code, 'Access-Challenge', first.output);
    const number = /pick (\d+)/.exec(first.replyMessage!)?.[1];
    assert.ok(number, first.replyMessage!);
    // The user presses Enter (an empty answer): the request waits for the phone.
    const waiting = ask('push@contoso.com', '', { State: first.state! }, 30);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await device.answer('approve', number), 'approved');
    assert.equal((await waiting).code, 'Access-Accept');
  });

  it('rejects when the notification is denied', async () => {
    const first = await ask('push@contoso.com', PASSWORD);
    const waiting = ask('push@contoso.com', '', { State: first.state! }, 30);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await device.answer('deny'), 'denied');
    assert.equal((await waiting).code, 'Access-Reject');
    assert.match((await logFor('push@contoso.com')).at(-1)!.reason, /^not approved: /);
  });

  it('calls and waits for # within the request; a retransmission joins the same call', async () => {
    const client = await packetClient(port, SECRET);
    try {
      const since = Date.now() - 1000;
      const packet = client.request([
        ['User-Name', 'call@contoso.com'],
        ['User-Password', PASSWORD],
        ['NAS-Identifier', vpn],
      ]);
      client.send(packet);
      const call = await latestOutbox('call', '+420601000222', since);
      // The client retransmits the same packet while the call rings: no second call.
      client.send(packet);
      assert.equal(await client.next(1500), null, 'nothing until the call is answered');
      assert.equal(await outboxCount('+420601000222'), 1);
      await answerCall(ctx, call.id, { keys: '#' });
      const reply = await client.next(10_000);
      assert.equal(reply?.code, 'Access-Accept');
      // A retransmission after the answer gets the same answer, from memory of it.
      client.send(packet);
      const again = await client.next(5000);
      assert.equal(again?.code, 'Access-Accept');
      assert.equal(again?.identifier, reply?.identifier);
      assert.equal(await outboxCount('+420601000222'), 1);
    } finally {
      await client.close();
    }
  });

  it('one State answered from several sockets at once: exactly one Accept', async () => {
    const first = await ask('racer@contoso.com', PASSWORD);
    const code = racerTotp();
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => ask('racer@contoso.com', code, { State: first.state! })),
    );
    const codes = replies.map((r) => r.code);
    assert.equal(codes.filter((c) => c === 'Access-Accept').length, 1, codes.join());
    assert.equal(codes.filter((c) => c === 'Access-Reject').length, 5, codes.join());
  });

  it('Disabled users need only the password; users without a usable method are refused with a reason', async () => {
    assert.equal((await ask('dis@contoso.com', PASSWORD)).code, 'Access-Accept');
    for (const [upn, reason] of [
      ['none@contoso.com', /registered no verification method yet/],
      ['new@contoso.com', /registered no verification method yet/],
      ['passkey@contoso.com', /can be used over RADIUS/],
    ] as const) {
      assert.equal((await ask(upn, PASSWORD)).code, 'Access-Reject', upn);
      assert.match((await logFor(upn)).at(-1)!.reason, reason);
    }
  });

  it('refuses app passwords in MFA mode, saying why in the log', async () => {
    assert.equal((await ask('totp@contoso.com', appPassword)).code, 'Access-Reject');
    const last = (await logFor('totp@contoso.com')).at(-1)!;
    assert.match(last.reason, /app passwords are not accepted here/);
  });

  it('follows the MFA state × credential table in mfa mode: app passwords refused, Disabled users by password alone, a TOTP challenge for users with a method', async () => {
    assert.deepEqual(
      Object.keys(MFA_MODE).sort(),
      matrix.cases.map((c) => c.title).sort(),
      'an mfa-mode expectation for every row',
    );
    const ask = (c: MatrixCase, password: string, extra: Record<string, string> = {}) =>
      radclient(port, MATRIX_RADIUS_SECRETS[c.app], {
        'User-Name': c.upn,
        'User-Password': password,
        'NAS-Identifier': matrix.apps[c.app],
        ...extra,
      });
    /** Each challenged user's authenticator app (a step is accepted once per user). */
    const apps = new Map<string, () => string>();
    for (const c of matrix.cases) {
      const want = MFA_MODE[c.title]!;
      const first = await ask(c, c.secret);
      assert.equal(first.code, want.reply, `${c.title}: ${first.output}`);
      if (want.reply !== 'Access-Challenge') continue;
      assert.match(first.replyMessage ?? '', /code from your authenticator app/, c.title);
      assert.ok(first.state, c.title);
      if (!apps.has(c.upn)) apps.set(c.upn, authenticatorApp(MATRIX_TOTP_SECRET));
      const code = apps.get(c.upn)!();
      const right = await ask(c, code, { State: first.state });
      assert.equal(right.code, 'Access-Accept', `${c.title}, right code: ${right.output}`);
      const again = await ask(c, c.secret);
      assert.equal(again.code, 'Access-Challenge', `${c.title}, again: ${again.output}`);
      // Every digit changed: not this step's code (and another step's only by a one-in-a-million chance).
      const wrong = code.replace(/\d/g, (d) => String((Number(d) + 5) % 10));
      const refusedCode = await ask(c, wrong, { State: again.state! });
      assert.equal(refusedCode.code, 'Access-Reject', `${c.title}, wrong code`);
    }
    assert.equal(apps.size, 2, 'Enabled after proof-up and Enforced were challenged');
    await matrix.assertLogged(ctx, 'radius', (c) => {
      const want = MFA_MODE[c.title]!;
      if (want.reply === 'Access-Challenge') return CHALLENGED_LOG;
      return [
        { result: want.reply === 'Access-Accept' ? 'success' : 'failure', reason: want.reason },
      ];
    });
  });

  it('never writes a password or code to the sign-in log', async () => {
    const all = await ctx.db.selectFrom('signin_log').selectAll().execute();
    const text = JSON.stringify(all);
    assert.ok(!text.includes(PASSWORD));
    assert.ok(!text.includes(MATRIX_PASSWORD));
    assert.ok(!text.includes(recovery[0]!));
    assert.ok(!text.includes(appPassword));
  });
});
