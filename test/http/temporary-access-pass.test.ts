// Temporary Access Pass (issue 21, item 3): issued by an administrator within
// the methods policy's bounds, shown once and kept only as an HMAC; it signs
// the user in through the sign-in page as multi-factor (so a user with no
// method goes straight to registering one); a one-time pass signs in once
// however many try at once; guesses are limited like passwords; revoked,
// expired and spent passes sign in no more, and all of it is audited. Never on
// the legacy fronts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliActor } from '../../src/services/audit.ts';
import { housekeeping } from '../../src/services/housekeeping.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import {
  issueTemporaryAccessPass,
  revokeTemporaryAccessPass,
  temporaryAccessPassOf,
} from '../../src/services/temporary-access-pass.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const GENERIC = 'Your account or password is incorrect.';
const admin = cliActor();

describe('Temporary Access Pass', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  const issue = (upn: string, input = {}) => issueTemporaryAccessPass(t.ctx, admin, upn, input);

  /** Signs in on the pass page; the response and the page it leads to. */
  async function withPass(upn: string, pass: string, b = client()) {
    t.clock.advance(1000); // the sign-in log in order
    await b.page('/signin/pass');
    const res = await b.post('/signin/pass', { username: upn, pass });
    return { res, b };
  }
  const lastLog = async (upn: string) =>
    (await t.ctx.db
      .selectFrom('signin_log')
      .selectAll()
      .where('upn', '=', upn)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst())!;
  const auditOf = (action: string) =>
    t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  before(async () => {
    t = await createTestApp();
    for (const upn of [
      'new@contoso.com',
      'lost@contoso.com',
      'race@contoso.com',
      'guess@contoso.com',
    ])
      await t.addUser({ upn, mfaState: 'Enforced' });
  });
  after(() => t.close());

  it('is issued only where the methods policy gives passes, within its bounds, and shown once', async () => {
    await assert.rejects(
      issue('new@contoso.com'),
      /does not give new@contoso\.com Temporary Access Passes/,
    );
    assert.doesNotMatch(
      textOf((await client().page('/')).html),
      /Temporary Access Pass/,
      'not offered',
    );
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', {
      enabled: true,
      maxLifetimeMinutes: 1440,
    });
    assert.match(textOf((await client().page('/')).html), /Sign in with a Temporary Access Pass/);

    const p = await issue('new@contoso.com');
    assert.equal(p.temporaryAccessPass.length, 8, 'the policy’s default length');
    assert.match(p.temporaryAccessPass, /^[A-Za-z2-9]+$/);
    assert.equal(p.lifetimeMinutes, 60, 'the policy’s default lifetime');
    assert.equal(p.oneTime, false);
    assert.equal(p.state, 'active');
    const row = await t.ctx.db
      .selectFrom('temporary_access_passes')
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.notEqual(row.pass_hash, p.temporaryAccessPass);
    assert.ok(!JSON.stringify(row).includes(p.temporaryAccessPass), 'kept only as its HMAC');
    const shown = await temporaryAccessPassOf(t.ctx, 'new@contoso.com');
    assert.equal(shown?.id, p.id);
    assert.ok(!JSON.stringify(shown).includes(p.temporaryAccessPass), 'never shown again');
    const [created] = await auditOf('tap_created');
    assert.ok(
      created && !created.detail?.includes(p.temporaryAccessPass),
      'audited without the pass',
    );

    for (const [input, why] of [
      [{ lifetimeMinutes: 9 }, /10 to 1440 minutes/],
      [{ lifetimeMinutes: 1441 }, /10 to 1440 minutes/],
      [{ length: 7 }, /8 to 48 characters/],
      [{ length: 49 }, /8 to 48 characters/],
    ] as const)
      await assert.rejects(issue('new@contoso.com', input), why);
    await assert.rejects(issue('nobody@contoso.com'), /No user has the user name/);
    assert.equal((await temporaryAccessPassOf(t.ctx, 'new@contoso.com'))?.id, p.id, 'kept');

    const long = await issue('new@contoso.com', {
      lifetimeMinutes: 1440,
      length: 48,
      oneTime: true,
    });
    assert.equal(long.temporaryAccessPass.length, 48);
    assert.equal(long.lifetimeMinutes, 1440);
    assert.equal(long.oneTime, true);
    assert.equal(
      (await t.ctx.db.selectFrom('temporary_access_passes').select('id').execute()).length,
      1,
      'one pass per user: the new one replaced the old',
    );
    const { res } = await withPass('new@contoso.com', p.temporaryAccessPass);
    assert.equal(res.status, 401, 'the replaced pass signs in no more');

    // The policy can make every pass one-time.
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { oneTimeOnly: true });
    assert.equal((await issue('lost@contoso.com')).oneTime, true);
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { oneTimeOnly: false });
  });

  it('signs a user with no method in, as multi-factor, straight to registering one', async () => {
    const { temporaryAccessPass } = await issue('new@contoso.com');
    const { res, b } = await withPass('NEW@contoso.com', temporaryAccessPass);
    assert.equal(res.status, 303);
    const step = await b.page(res.headers.get('location')!);
    assert.match(textOf(step.html), /More information required/);
    assert.doesNotMatch(step.html, /postpone/, 'no putting it off: that is what the pass is for');
    assert.equal((await auditOf('tap_used')).length, 1);
    // An authenticator app registered with the pass alone; then signed in.
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    await b.pastAppPasswordsStep();
    assert.match(textOf(b.lastHtml), /My account/);
    const user = (await t.ctx.stores.users.findByUpn('new@contoso.com'))!;
    assert.deepEqual(
      (await t.ctx.stores.methods.listForUser(user.id)).map((m) => m.method_type),
      ['PhoneAppOTP'],
    );
    const log = await lastLog('new@contoso.com');
    assert.equal(log.result, 'success');
    assert.match(log.reason ?? '', /Temporary Access Pass/);
  });

  it('refuses a wrong, revoked or expired pass with the one generic message, and never on the legacy fronts', async () => {
    const p = await issue('lost@contoso.com', { lifetimeMinutes: 30 });
    const wrong = await withPass('lost@contoso.com', `${p.temporaryAccessPass}x`);
    assert.equal(wrong.res.status, 401);
    assert.match(textOf(await wrong.res.text()), new RegExp(GENERIC));
    assert.equal((await lastLog('lost@contoso.com')).reason, 'Temporary Access Pass: wrong');
    // Not a password: the password form and HTTP verify refuse it.
    const b = client();
    await b.page('/');
    assert.equal(
      (await b.post('/signin', { username: 'lost@contoso.com', password: p.temporaryAccessPass }))
        .status,
      401,
    );

    await revokeTemporaryAccessPass(t.ctx, admin, 'lost@contoso.com');
    assert.equal((await withPass('lost@contoso.com', p.temporaryAccessPass)).res.status, 401);
    assert.equal((await lastLog('lost@contoso.com')).reason, 'Temporary Access Pass: none');
    assert.equal((await auditOf('tap_revoked')).length, 1);
    await assert.rejects(
      revokeTemporaryAccessPass(t.ctx, admin, 'lost@contoso.com'),
      /has no Temporary/,
    );

    const q = await issue('lost@contoso.com', { lifetimeMinutes: 10 });
    t.clock.advance(10 * 60_000);
    assert.equal((await withPass('lost@contoso.com', q.temporaryAccessPass)).res.status, 401);
    assert.equal((await lastLog('lost@contoso.com')).reason, 'Temporary Access Pass: expired');
    assert.equal((await temporaryAccessPassOf(t.ctx, 'lost@contoso.com'))?.state, 'expired');
    // Housekeeping removes it, audited as expired.
    await housekeeping(t.ctx);
    assert.equal(await temporaryAccessPassOf(t.ctx, 'lost@contoso.com'), null);
    const expired = await auditOf('tap_expired');
    assert.ok(expired.some((e) => e.detail?.includes(q.id)));
  });

  it('takes a pass pasted with spaces around it; a blocked user is refused without spending it', async () => {
    await t.addUser({ upn: 'paste@contoso.com', mfaState: 'Enforced' });
    const p = await issue('paste@contoso.com');
    assert.equal(
      (await withPass('paste@contoso.com', ` ${p.temporaryAccessPass}\t`)).res.status,
      303,
    );
    await t.addUser({ upn: 'held@contoso.com', mfaState: 'Enforced' });
    const q = await issue('held@contoso.com', { oneTime: true });
    await t.ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('upn', '=', 'held@contoso.com')
      .execute();
    assert.equal((await withPass('held@contoso.com', q.temporaryAccessPass)).res.status, 401);
    assert.equal((await lastLog('held@contoso.com')).reason, 'sign-in blocked by an administrator');
    assert.equal(
      (await temporaryAccessPassOf(t.ctx, 'held@contoso.com'))?.state,
      'active',
      'not spent',
    );
    await t.ctx.db
      .updateTable('users')
      .set({ blocked: 0 })
      .where('upn', '=', 'held@contoso.com')
      .execute();
    assert.equal((await withPass('held@contoso.com', q.temporaryAccessPass)).res.status, 303);
  });

  it('signs in once with a one-time pass sent from many browsers at once', async () => {
    const { temporaryAccessPass } = await issue('race@contoso.com', { oneTime: true });
    const browsers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const b = client();
        await b.page('/signin/pass');
        return b;
      }),
    );
    const results = await Promise.all(
      browsers.map((b) =>
        b.post('/signin/pass', { username: 'race@contoso.com', pass: temporaryAccessPass }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 401, 401, 401, 401, 401, 401, 401]);
    assert.equal((await temporaryAccessPassOf(t.ctx, 'race@contoso.com'))?.state, 'used');
    assert.equal((await withPass('race@contoso.com', temporaryAccessPass)).res.status, 401);
  });

  it('limits guesses fired together like passwords: none gets past the limit', async () => {
    const { temporaryAccessPass } = await issue('guess@contoso.com');
    const browsers = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const b = client();
        await b.page('/signin/pass');
        return b;
      }),
    );
    const guesses = await Promise.all(
      browsers.map((b, i) =>
        b.post('/signin/pass', { username: 'guess@contoso.com', pass: `wrong-${i}` }),
      ),
    );
    const judged = guesses.filter((r) => r.status === 401).length;
    assert.ok(judged <= 5, `${judged} guesses were judged (the account allows 5 at once)`);
    assert.ok(guesses.every((r) => r.status === 401 || r.status === 429));
    // Even the right pass waits now.
    assert.equal((await withPass('guess@contoso.com', temporaryAccessPass)).res.status, 429);
  });
});
