import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { resetPassword } from '../../src/services/user-admin.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt } from '../helpers/totp.ts';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('admin password reset: a one-time password, changed at next sign-in', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  const signIn = async (upn: string, password: string) => {
    const b = client();
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password });
    return { b, ...r };
  };

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'dina@contoso.com' });
    await t.addUser({ upn: 'enzo@contoso.com', mfaState: 'Enforced' });
    const enzo = await t.ctx.stores.users.findByUpn('enzo@contoso.com');
    await addRegistration(t.ctx, enzo!.id, 'PhoneAppOTP', {
      ok: true,
      secret: SECRET,
      details: {},
    });
    t.clock.advance(1000); // audit entries below come after the users' creation
  });
  after(() => t.close());

  it('the admin never picks it: a long random one-time password, shown once, old password gone', async () => {
    const a = await resetPassword(t.ctx, cliActor(), 'dina@contoso.com');
    const b = await resetPassword(t.ctx, cliActor(), 'dina@contoso.com');
    assert.match(a.oneTimePassword, /^[A-Za-z2-9]{7}-[A-Za-z2-9]{7}-[A-Za-z2-9]{7}$/);
    assert.notEqual(a.oneTimePassword, b.oneTimePassword);
    assert.equal(b.user.mustChangePassword, true);
    const { html } = await signIn('dina@contoso.com', 'correct horse battery');
    assert.match(textOf(html), /incorrect/, 'the old password no longer works');
    const first = await signIn('dina@contoso.com', a.oneTimePassword);
    assert.match(textOf(first.html), /incorrect/, 'only the newest one-time password works');
    const audit = await t.ctx.stores.audit.list({ target: 'dina@contoso.com', limit: 5 });
    assert.equal(audit[0]?.action, 'password_reset');
    assert.ok(!JSON.stringify(audit).includes(b.oneTimePassword), 'never in the audit log');
  });

  it('signing in with it asks for a new password before the session starts; mistakes are explained', async () => {
    const { oneTimePassword } = await resetPassword(t.ctx, cliActor(), 'dina@contoso.com');
    const { b, html } = await signIn('dina@contoso.com', oneTimePassword);
    assert.match(textOf(html), /Choose a new password/);
    const page = await b.page('/signin/step');
    assert.doesNotMatch(textOf(page.html), /Sign out|My account/, 'not signed in yet');
    assert.match(textOf(page.html), /Choose a new password/);
    const mismatch = await b.submit('/signin/password', {
      password: 'brand new password 1',
      confirm: 'brand new password 2',
    });
    assert.match(textOf(mismatch.html), /The two passwords are not the same/);
    const same = await b.submit('/signin/password', {
      password: oneTimePassword,
      confirm: oneTimePassword,
    });
    assert.match(textOf(same.html), /other than the one-time password/);
    const short = await b.submit('/signin/password', { password: 'short', confirm: 'short' });
    assert.match(textOf(short.html), /8 to 256 characters/);
    const done = await b.submit('/signin/password', {
      password: 'brand new password 1',
      confirm: 'brand new password 1',
    });
    assert.match(textOf(done.html), /My account/);
    const user = await t.ctx.stores.users.findByUpn('dina@contoso.com');
    assert.equal(user?.must_change_password, 0);
    assert.match(textOf((await signIn('dina@contoso.com', oneTimePassword)).html), /incorrect/);
    assert.match(
      textOf((await signIn('dina@contoso.com', 'brand new password 1')).html),
      /My account/,
    );
  });

  it('an Enforced user proves the second factor first; only then chooses the password', async () => {
    const { oneTimePassword } = await resetPassword(t.ctx, cliActor(), 'enzo@contoso.com');
    const { b, html } = await signIn('enzo@contoso.com', oneTimePassword);
    assert.doesNotMatch(textOf(html), /Choose a new password/);
    const refused = await b.submit('/signin/password', {
      password: 'enzo new password',
      confirm: 'enzo new password',
    });
    assert.doesNotMatch(textOf(refused.html), /My account/, 'no skipping the second factor');
    assert.equal((await t.ctx.stores.users.findByUpn('enzo@contoso.com'))?.must_change_password, 1);
    t.clock.advance(60_000);
    const after = await b.submit('/signin/verify', { code: codeAt(SECRET, t.clock.now()) });
    assert.match(textOf(after.html), /Choose a new password/);
    const done = await b.submit('/signin/password', {
      password: 'enzo new password',
      confirm: 'enzo new password',
    });
    assert.match(textOf(done.html), /My account/);
    const audit = await t.ctx.stores.audit.list({ target: 'enzo@contoso.com', limit: 5 });
    assert.deepEqual(audit.map((a) => a.action).slice(0, 2), [
      'password_changed',
      'password_reset',
    ]);
  });
});
