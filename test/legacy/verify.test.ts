import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeContext, createContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { resetPassword } from '../../src/services/user-admin.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('HTTP verify front and the legacy credential rules', () => {
  let t: TestApp;
  let mail: string;
  let vpn: string;
  const pw: Record<string, string> = {};
  const verify = (user: string, secret: string, app = mail) => {
    t.clock.advance(1); // keeps sign-in log entries in order
    return t.app.request(`/legacy/v1/verify?app=${app}`, {
      method: 'POST',
      headers: { authorization: basic(user, secret) },
    });
  };
  const idOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.id;

  before(async () => {
    t = await createTestApp();
    mail = (await createLegacyApp(t.ctx, { name: 'IMAP' })).id;
    vpn = (await createLegacyApp(t.ctx, { name: 'VPN' })).id;
    await t.addUser({ upn: 'dis@contoso.com', displayName: 'Dis' });
    await t.addUser({ upn: 'ena@contoso.com', mfaState: 'Enabled' });
    await t.addUser({ upn: 'enf@contoso.com', mfaState: 'Enforced' });
    await t.addUser({ upn: 'blk@contoso.com' });
    await addRegistration(t.ctx, await idOf('enf@contoso.com'), 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    for (const upn of [
      'dis@contoso.com',
      'ena@contoso.com',
      'enf@contoso.com',
      'blk@contoso.com',
    ]) {
      pw[upn] = (await createAppPassword(t.ctx, await idOf(upn), { name: 'Mail' })).password;
    }
    pw.scoped = (
      await createAppPassword(t.ctx, await idOf('enf@contoso.com'), {
        name: 'Only mail',
        scopes: [mail],
      })
    ).password;
    pw.expiring = (
      await createAppPassword(t.ctx, await idOf('enf@contoso.com'), {
        name: 'Soon',
        expiresAt: t.clock.now() + 60_000,
      })
    ).password;
    await t.ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('upn_normalized', '=', 'blk@contoso.com')
      .execute();
  });
  after(() => t.close());

  it('generates app passwords of 140 random bits in typeable groups, stored only as a keyed hash', async () => {
    assert.match(pw['dis@contoso.com']!, /^([a-km-np-z2-9]{4}-){6}[a-km-np-z2-9]{4}$/);
    const rows = await t.ctx.db.selectFrom('app_passwords').select('secret_hash').execute();
    for (const r of rows)
      for (const p of Object.values(pw)) assert.ok(!r.secret_hash.includes(p.replace(/-/g, '')));
  });

  it('logs the real reason, the application and the front', async () => {
    await verify('enf@contoso.com', 'a mistyped password');
    const [wrong] = await t.ctx.stores.signinLog.list({ upn: 'enf@contoso.com', limit: 1 });
    assert.equal(wrong?.reason, 'wrong password', 'a wrong password is not "MFA required"');
    await verify('enf@contoso.com', PASSWORD);
    const [entry] = await t.ctx.stores.signinLog.list({ upn: 'enf@contoso.com', limit: 1 });
    assert.equal(
      entry?.reason,
      'MFA required: the account password is right, but this user needs an app password here',
    );
    assert.equal(entry?.front, 'verify');
    assert.equal(entry?.application, mail);
  });

  it('accepts typing without dashes or in capitals', async () => {
    assert.equal(
      (await verify('dis@contoso.com', pw['dis@contoso.com']!.replace(/-/g, '').toUpperCase()))
        .status,
      200,
    );
  });

  it('a scoped app password works for its application only', async () => {
    assert.equal((await verify('enf@contoso.com', pw.scoped!, mail)).status, 200);
    t.clock.advance(1);
    assert.equal((await verify('enf@contoso.com', pw.scoped!, vpn)).status, 401);
    const [entry] = await t.ctx.stores.signinLog.list({ upn: 'enf@contoso.com', limit: 1 });
    assert.match(entry?.reason ?? '', /is not for app-/);
  });

  it('an expired app password is refused', async () => {
    assert.equal((await verify('enf@contoso.com', pw.expiring!)).status, 200);
    t.clock.advance(61_000);
    assert.equal((await verify('enf@contoso.com', pw.expiring!)).status, 401);
  });

  it('with app passwords turned off none is accepted and none can be created', async () => {
    await updateServiceSettings(t.ctx, { appPasswordsAllowed: false });
    try {
      assert.equal((await verify('enf@contoso.com', pw['enf@contoso.com']!)).status, 401);
      await assert.rejects(createAppPassword(t.ctx, await idOf('enf@contoso.com'), { name: 'x' }), {
        code: 'forbidden',
      });
    } finally {
      await updateServiceSettings(t.ctx, { appPasswordsAllowed: true });
    }
  });

  it("an admin's one-time password works only for choosing a new one in the browser", async () => {
    await t.addUser({ upn: 'otp@contoso.com' });
    const { oneTimePassword } = await resetPassword(t.ctx, cliActor(), 'otp@contoso.com');
    const res = await verify('otp@contoso.com', oneTimePassword);
    assert.equal(res.status, 401);
    const [entry] = await t.ctx.stores.signinLog.list({ upn: 'otp@contoso.com', limit: 1 });
    assert.equal(entry?.reason, 'password must be changed: sign in in the browser first');
  });

  it('answers bad requests clearly: no application, unknown application, no or broken credentials', async () => {
    const noApp = await t.app.request('/legacy/v1/verify', {
      method: 'POST',
      headers: { authorization: basic('dis@contoso.com', PASSWORD) },
    });
    assert.equal(noApp.status, 400);
    assert.equal(((await noApp.json()) as { code: string }).code, 'invalid_request');
    assert.equal((await verify('dis@contoso.com', PASSWORD, 'app-nope')).status, 401);
    for (const authorization of [
      undefined,
      'Basic !!!',
      `Basic ${Buffer.from('no-colon').toString('base64')}`,
      'Bearer x',
    ]) {
      const res = await t.app.request(`/legacy/v1/verify?app=${mail}`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      assert.equal(res.status, 401, String(authorization));
    }
  });

  it('sees at the next check what another node changed, however warm this process’s cache', async () => {
    // The one-write path (SQLite) takes the user and their app passwords from
    // the cache without reading the epoch, and reads it under the write lock.
    await t.addUser({ upn: 'warm@contoso.com' });
    const id = await idOf('warm@contoso.com');
    const kept = (await createAppPassword(t.ctx, id, { name: 'Kept' })).password;
    const gone = (await createAppPassword(t.ctx, id, { name: 'Gone' })).password;
    assert.equal((await verify('warm@contoso.com', gone)).status, 200);
    assert.equal((await verify('warm@contoso.com', kept)).status, 200);
    const other = createContext(t.database.config, {
      log: createLogger('silent'),
      db: { pgPoolSize: 1 },
    });
    try {
      await other.db.deleteFrom('app_passwords').where('name', '=', 'Gone').execute();
      assert.equal((await verify('warm@contoso.com', gone)).status, 401, 'deleted elsewhere');
      assert.equal((await verify('warm@contoso.com', kept)).status, 200);
      await other.db.updateTable('users').set({ blocked: 1 }).where('id', '=', id).execute();
      assert.equal((await verify('warm@contoso.com', kept)).status, 401, 'blocked elsewhere');
    } finally {
      await closeContext(other);
    }
  });

  it('limits at most 40 app passwords per user', async () => {
    await t.addUser({ upn: 'many@contoso.com' });
    const id = await idOf('many@contoso.com');
    for (let i = 0; i < 40; i++) await createAppPassword(t.ctx, id, { name: `p${i}` });
    await assert.rejects(createAppPassword(t.ctx, id, { name: 'one too many' }), {
      code: 'conflict',
    });
  });

  it('app-password checks fired together all succeed and leave nothing counted or in flight', async () => {
    await t.addUser({ upn: 'busy@contoso.com' });
    const { password } = await createAppPassword(t.ctx, await idOf('busy@contoso.com'), {
      name: 'Phone',
    });
    const statuses = await Promise.all(
      Array.from({ length: 40 }, async () => (await verify('busy@contoso.com', password)).status),
    );
    assert.deepEqual(new Set(statuses), new Set([200]));
    const rows = await t.ctx.db
      .selectFrom('limits')
      .select(['key', 'failures', 'inflight'])
      .where('key', 'like', 'legacy%')
      .execute();
    // Rows may be absent (nothing ever counted) or left at zero (a reservation settled).
    const mine = rows.filter((r) => r.key.includes('busy@contoso.com'));
    for (const r of [...mine, ...rows.filter((r) => r.key.startsWith('legacy-ip:'))]) {
      assert.equal(Number(r.inflight), 0, `${r.key} still in flight`);
      if (mine.includes(r)) assert.equal(Number(r.failures), 0, `${r.key} counts a failure`);
    }
    const logged = await t.ctx.db
      .selectFrom('signin_log')
      .select(['result', 'reason'])
      .where('upn', '=', 'busy@contoso.com')
      .execute();
    assert.equal(logged.length, 40);
    assert.ok(logged.every((l) => l.result === 'success' && l.reason === 'app password "Phone"'));
    const stamped = await t.ctx.db
      .selectFrom('app_passwords')
      .select('last_used_at')
      .where('user_id', '=', await idOf('busy@contoso.com'))
      .executeTakeFirstOrThrow();
    assert.ok(stamped.last_used_at !== null, 'last use stamped');
  });

  it("an app password that is right but not for here counts as a failure; a right one waits out the client's delay", async () => {
    await t.addUser({ upn: 'wait@contoso.com', mfaState: 'Enforced' });
    const id = await idOf('wait@contoso.com');
    const good = (await createAppPassword(t.ctx, id, { name: 'Good' })).password;
    const vpnOnly = (await createAppPassword(t.ctx, id, { name: 'VPN only', scopes: [vpn] }))
      .password;
    const key = 'legacy:wait@contoso.com:';
    const failures = async () =>
      (
        await t.ctx.db
          .selectFrom('limits')
          .select(['key', 'failures', 'inflight'])
          .where('key', 'like', `${key}%`)
          .executeTakeFirstOrThrow()
      ).failures;
    for (let i = 1; i <= 5; i++) {
      assert.equal((await verify('wait@contoso.com', vpnOnly)).status, 401);
      assert.equal(Number(await failures()), i);
    }
    // Five failures from this client: it waits, even with the right app password.
    const held = await verify('wait@contoso.com', good);
    assert.equal(held.status, 429);
    assert.ok(Number(held.headers.get('retry-after')) >= 1);
    t.clock.advance(2_001);
    assert.equal((await verify('wait@contoso.com', good)).status, 200);
    assert.equal(Number(await failures()), 0, 'a success starts the run of failures over');
    const reasons = (
      await t.ctx.db
        .selectFrom('signin_log')
        .select('reason')
        .where('upn', '=', 'wait@contoso.com')
        .orderBy('at')
        .execute()
    ).map((r) => r.reason);
    assert.equal(reasons.filter((r) => /is not for/.test(r)).length, 5);
    assert.match(reasons[5]!, /^throttled/);
    assert.equal(reasons[6], 'app password "Good"');
  });

  it('right app passwords refused here, fired together, are judged no more than the free failures', async () => {
    await t.addUser({ upn: 'burst@contoso.com', mfaState: 'Enforced' });
    const id = await idOf('burst@contoso.com');
    const vpnOnly = (await createAppPassword(t.ctx, id, { name: 'VPN only', scopes: [vpn] }))
      .password;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, async () => (await verify('burst@contoso.com', vpnOnly)).status),
    );
    assert.ok(
      statuses.every((s) => s === 401 || s === 429),
      statuses.join(),
    );
    const reasons = (
      await t.ctx.db
        .selectFrom('signin_log')
        .select('reason')
        .where('upn', '=', 'burst@contoso.com')
        .execute()
    ).map((r) => r.reason);
    assert.equal(reasons.length, 30, 'every attempt is logged');
    assert.equal(reasons.filter((r) => /is not for/.test(r)).length, 5, 'judged: the free five');
    t.clock.advance(10 * 60_000);
  });

  it('a client hammering a wrong password is throttled without locking the user out of the browser', async () => {
    await t.addUser({ upn: 'ham@contoso.com' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await verify('ham@contoso.com', 'old password')).status);
    assert.ok(statuses.includes(429), statuses.join());
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    const r = await b.submit('/signin', { username: 'ham@contoso.com', password: PASSWORD });
    assert.match(textOf(r.html), /My account/, 'browser sign-in is not throttled');
    t.clock.advance(10 * 60_000);
  });
});
