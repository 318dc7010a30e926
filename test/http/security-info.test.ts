import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { outboxStore } from '../../src/delivery/outbox.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { restoreRememberedDevices } from '../../src/services/user-settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const MINUTE = 60_000;

describe('security info, remembered devices, enrolment grace', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  const texts = async (to: string) =>
    (await outboxStore(t.ctx.db).list({ number: to, limit: 10 })).map((m) => m.body ?? '');

  async function signIn(upn: string, b = client()) {
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    return b;
  }
  /** An Enforced user registers an authenticator app at first sign-in. */
  async function withTotp(upn: string) {
    const b = await signIn(upn);
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    await b.pastAppPasswordsStep();
    return { b, secret };
  }
  const methodsOf = async (upn: string) => {
    const user = await t.ctx.stores.users.findByUpn(upn);
    return t.ctx.stores.methods.listForUser(user!.id);
  };
  /** Adds a text-message method from security info (number, then the texted code). */
  async function addSms(b: FormClient, number: string) {
    const form = await b.page('/security-info/add?method=OneWaySMS');
    const action = /<form method="post" action="([^"]+)"/.exec(form.html)![1]!;
    await b.submit(action, { country: 'CZ', number });
    const e164 = `+420${number}`;
    const code = /\b(\d{6})\b/.exec((await texts(e164))[0] ?? '')![1]!;
    return b.submit(action, { code });
  }

  before(async () => {
    t = await createTestApp();
    for (const upn of ['ann', 'ben', 'cat', 'dan', 'eve'])
      await t.addUser({ upn: `${upn}@contoso.com`, mfaState: 'Enforced' });
    await t.addUser({ upn: 'gil@contoso.com', mfaState: 'Enabled' });
  });
  after(() => t.close());

  it('lists the methods, the recent sign-ins and links from My account', async () => {
    const { b } = await withTotp('ann@contoso.com');
    const home = await b.page('/');
    assert.match(home.html, /href="\/security-info"/);
    const page = await b.page('/security-info');
    const text = textOf(page.html);
    assert.match(text, /Security info/);
    assert.match(text, /Authenticator app \(default\)/);
    assert.match(text, /Recent sign-ins/);
    assert.match(text, /Succeeded/);
    assert.match(text, /No device skips the second step/);
  });

  it('adds a text-message method through the enrolment steps: audited, and the user is told by text', async () => {
    const { b } = await withTotp('ben@contoso.com');
    const done = await addSms(b, '601234567');
    assert.match(textOf(done.html), /The method was added/);
    const types = (await methodsOf('ben@contoso.com')).map((m) => m.method_type).sort();
    assert.ok(types.includes('OneWaySMS'), `${types}`);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'detail'])
      .where('action', '=', 'method_added')
      .where('target', '=', 'ben@contoso.com')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.actor, JSON.parse(a.detail).during]).sort(),
      [
        ['ben@contoso.com', 'proof-up'],
        ['ben@contoso.com', 'security info'],
      ],
      'proof-up and security info register alike, and both are audited',
    );
    assert.ok(
      (await texts('+420601234567')).some((s) => /Text message was added/.test(s)),
      'told on the new channel',
    );
  });

  it('asks for a second factor again after 10 minutes before a change', async () => {
    const { b, secret } = await withTotp('cat@contoso.com');
    t.clock.advance(11 * MINUTE);
    const asked = await b.page('/security-info/add?method=OneWaySMS');
    assert.match(asked.html, /name="code"/, 'the verify step');
    assert.doesNotMatch(asked.html, /name="number"/);
    const back = await b.submit(/<form method="post" action="([^"]+)"/.exec(asked.html)![1]!, {
      code: codeAt(secret, t.clock.now()),
    });
    assert.match(back.html, /name="number"/, 'then the enrolment, as asked');
    // Still signed in throughout: the step-up kept the session.
    assert.match(textOf((await b.page('/security-info')).html), /Security info/);
  });

  it('refuses to delete the last method while MFA is required, and says why; with two, deletes and tells', async () => {
    const { b } = await withTotp('dan@contoso.com');
    const [totp] = await methodsOf('dan@contoso.com');
    const confirm = await b.page(`/security-info/methods/${totp!.id}/delete`);
    assert.match(textOf(confirm.html), /Delete Authenticator app\?/);
    const refused = await b.post(`/security-info/methods/${totp!.id}/delete`, {});
    assert.equal(refused.status, 409);
    assert.match(textOf(b.lastHtml), /only verification method/);
    assert.equal((await methodsOf('dan@contoso.com')).length, 1, 'nothing deleted');

    await addSms(b, '602345678');
    await b.page('/security-info');
    const gone = await b.submit(`/security-info/methods/${totp!.id}/delete`, {});
    assert.match(textOf(gone.html), /The method was deleted/);
    const left = await methodsOf('dan@contoso.com');
    // The verified mobile number also takes calls (Microsoft's authentication phone).
    assert.deepEqual(
      left.map((m) => [m.method_type, m.is_default]).sort(),
      [
        ['OneWaySMS', 1],
        ['TwoWayVoiceMobile', 0],
      ],
      'the oldest remaining method becomes the default',
    );
    assert.ok((await texts('+420602345678')).some((s) => /Authenticator app was removed/.test(s)));
  });

  it('shows no notice, and no error, for a ?done= naming none (constructor, __proto__)', async () => {
    await t.addUser({ upn: 'ida@contoso.com', mfaState: 'Enforced' });
    const { b } = await withTotp('ida@contoso.com');
    for (const done of ['constructor', '__proto__', 'toString', 'nope']) {
      const { res, html } = await b.page(`/security-info?done=${done}`);
      assert.equal(res.status, 200, done);
      assert.doesNotMatch(html, /role="status"/, done);
    }
    assert.match((await b.page('/security-info?done=added')).html, /role="status"/);
  });

  it('changes the default method', async () => {
    const { b } = await withTotp('eve@contoso.com');
    await addSms(b, '603456789');
    const sms = (await methodsOf('eve@contoso.com')).find((m) => m.method_type === 'OneWaySMS')!;
    await b.page('/security-info');
    const done = await b.submit(`/security-info/methods/${sms.id}/default`, {});
    assert.match(textOf(done.html), /Your default method was changed/);
    const after = await methodsOf('eve@contoso.com');
    assert.equal(after.find((m) => m.is_default === 1)?.method_type, 'OneWaySMS');
  });

  it('remembers a device: the next sign-in skips the code until the user forgets it or an admin restores MFA', async () => {
    await updateServiceSettings(t.ctx, { rememberDevicesEnabled: true, rememberDevicesDays: 7 });
    await t.addUser({ upn: 'rem@contoso.com', mfaState: 'Enforced' });
    const { b, secret } = await withTotp('rem@contoso.com');
    await b.post('/signout', {});
    // Second sign-in: the code page offers the checkbox; ticking it remembers the device.
    await signIn('rem@contoso.com', b);
    assert.match(textOf(b.lastHtml), /Don't ask again on this device for 7 days/);
    t.clock.advance(30_000);
    await b.submit('/signin/verify', { code: codeAt(secret, t.clock.now()), remember: 'on' });
    assert.ok(b.cookies.has('portcullis-device'), 'a device cookie');
    const row = await t.ctx.db.selectFrom('remembered_devices').selectAll().executeTakeFirst();
    assert.ok(row && row.token_hash !== b.cookies.get('portcullis-device'), 'only a hash stored');
    await b.post('/signout', {});

    t.clock.advance(1); // the log's newest entry is this sign-in's
    await signIn('rem@contoso.com', b);
    assert.doesNotMatch(b.lastHtml, /name="code"/, 'no code asked');
    assert.match(textOf(b.lastHtml), /Signed in as/);
    const log = await t.ctx.db
      .selectFrom('signin_log')
      .select(['reason', 'method'])
      .where('upn', '=', 'rem@contoso.com')
      .orderBy('at', 'desc')
      .executeTakeFirst();
    assert.deepEqual(log, { reason: 'MFA skipped: remembered device', method: 'RememberedDevice' });
    assert.match(textOf((await b.page('/security-info')).html), /1 device skips the second step/);

    // The user's "Forget all".
    await b.submit('/security-info/devices/forget', {});
    await b.page('/');
    await b.post('/signout', {});
    await signIn('rem@contoso.com', b);
    assert.match(b.lastHtml, /name="code"/, 'asked again after Forget all');

    // Remembered again, then the admin's "Restore MFA on all remembered devices".
    t.clock.advance(30_000);
    await b.submit('/signin/verify', { code: codeAt(secret, t.clock.now()), remember: 'on' });
    await b.post('/signout', {});
    await signIn('rem@contoso.com', b);
    assert.doesNotMatch(b.lastHtml, /name="code"/);
    await b.post('/signout', {});
    t.clock.advance(1);
    await restoreRememberedDevices(t.ctx, { name: 'admin', ip: null, personalData: false }, [
      'rem@contoso.com',
    ]);
    await signIn('rem@contoso.com', b);
    assert.match(b.lastHtml, /name="code"/, 'asked again after the admin restored MFA');
  });

  it('enrolment grace: an Enabled user may postpone proof-up for the days left, then not', async () => {
    await updateServiceSettings(t.ctx, { proofupGraceDays: 7 });
    const b = await signIn('gil@contoso.com');
    assert.match(textOf(b.lastHtml), /You may postpone registering for 7 more days/);
    const later = await b.submit('/signin/proofup/postpone', {});
    assert.match(textOf(later.html), /Signed in as/);
    const log = await t.ctx.db
      .selectFrom('signin_log')
      .select('reason')
      .where('upn', '=', 'gil@contoso.com')
      .orderBy('at', 'desc')
      .executeTakeFirst();
    assert.equal(log?.reason, 'registration postponed (enrolment grace)');
    await b.post('/signout', {});

    t.clock.advance(3 * 86_400_000);
    await signIn('gil@contoso.com', b);
    assert.match(textOf(b.lastHtml), /You may postpone registering for 4 more days/);
    await b.post('/signout', {});

    t.clock.advance(5 * 86_400_000);
    await signIn('gil@contoso.com', b);
    assert.match(textOf(b.lastHtml), /More information required/);
    assert.doesNotMatch(b.lastHtml, /postpone/);
    const refused = await b.post('/signin/proofup/postpone', {});
    assert.equal(refused.status, 409);

    // Enforced users never may.
    await t.addUser({ upn: 'hal@contoso.com', mfaState: 'Enforced' });
    await b.post('/signout', {});
    await signIn('hal@contoso.com', b);
    assert.doesNotMatch(b.lastHtml, /postpone/);
    await updateServiceSettings(t.ctx, { proofupGraceDays: 0 });
  });
});
