import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../../src/errors.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { isRememberedDevice, rememberDevice } from '../../src/services/remembered-devices.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { resetPassword } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const PAGE = '/security-info/password';
const SECRET = 'JBSWY3DPEHPK3PXP';

describe('Security info → Password: the user changes their own password', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  const signIn = async (upn: string, password: string) => {
    const b = client();
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password });
    return { b, ...r };
  };
  const signsIn = async (upn: string, password: string) =>
    /My account/.test(textOf((await signIn(upn, password)).html));
  /** Opens the page and sends the form, returning the page that answers. */
  const change = async (b: FormClient, fields: Record<string, string>) => {
    const page = await b.page(PAGE);
    assert.match(textOf(page.html), /Change your password/);
    const res = await b.post(PAGE, fields);
    return { res, text: textOf(b.lastHtml) };
  };
  const hashOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.password_hash;
  const changes = async (upn: string) =>
    (await t.ctx.stores.audit.list({ target: upn, action: 'password_changed', limit: 10 })).map(
      (a) => JSON.parse(a.detail) as Record<string, unknown>,
    );

  before(async () => {
    t = await createTestApp();
    for (const upn of ['pat@contoso.com', 'quinn@contoso.com', 'rosa@contoso.com'])
      await t.addUser({ upn });
    await t.addUser({ upn: 'sam@contoso.com', mfaState: 'Enforced' });
    const sam = await t.ctx.stores.users.findByUpn('sam@contoso.com');
    await addRegistration(t.ctx, sam!.id, 'PhoneAppOTP', { ok: true, secret: SECRET, details: {} });
    t.clock.advance(1000);
  });
  after(() => t.close());

  it('needs a signed-in user and the form token', async () => {
    assert.equal((await client().get(PAGE)).status, 303);
    const { b } = await signIn('pat@contoso.com', PASSWORD);
    await b.page(PAGE);
    const res = await b.post(
      PAGE,
      { current: PASSWORD, password: 'a fresh long one', confirm: 'a fresh long one' },
      { csrf: false },
    );
    assert.equal(res.status, 403);
    assert.ok(await signsIn('pat@contoso.com', PASSWORD), 'nothing changed');
  });

  it('the page has the fields a password manager understands', async () => {
    const { b } = await signIn('pat@contoso.com', PASSWORD);
    const { html } = await b.page(PAGE);
    assert.match(html, /name="current"[^>]*autocomplete="current-password"/);
    assert.equal((html.match(/autocomplete="new-password"/g) ?? []).length, 2);
    assert.match(html, /minlength="8"/);
  });

  it('refuses a wrong current password with one plain message, and changes nothing', async () => {
    const { b } = await signIn('pat@contoso.com', PASSWORD);
    const before = await hashOf('pat@contoso.com');
    const { res, text } = await change(b, {
      current: 'not my password',
      password: 'a fresh long one',
      confirm: 'a fresh long one',
    });
    assert.equal(res.status, 401);
    assert.match(text, /The current password is not right/);
    assert.equal(await hashOf('pat@contoso.com'), before);
    assert.deepEqual(await changes('pat@contoso.com'), []);
    assert.ok(await signsIn('pat@contoso.com', PASSWORD));
    assert.ok(!(await signsIn('pat@contoso.com', 'a fresh long one')));
  });

  it('refuses common passwords (any case), short ones, mismatches and the current one', async () => {
    const { b } = await signIn('pat@contoso.com', PASSWORD);
    const before = await hashOf('pat@contoso.com');
    for (const common of ['password1', '123456789', 'qwertyuiop', 'PassWord1']) {
      const { res, text } = await change(b, {
        current: PASSWORD,
        password: common,
        confirm: common,
      });
      assert.equal(res.status, 400, common);
      assert.match(text, /This password is too common/, common);
    }
    const short = await change(b, { current: PASSWORD, password: 'abcdefg', confirm: 'abcdefg' });
    assert.equal(short.res.status, 400);
    assert.match(short.text, /8 to 256 characters/);
    const mismatch = await change(b, {
      current: PASSWORD,
      password: 'a fresh long one',
      confirm: 'a fresh long two',
    });
    assert.match(mismatch.text, /The two passwords are not the same/);
    const same = await change(b, { current: PASSWORD, password: PASSWORD, confirm: PASSWORD });
    assert.match(same.text, /other than your current one/);
    assert.equal(await hashOf('pat@contoso.com'), before);
    assert.deepEqual(await changes('pat@contoso.com'), []);
    assert.ok(await signsIn('pat@contoso.com', PASSWORD));
  });

  it('changes it: the old one stops, other sessions and remembered devices end, app passwords stay', async () => {
    const upn = 'quinn@contoso.com';
    const user = (await t.ctx.stores.users.findByUpn(upn))!;
    const here = await signIn(upn, PASSWORD);
    const elsewhere = await signIn(upn, PASSWORD);
    const device = await rememberDevice(t.ctx, user.id, { ip: null, userAgent: null }, 14);
    await createAppPassword(t.ctx, user.id, { name: 'Mail' });
    t.clock.advance(1000);

    // No composition rules: lower-case words alone are fine (NIST SP 800-63B).
    const { res, text } = await change(here.b, {
      current: PASSWORD,
      password: 'plain lower case words',
      confirm: 'plain lower case words',
    });
    assert.equal(res.status, 200);
    assert.match(text, /Your password was changed/);
    assert.doesNotMatch(text, /deletes app passwords/);

    assert.match(textOf((await here.b.page('/')).html), /My account/, 'this session stays');
    assert.doesNotMatch(
      textOf((await elsewhere.b.page('/')).html),
      /My account/,
      'the other session ended',
    );
    const fresh = (await t.ctx.stores.users.findByUpn(upn))!;
    assert.equal(fresh.must_change_password, 0);
    assert.equal(await isRememberedDevice(t.ctx, fresh, device.token), false);
    const devices = await t.ctx.db
      .selectFrom('remembered_devices')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(devices.length, 0);
    const apps = await t.ctx.db
      .selectFrom('app_passwords')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(apps.length, 1, 'app passwords are kept by default');
    assert.deepEqual(await changes(upn), [
      { by: 'user', sessionsEnded: 1, appPasswordsDeleted: 0 },
    ]);
    const entry = (await t.ctx.stores.audit.list({ target: upn, limit: 1 }))[0]!;
    assert.equal(entry.actor, upn);
    assert.ok(!entry.detail.includes('plain lower case words'), 'never in the audit log');

    assert.ok(!(await signsIn(upn, PASSWORD)), 'the old password no longer signs in');
    assert.ok(await signsIn(upn, 'plain lower case words'), 'the new one does');
  });

  it('deletes app passwords too when the organisation says so (and says so)', async () => {
    const upn = 'rosa@contoso.com';
    const user = (await t.ctx.stores.users.findByUpn(upn))!;
    await createAppPassword(t.ctx, user.id, { name: 'Mail' });
    await createAppPassword(t.ctx, user.id, { name: 'Calendar' });
    await updateServiceSettings(t.ctx, { passwordChangeRevokesAppPasswords: true });
    try {
      const { b } = await signIn(upn, PASSWORD);
      const { res, text } = await change(b, {
        current: PASSWORD,
        password: 'rosa picks a new one',
        confirm: 'rosa picks a new one',
      });
      assert.equal(res.status, 200);
      assert.match(text, /Your password was changed/);
      assert.match(text, /deletes app passwords when the password changes/);
    } finally {
      await updateServiceSettings(t.ctx, { passwordChangeRevokesAppPasswords: false });
    }
    const apps = await t.ctx.db
      .selectFrom('app_passwords')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    assert.equal(apps.length, 0);
    assert.deepEqual(await changes(upn), [
      { by: 'user', sessionsEnded: 0, appPasswordsDeleted: 2 },
    ]);
  });

  it('wrong current passwords are throttled like sign-in, on the same counter', async () => {
    const upn = 'pat@contoso.com';
    const { b } = await signIn(upn, PASSWORD);
    const wrong = { current: 'guess', password: 'a fresh long one', confirm: 'a fresh long one' };
    for (let i = 0; i < 5; i++) assert.equal((await change(b, wrong)).res.status, 401);
    const { res, text } = await change(b, { ...wrong, current: PASSWORD });
    assert.equal(res.status, 429, 'even the right one waits: no oracle');
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.match(text, /Too many wrong passwords/);
    assert.ok(!(await signsIn(upn, PASSWORD)), 'sign-in waits too');
    t.clock.advance(16 * 60_000);
    assert.ok(await signsIn(upn, PASSWORD));
  });

  it('a user with a second factor proves it again when the last proof is not fresh', async () => {
    const upn = 'sam@contoso.com';
    const b = client();
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    t.clock.advance(60_000);
    const signedIn = await b.submit('/signin/verify', { code: codeAt(SECRET, t.clock.now()) });
    assert.match(textOf(signedIn.html), /My account/);
    // Just signed in with MFA: the form is shown at once.
    assert.match(textOf((await b.page(PAGE)).html), /Change your password/);

    t.clock.advance(11 * 60_000);
    const asked = await b.page(PAGE);
    assert.match(textOf(asked.html), /Verify your identity/);
    assert.doesNotMatch(textOf(asked.html), /Change your password/);
    // Posting with the current password alone (a stolen session) changes nothing.
    const refused = await b.post(PAGE, {
      current: PASSWORD,
      password: 'sam new password',
      confirm: 'sam new password',
    });
    assert.equal(refused.status, 303);
    assert.deepEqual(await changes(upn), []);
    assert.match(textOf((await b.page(refused.headers.get('location')!)).html), /Verify/);

    t.clock.advance(60_000);
    const back = await b.submit('/signin/verify', { code: codeAt(SECRET, t.clock.now()) });
    assert.match(textOf(back.html), /Change your password/);
    const res = await b.post(PAGE, {
      current: PASSWORD,
      password: 'sam new password',
      confirm: 'sam new password',
    });
    assert.equal(res.status, 200);
    assert.match(textOf(b.lastHtml), /Your password was changed/);
    assert.equal((await changes(upn)).length, 1);
  });

  it('the forced change after an admin reset and user creation refuse common passwords too', async () => {
    const { oneTimePassword } = await resetPassword(t.ctx, cliActor(), 'rosa@contoso.com');
    const { b, html } = await signIn('rosa@contoso.com', oneTimePassword);
    assert.match(textOf(html), /Choose a new password/);
    const common = await b.submit('/signin/password', {
      password: 'password1',
      confirm: 'password1',
    });
    assert.match(textOf(common.html), /This password is too common/);
    assert.equal((await t.ctx.stores.users.findByUpn('rosa@contoso.com'))?.must_change_password, 1);
    const done = await b.submit('/signin/password', {
      password: 'rosa after the reset',
      confirm: 'rosa after the reset',
    });
    assert.match(textOf(done.html), /My account/);

    await assert.rejects(
      createUser(t.ctx, { upn: 'tom@contoso.com', password: 'Qwertyuiop' }),
      (e) => isAppError(e) && e.code === 'weak_password' && /too common/.test(e.message),
    );
  });
});
