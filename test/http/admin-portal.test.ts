import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';

/** Every visible form control has a label (wrapping <label>, or aria-label). */
function unlabelled(html: string): string[] {
  const out: string[] = [];
  let inLabel = 0;
  for (const m of html.matchAll(/<(\/?)(label|input|select|textarea)\b([^>]*)>/g)) {
    const [, close, tag, attrs] = m as unknown as [string, string, string, string];
    if (tag === 'label') inLabel += close ? -1 : 1;
    else if (!close && inLabel === 0) {
      if (/type="(hidden|submit)"/.test(attrs) || /aria-label="[^"]+"/.test(attrs)) continue;
      out.push(`<${tag}${attrs}>`);
    }
  }
  return out;
}

describe('admin portal', () => {
  let t: TestApp;
  let admin: FormClient;
  const signIn = async (upn: string) => {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    return b;
  };
  const idOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.id;
  const stateOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.mfa_state;

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'root@contoso.com', displayName: 'Root Admin', isAdmin: true });
    await t.addUser({ upn: 'boss@contoso.com', displayName: 'Boss Admin', isAdmin: true });
    await t.addUser({ upn: 'norm@contoso.com', displayName: 'Norm User' });
    for (let i = 0; i < 60; i++)
      await t.addUser({
        upn: `p${String(i).padStart(2, '0')}@fabrikam.com`,
        displayName: `Person ${i}`,
      });
    admin = await signIn('root@contoso.com');
  });
  after(() => t.close());

  it('sends someone signed out to sign in and back; a non-admin gets 403 and no data', async () => {
    const anon = new FormClient((req) => t.app.request(req));
    const res = await anon.get('/admin/users?q=p0');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/?rd=${encodeURIComponent('/admin/users?q=p0')}`);
    const norm = await signIn('norm@contoso.com');
    for (const path of [
      '/admin/users',
      '/admin/users/root@contoso.com',
      '/admin/settings',
      '/admin/methods-policy',
      '/admin/logs/audit',
    ]) {
      const { res: r, html } = await norm.page(path);
      assert.equal(r.status, 403, path);
      assert.doesNotMatch(html, /root@contoso\.com|Person 1/, path);
    }
    const post = await norm.post(
      '/admin/users/selected',
      { action: 'Disabled', users: 'root@contoso.com' },
      { csrf: false },
    );
    assert.equal(post.status, 403);
  });

  it('lists users with state, default method and last sign-in; searches, filters and pages', async () => {
    await addRegistration(t.ctx, await idOf('p01@fabrikam.com'), 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    const first = await admin.page('/admin/users');
    assert.equal(first.res.status, 200);
    const text = textOf(first.html);
    assert.match(text, /Display name User name MFA state Default method Last sign-in/);
    assert.match(text, /Person 1 p01@fabrikam\.com Disabled Authenticator app/);
    assert.deepEqual(unlabelled(first.html), []);
    const next = /href="(\/admin\/users\?cursor=[^"]+)"/.exec(first.html)?.[1];
    assert.ok(next, 'a next page link');
    const second = await admin.page(next!.replace(/&amp;/g, '&'));
    assert.match(textOf(second.html), /p59@fabrikam\.com/);
    assert.doesNotMatch(textOf(second.html), /p01@fabrikam\.com/);
    const search = textOf((await admin.page('/admin/users?q=PERSON%205')).html);
    assert.match(search, /p05@fabrikam\.com/);
    assert.match(search, /p55@fabrikam\.com/);
    assert.doesNotMatch(search, /p06@fabrikam\.com/);
    const admins = textOf((await admin.page('/admin/users?q=admin&state=Enforced')).html);
    assert.match(admins, /No users match/);
  });

  it('enforces selected users after a confirmation that warns about administrators; audited', async () => {
    await admin.page('/admin/users');
    const confirm = await admin.submit('/admin/users/selected', {
      action: 'Enforced',
      users: 'boss@contoso.com',
    });
    assert.match(textOf(confirm.html), /Please confirm/);
    assert.match(textOf(confirm.html), /includes administrators \(boss@contoso\.com\)/);
    assert.match(textOf(confirm.html), /password stops working in programs that cannot do MFA/);
    assert.equal(await stateOf('boss@contoso.com'), 'Disabled', 'nothing before confirming');
    const body = new URLSearchParams([
      ['_csrf', admin.csrf],
      ['action', 'Enforced'],
      ['users', 'boss@contoso.com'],
      ['users', 'p02@fabrikam.com'],
      ['confirm', 'yes'],
    ]);
    const res = await t.app.request('/admin/users/selected', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    assert.equal(res.status, 303);
    assert.equal(await stateOf('boss@contoso.com'), 'Enforced');
    assert.equal(await stateOf('p02@fabrikam.com'), 'Enforced');
    const audit = await t.ctx.stores.audit.list({
      target: 'p02@fabrikam.com',
      action: 'mfa_state_set',
      limit: 1,
    });
    assert.equal(audit[0]?.action, 'mfa_state_set');
    assert.equal(audit[0]?.actor, 'root@contoso.com');
  });

  /** Posts a form with repeated fields (several users) as `client`, returning the page. */
  const postPairs = async (
    client: FormClient,
    path: string,
    pairs: [string, string][],
    headers: Record<string, string> = {},
  ) => {
    const res = await t.app.request(path, {
      method: 'POST',
      body: new URLSearchParams([['_csrf', client.csrf], ...pairs]),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
      },
    });
    return { res, text: textOf(await res.text()) };
  };

  it('counts in good English: one user is, two users are; the list caption has no stray comma', async () => {
    await admin.page('/admin/users');
    await postPairs(admin, '/admin/users/selected', [
      ['action', 'Enforced'],
      ['users', 'p21@fabrikam.com'],
      ['confirm', 'yes'],
    ]);
    const list = textOf((await admin.page('/admin/users')).html);
    assert.match(list, /Users, by user name/);
    const { text } = await postPairs(admin, '/admin/users/selected', [
      ['action', 'Enforced'],
      ['users', 'p20@fabrikam.com'],
      ['users', 'p21@fabrikam.com'],
    ]);
    assert.match(text, /Enforce MFA for 2 users\./);
    assert.match(text, /1 of them is already in that state and stays as it is\./);
    assert.match(text, /Enforce 2 users Cancel/);
    const one = await admin.submit('/admin/users/p22@fabrikam.com/settings', {
      action: 'reset-methods',
    });
    assert.match(textOf(one.html), /Require 1 user to register their methods again\./);
    const done = await admin.page('/admin/users?done=Disabled&n=1');
    assert.match(textOf(done.html), /Done: 1 user disabled\./);
  });

  it('speaks German to an administrator whose browser asks for it (Accept-Language: de)', async () => {
    const german = (req: Request) => {
      req.headers.set('accept-language', 'de-DE,de;q=0.9,en;q=0.5');
      return t.app.request(req);
    };
    const de = new FormClient(german);
    await de.page('/');
    await de.submit('/signin', { username: 'root@contoso.com', password: PASSWORD });

    const users = await de.page('/admin/users');
    assert.equal(users.res.status, 200);
    assert.match(users.html, /<html lang="de">/);
    assert.match(users.html, /<title>Benutzer · Portcullis-Verwaltung<\/title>/);
    const text = textOf(users.html);
    assert.match(
      text,
      /Benutzer Gruppen Massenaktualisierung Diensteinstellungen Authentifizierungsmethoden Berichte Anmeldungen Überwachungsprotokoll API-Token Anwendungen Verzeichnis/,
      'the navigation',
    );
    assert.match(text, /Anzeigename Benutzername MFA-Status Standardmethode Letzte Anmeldung/);
    assert.match(text, /Person 1 p01@fabrikam\.com Deaktiviert Authenticator-App/);
    assert.match(text, /Mit den ausgewählten Benutzern Aktivieren Erzwingen Deaktivieren/);
    assert.deepEqual(unlabelled(users.html), []);

    const user = textOf((await de.page('/admin/users/p03@fabrikam.com')).html);
    for (const part of [
      'Überprüfungsmethoden',
      'Gespeicherte Geräte',
      'Benutzereinstellungen verwalten',
      'Letzte Anmeldungen',
      'Kennwort zurücksetzen…',
    ])
      assert.match(user, new RegExp(part));

    const { text: confirm } = await postPairs(
      de,
      '/admin/users/selected',
      [
        ['action', 'Enforced'],
        ['users', 'p20@fabrikam.com'],
        ['users', 'p21@fabrikam.com'],
      ],
      { 'accept-language': 'de' },
    );
    assert.match(confirm, /Bitte bestätigen/);
    assert.match(confirm, /MFA für 2 Benutzer erzwingen\./);
    assert.match(confirm, /1 davon hat diesen Status bereits und bleibt unverändert\./);
    assert.match(confirm, /derzeit Erzwungen/);

    const settings = await de.page('/admin/settings');
    assert.match(settings.html, /<html lang="de">/);
    assert.match(
      textOf(settings.html),
      /Diensteinstellungen .*Vertrauenswürdige IPs .*Verdächtige Aktivität melden/,
    );
    for (const path of [
      '/admin/groups',
      '/admin/bulk',
      '/admin/logs/audit',
      '/admin/tokens',
      '/admin/apps',
    ])
      assert.match((await de.page(path)).html, /<html lang="de">/, path);
    assert.match(textOf((await de.page('/admin/logs/signins')).html), /Anmeldungen .*Filtern/);

    // With no Accept-Language, the portal stays English.
    assert.match((await admin.page('/admin/users')).html, /<html lang="en">/);
    // A non-administrator is refused in German too.
    const norm = new FormClient(german);
    await norm.page('/');
    await norm.submit('/signin', { username: 'norm@contoso.com', password: PASSWORD });
    const refused = await norm.page('/admin/users');
    assert.equal(refused.res.status, 403);
    assert.match(textOf(refused.html), /Das Verwaltungsportal ist Administratoren vorbehalten/);
  });

  it('refuses an action named after an Object.prototype member; a ?done= naming none shows no notice', async () => {
    for (const action of ['valueOf', 'constructor', 'toString', '__proto__']) {
      await admin.page('/admin/users');
      const res = await admin.post('/admin/users/selected', {
        action,
        users: 'norm@contoso.com',
        confirm: 'yes',
      });
      assert.equal(res.status, 400, action);
      assert.match(textOf(admin.lastHtml), /Choose one of the actions/, action);
    }
    assert.equal(await stateOf('norm@contoso.com'), 'Disabled');
    for (const path of [
      '/admin/users?done=constructor',
      '/admin/users/norm@contoso.com?done=valueOf',
      '/admin/users/norm@contoso.com?done=constructor',
    ]) {
      const { res, html } = await admin.page(path);
      assert.equal(res.status, 200, path);
      assert.doesNotMatch(html, /class="notice"/, path);
    }
  });

  it('shows a user page; blocks after confirming; resets the password showing it once', async () => {
    const id = await idOf('p03@fabrikam.com');
    await addRegistration(t.ctx, id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    await createAppPassword(t.ctx, id, { name: 'Thunderbird' });
    const page = await admin.page('/admin/users/p03@fabrikam.com');
    const text = textOf(page.html);
    for (const part of [
      'Details',
      'Verification methods',
      'Authenticator app',
      'App passwords',
      'Thunderbird',
      'Remembered devices',
      'No device skips MFA',
      'Manage user settings',
      'Recent sign-ins',
    ])
      assert.match(text, new RegExp(part));
    assert.deepEqual(unlabelled(page.html), []);
    const ask = await admin.submit('/admin/users/p03@fabrikam.com/block', {});
    assert.match(textOf(ask.html), /will not be able to sign in anywhere/);
    assert.equal((await t.ctx.stores.users.findById(id))!.blocked, 0);
    const done = await admin.submit('/admin/users/p03@fabrikam.com/block', { confirm: 'yes' });
    assert.match(textOf(done.html), /Sign-in is blocked/);
    assert.equal((await t.ctx.stores.users.findById(id))!.blocked, 1);
    await admin.submit('/admin/users/p03@fabrikam.com/reset-password', {});
    const reset = await admin.submit('/admin/users/p03@fabrikam.com/reset-password', {
      confirm: 'yes',
    });
    const otp = /id="otp-value">([^<]+)</.exec(reset.html)?.[1];
    assert.equal(reset.res.headers.get('cache-control'), 'no-store', 'never cached');
    assert.ok(
      otp &&
        (await t.ctx.hasher.verify((await t.ctx.stores.users.findById(id))!.password_hash, otp)),
    );
    assert.doesNotMatch(
      (await admin.page('/admin/users/p03@fabrikam.com')).html,
      new RegExp(otp!),
      'shown once',
    );
  });

  it('Temporary Access Pass: issued after confirming, shown once, then revoked; none where the policy gives none', async () => {
    const { changeMethodPolicy } = await import('../../src/services/methods-policy.ts');
    const { temporaryAccessPassOf } = await import('../../src/services/temporary-access-pass.ts');
    const before = await admin.page('/admin/users/p06@fabrikam.com');
    assert.match(textOf(before.html), /doesn't give this user Temporary Access Passes/);
    assert.doesNotMatch(before.html, /action="[^"]*\/pass"/, 'no form to issue one');
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { enabled: true });
    const page = await admin.page('/admin/users/p06@fabrikam.com');
    assert.deepEqual(unlabelled(page.html), []);
    assert.match(
      page.html,
      /<option value="60" selected="">1 hour<\/option>/,
      'the policy’s default',
    );
    assert.doesNotMatch(page.html, /<option value="1440"/, 'nothing beyond the longest (8 hours)');
    const ask = await admin.submit('/admin/users/p06@fabrikam.com/pass', {
      lifetime: '480',
      oneTime: 'on',
    });
    assert.match(textOf(ask.html), /lets Person 6 sign in and register verification methods/);
    assert.equal(
      await temporaryAccessPassOf(t.ctx, 'p06@fabrikam.com'),
      null,
      'not before confirming',
    );
    const done = await admin.submit('/admin/users/p06@fabrikam.com/pass', {
      lifetime: '480',
      oneTime: 'on',
      confirm: 'yes',
    });
    const pass = /id="pass-value">([^<]+)</.exec(done.html)?.[1];
    assert.ok(pass && pass.length === 8, done.html.slice(0, 200));
    assert.equal(done.res.headers.get('cache-control'), 'no-store', 'never cached');
    const stored = (await temporaryAccessPassOf(t.ctx, 'p06@fabrikam.com'))!;
    assert.equal(stored.lifetimeMinutes, 480);
    assert.equal(stored.oneTime, true);
    const after = await admin.page('/admin/users/p06@fabrikam.com');
    assert.doesNotMatch(after.html, new RegExp(pass), 'shown once');
    assert.match(textOf(after.html), /A one-time pass is active until/);
    await admin.submit('/admin/users/p06@fabrikam.com/pass/revoke', {});
    const revoked = await admin.submit('/admin/users/p06@fabrikam.com/pass/revoke', {
      confirm: 'yes',
    });
    assert.match(textOf(revoked.html), /The pass was revoked/);
    assert.equal(await temporaryAccessPassOf(t.ctx, 'p06@fabrikam.com'), null);
    const audit = textOf((await admin.page('/admin/logs/audit?action=tap_created')).html);
    assert.match(audit, /Temporary Access Pass created/);
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { enabled: false });
  });

  it('manage user settings: require re-registration removes the methods after confirming', async () => {
    const id = await idOf('p04@fabrikam.com');
    await addRegistration(t.ctx, id, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    await admin.page('/admin/users/p04@fabrikam.com');
    const ask = await admin.submit('/admin/users/p04@fabrikam.com/settings', {
      action: 'reset-methods',
    });
    assert.match(textOf(ask.html), /register again at next sign-in/);
    assert.equal((await t.ctx.stores.methods.listForUser(id)).length, 1);
    await admin.submit('/admin/users/p04@fabrikam.com/settings', {
      action: 'reset-methods',
      confirm: 'yes',
    });
    assert.equal((await t.ctx.stores.methods.listForUser(id)).length, 0);
  });

  it('manage user settings: a locked-out user is shown as such and unlocked after confirming', async () => {
    const lock = { free: 1, lockAt: 1, resetAfterMs: null };
    const key = { key: 'password:p05@fabrikam.com', subject: 'p05@fabrikam.com', rule: lock };
    await t.ctx.stores.limits.reserve([key], t.clock.now());
    const before = await admin.page('/admin/users/p05@fabrikam.com');
    assert.match(textOf(before.html), /Too many failed passwords or codes/);
    const ask = await admin.submit('/admin/users/p05@fabrikam.com/settings', {
      action: 'unlock-signin',
    });
    assert.match(textOf(ask.html), /including a lock after 100 consecutive failures/);
    assert.equal((await t.ctx.stores.limits.reserve([key], t.clock.now())).size, 0, 'still locked');
    const done = await admin.submit('/admin/users/p05@fabrikam.com/settings', {
      action: 'unlock-signin',
      confirm: 'yes',
    });
    assert.doesNotMatch(textOf(done.html), /Too many failed passwords or codes/);
    assert.equal((await t.ctx.stores.limits.reserve([key], t.clock.now())).size, 1, 'open again');
  });

  it('service settings: saves valid values; a bad range or day count is explained and nothing is saved', async () => {
    const page = await admin.page('/admin/settings');
    assert.deepEqual(unlabelled(page.html), []);
    const base = {
      appPasswordsAllowed: 'on',
      rememberDevicesEnabled: 'on',
      rememberDevicesDays: '30',
      proofupGraceDays: '7',
      trustedIps: '10.0.0.0/8\n2001:DB8::/32',
      namedLocations: '10.1.0.0/16 Prague office\r\n\r\n 2001:DB8::/48   Brno lab ',
      fraudAlertEnabled: 'on',
      highRiskAction: 'changePassword',
      passwordlessSignin: 'on',
      mailOnMethodChange: 'on',
      pushFatigueLimit: '4',
      pushFatigueMinutes: '30',
      phoneCodeMinutes: '5',
      callTimeoutSeconds: '60',
      sendLimitPerUser: '5',
      sendLimitPerNumber: '5',
      sendLimitPerAddress: '20',
    };
    const saved = await admin.submit('/admin/settings', base);
    assert.match(textOf(saved.html), /Settings saved/);
    const s = (await t.ctx.stores.settings.get('service')) as Record<string, unknown>;
    assert.deepEqual(s.trustedIps, ['10.0.0.0/8', '2001:db8::/32']);
    assert.deepEqual(s.namedLocations, ['10.1.0.0/16 Prague office', '2001:db8::/48 Brno lab']);
    assert.match(
      textOf((await admin.page('/admin/settings')).html),
      /10\.1\.0\.0\/16 Prague office\s+2001:db8::\/48 Brno lab/,
    );
    assert.equal(s.rememberDevicesDays, 30);
    assert.equal(s.passwordlessSignin, true);
    // Email notices: a box left unticked turns that notice off.
    assert.deepEqual(
      [s.mailOnMethodChange, s.mailOnAppPassword, s.mailOnPasswordChange],
      [true, false, false],
    );
    assert.equal(s.pushFatigueLimit, 4);
    assert.equal(s.pushFatigueMinutes, 30);
    assert.equal(s.highRiskAction, 'changePassword');
    assert.equal(s.blockOnFraud, false, 'the older switch follows the action');
    assert.match(
      (await admin.page('/admin/settings')).html,
      /<option value="changePassword" selected="">/,
    );
    for (const [field, value, why] of [
      ['highRiskAction', 'explode', /block, changePassword, reregister or none/],
      ['pushFatigueLimit', '0', /1 to 20 unwanted/],
      ['trustedIps', '10.0.0.0/33', /not an IP range/],
      ['namedLocations', '10.1.0.0/16', /"10\.1\.0\.0\/16" has no name/],
      ['namedLocations', '10.1.0.0/33 Prague office', /not an IP range/],
      ['rememberDevicesDays', '0', /1 to 365 days/],
      ['rememberDevicesDays', '366', /1 to 365 days/],
      ['phoneCodeMinutes', 'five', /whole number/],
    ] as const) {
      const bad = await admin.submit('/admin/settings', { ...base, [field]: value });
      assert.equal(bad.res.status, 400, `${field}=${value}`);
      assert.match(textOf(bad.html), why);
      assert.match(textOf(bad.html), /Not saved/);
    }
    const after = (await t.ctx.stores.settings.get('service')) as Record<string, unknown>;
    assert.deepEqual(after, s, 'nothing changed');
  });

  it('methods policy: each method for all users or chosen groups, with its options; a mistake is explained and nothing is saved', async () => {
    const { createGroup } = await import('../../src/services/groups.ts');
    const { getMethodsPolicy } = await import('../../src/services/methods-policy.ts');
    const { getServiceSettings } = await import('../../src/services/settings.ts');
    const system = { name: 'system', ip: null };
    const engineering = await createGroup(t.ctx, system, { displayName: 'Engineering' });
    await createGroup(t.ctx, system, { displayName: 'Contractors' });
    const allowedBefore = (await getServiceSettings(t.ctx)).allowedMethods;
    // The settings page points here instead of listing methods; saving it changes none.
    const settings = await admin.page('/admin/settings');
    assert.match(settings.html, /href="\/admin\/methods-policy"/);
    assert.doesNotMatch(settings.html, /name="allowedMethods"/);

    const list = await admin.page('/admin/methods-policy');
    assert.equal(list.res.status, 200);
    const rows = textOf(list.html);
    for (const name of ['Text messages (SMS)', 'Passkeys', 'Temporary Access Pass'])
      assert.match(rows, new RegExp(name.replace(/[()]/g, '\\$&')), name);
    const form = await admin.page('/admin/methods-policy/passkey');
    assert.deepEqual(unlabelled(form.html), []);
    for (const m of ['sms', 'voice']) {
      const f = await admin.page(`/admin/methods-policy/${m}`);
      assert.deepEqual(unlabelled(f.html), [], m);
    }

    const saved = await admin.submit('/admin/methods-policy/passkey', {
      enabled: 'on',
      target: 'groups',
      include: 'Engineering\r\n',
      exclude: 'Contractors',
      allowedAaguids: 'EE882879-721C-4913-9775-3DFCCE97072A',
    });
    assert.match(textOf(saved.html), /Saved/);
    let policy = await getMethodsPolicy(t.ctx);
    assert.deepEqual(policy.passkey.include, [engineering.id], 'kept by id');
    assert.equal(policy.passkey.exclude.length, 1);
    assert.deepEqual(policy.passkey.allowedAaguids, ['ee882879-721c-4913-9775-3dfcce97072a']);
    const row = /<tr id="method-passkey">[\s\S]*?<\/tr>/.exec(saved.html)![0];
    assert.match(textOf(row), /Passkeys On Engineering Contractors 1 authenticator model/);
    // The form shows the groups by name.
    assert.match(
      (await admin.page('/admin/methods-policy/passkey')).html,
      />Engineering<\/textarea>/,
    );

    // Texts for recovery only; calls to the mobile phone only.
    await admin.submit('/admin/methods-policy/sms', { enabled: 'on', target: 'all' });
    await admin.submit('/admin/methods-policy/voice', {
      enabled: 'on',
      target: 'all',
      phones: 'mobile',
    });
    policy = await getMethodsPolicy(t.ctx);
    assert.equal(policy.sms.useForSignIn, false);
    assert.deepEqual(policy.voice.phones, ['mobile']);

    for (const [method, fields, why] of [
      [
        'passkey',
        { enabled: 'on', target: 'groups', include: 'Nobody here' },
        /no group "Nobody here"/,
      ],
      ['voice', { enabled: 'on', target: 'all' }, /at least one kind of phone/],
      ['passkey', { enabled: 'on', target: 'all', allowedAaguids: 'yubikey' }, /8-4-4-4-12/],
      // This app has no roots to check attestations against.
      [
        'passkey',
        { enabled: 'on', target: 'all', attestationRequired: 'on' },
        /PORTCULLIS_PASSKEY_ATTESTATION_ROOTS/,
      ],
    ] as const) {
      const bad = await admin.submit(`/admin/methods-policy/${method}`, fields);
      assert.equal(bad.res.status, 400, method);
      assert.match(textOf(bad.html), /Not saved/);
      assert.match(textOf(bad.html), why);
    }
    assert.deepEqual(await getMethodsPolicy(t.ctx), policy, 'nothing changed');
    // A Temporary Access Pass's options: set together, so the default may follow a lower longest.
    const passPage = await admin.page('/admin/methods-policy/temporaryAccessPass');
    assert.deepEqual(unlabelled(passPage.html), []);
    const passForm = {
      enabled: 'on',
      target: 'all',
      defaultLifetimeMinutes: '30',
      maxLifetimeMinutes: '120',
      defaultLength: '12',
      oneTimeOnly: 'on',
    };
    const bad = await admin.submit('/admin/methods-policy/temporaryAccessPass', {
      ...passForm,
      maxLifetimeMinutes: '5',
    });
    assert.equal(bad.res.status, 400);
    assert.match(textOf(bad.html), /10 minutes to 30 days/);
    assert.match(bad.html, /name="maxLifetimeMinutes" value="5"/, 'what was typed, shown again');
    const passSaved = await admin.submit('/admin/methods-policy/temporaryAccessPass', passForm);
    assert.match(
      textOf(/<tr id="method-temporaryAccessPass">[\s\S]*?<\/tr>/.exec(passSaved.html)![0]),
      /30 min by default, 120 min at most; 12 characters; one sign-in each/,
    );
    const pass = (await getMethodsPolicy(t.ctx)).temporaryAccessPass;
    assert.deepEqual(
      [pass.defaultLifetimeMinutes, pass.maxLifetimeMinutes, pass.defaultLength, pass.oneTimeOnly],
      [30, 120, 12, true],
    );
    await admin.submit('/admin/methods-policy/temporaryAccessPass', {
      target: 'all',
      defaultLifetimeMinutes: '60',
      maxLifetimeMinutes: '480',
      defaultLength: '8',
    });
    policy = await getMethodsPolicy(t.ctx);
    // The registration campaign: its options, and how many users it is for.
    const norm = (await t.ctx.stores.users.findByUpn('norm@contoso.com'))!;
    await addRegistration(t.ctx, norm.id, 'OneWaySMS', {
      ok: true,
      secret: '+420601000222',
      details: { masked: '+••••••••••22' },
    });
    const campaignPage = await admin.page('/admin/methods-policy/registrationCampaign');
    assert.deepEqual(unlabelled(campaignPage.html), []);
    assert.match(textOf(campaignPage.html), /1 user still relies on text messages or calls alone/);
    const campaignForm = {
      enabled: 'on',
      target: 'all',
      methods: ['passkey'],
      snoozeDays: '3',
      snoozeLimit: '2',
    };
    const badCampaign = await admin.submit('/admin/methods-policy/registrationCampaign', {
      ...campaignForm,
      snoozeDays: '15',
    });
    assert.equal(badCampaign.res.status, 400);
    assert.match(textOf(badCampaign.html), /Snooze for 0 to 14 days/);
    const campaignSaved = await admin.submit(
      '/admin/methods-policy/registrationCampaign',
      campaignForm,
    );
    assert.match(
      textOf(/<tr id="method-registrationCampaign">[\s\S]*?<\/tr>/.exec(campaignSaved.html)![0]),
      /Registration campaign On All users — a passkey; asked again after 3 days; “Not now” 2 times/,
    );
    assert.match(textOf(campaignSaved.html), /1 user still relies on text messages or calls alone/);
    assert.deepEqual(
      (({ enabled, snoozeDays, snoozeLimit, methods }) => ({
        enabled,
        snoozeDays,
        snoozeLimit,
        methods,
      }))((await getMethodsPolicy(t.ctx)).registrationCampaign),
      { enabled: true, snoozeDays: 3, snoozeLimit: 2, methods: ['passkey'] },
    );
    await admin.submit('/admin/methods-policy/registrationCampaign', {
      ...campaignForm,
      enabled: '',
    });
    policy = await getMethodsPolicy(t.ctx);
    assert.equal((await admin.page('/admin/methods-policy/fido')).res.status, 404);
    const audit = textOf(
      (await admin.page('/admin/logs/audit?action=methods_policy_changed')).html,
    );
    assert.match(audit, /Authentication methods policy changed/);

    // Back as it was, for the other tests.
    await admin.submit('/admin/methods-policy/passkey', { enabled: 'on', target: 'all' });
    await admin.submit('/admin/methods-policy/sms', {
      enabled: 'on',
      target: 'all',
      useForSignIn: 'on',
    });
    await admin.submit('/admin/methods-policy/voice', {
      enabled: 'on',
      target: 'all',
      phones: ['mobile', 'alternateMobile', 'office'],
    });
    assert.deepEqual((await getServiceSettings(t.ctx)).allowedMethods, allowedBefore);
  });

  it('logs: sign-ins and audit events with filters and a CSV export', async () => {
    const signins = textOf(
      (await admin.page('/admin/logs/signins?user=root@contoso.com&result=success')).html,
    );
    assert.match(signins, /root@contoso\.com success/);
    const csv = await admin.get('/admin/logs/audit.csv?action=mfa_state_set');
    assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
    const lines = (await csv.text()).trim().split('\n');
    assert.equal(lines[0], 'Time,Actor,IP address,Action,User,Detail');
    assert.ok(lines.some((l) => l.includes('p02@fabrikam.com')));
    assert.ok(lines.slice(1).every((l) => l.includes('mfa_state_set')));
    const bad = await admin.page('/admin/logs/audit?since=yesterday-ish');
    assert.equal(bad.res.status, 400);
    assert.match(textOf(bad.html), /is not a time/);
  });

  it('logs in words: actions and details named, times local, applications by name, methods by label', async () => {
    const { createLegacyApp } = await import('../../src/services/applications.ts');
    const { updateServiceSettings } = await import('../../src/services/settings.ts');
    const app = await createLegacyApp(t.ctx, { name: 'Mail server' });
    const norm = await idOf('norm@contoso.com');
    await createAppPassword(
      t.ctx,
      norm,
      { name: 'Phone mail', scopes: [app.id], expiresAt: Date.parse('2027-01-31T10:00:00Z') },
      { actor: { name: 'root@contoso.com', ip: null }, upn: 'norm@contoso.com' },
    );
    await updateServiceSettings(
      t.ctx,
      { pushFatigueMinutes: 17 },
      { name: 'root@contoso.com', ip: null },
    );
    // (Filtered: every event of this test app has the same time.)
    const audit = await admin.page('/admin/logs/audit?action=app_password_created');
    const text = textOf(audit.html);
    assert.match(text, /App password created/, 'the action in words');
    const rows = audit.html.slice(audit.html.indexOf('<tbody>'));
    assert.doesNotMatch(rows, /app_password_created|\{"name"/, 'not its id, nor JSON');
    assert.match(text, /Applications ?: Mail server/, 'an application by name');
    assert.match(
      audit.html,
      /Expires<\/span>: <time datetime="2027-01-31T10:00:00.000Z" data-local/,
      'a moment, not milliseconds',
    );
    const settings = textOf((await admin.page('/admin/logs/audit?action=settings_changed')).html);
    assert.match(settings, /Push fatigue minutes ?: \d+ → 17/, 'a change as before → after');
    assert.match(audit.html, /<script src="\/static\/local-time.js"/);

    const { recordSignin } = await import('../../src/flows/signin-log.ts');
    await recordSignin(t.ctx, {
      upn: 'norm@contoso.com',
      userId: norm,
      result: 'success',
      reason: 'app password "Phone mail"',
      method: 'PhoneAppOTP',
      client: { ip: '192.0.2.1', userAgent: null, application: app.id },
      front: 'ldap',
    });
    const signins = textOf((await admin.page('/admin/logs/signins?user=norm@contoso.com')).html);
    assert.match(signins, /Mail server/, 'the application by name');
    assert.doesNotMatch(signins, new RegExp(app.id), 'not its id');
    assert.match(signins, /Authenticator app/, 'the method by its label');
  });

  it('branding: the name, help and logo are saved from the portal (post/redirect/get) and bad input is explained', async () => {
    const form = await admin.page('/admin/settings/branding');
    assert.match(textOf(form.html), /Organisation name/);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = async (fields: Record<string, string>, file?: Buffer) => {
      const body = new FormData();
      body.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(admin.lastHtml)![1]!);
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      if (file)
        body.set('logo', new Blob([new Uint8Array(file)], { type: 'image/png' }), 'logo.png');
      return t.app.request('/admin/settings/branding', {
        method: 'POST',
        body,
        headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
    };
    const bad = await upload({ organizationName: 'Contoso', helpUrl: 'javascript:alert(1)' });
    assert.equal(bad.status, 400);
    assert.match(textOf(await bad.text()), /A help link starts with https:/);
    const { getServiceSettings } = await import('../../src/services/settings.ts');
    t.ctx.cache.forget('settings');
    assert.equal((await getServiceSettings(t.ctx)).organizationName, '', 'nothing saved');
    const ok = await upload(
      { organizationName: 'Contoso', helpText: 'Call 555 0100.', helpUrl: 'tel:+15550100' },
      png,
    );
    assert.equal(ok.status, 303, 'post/redirect/get');
    t.ctx.cache.forget('settings');
    const saved = await getServiceSettings(t.ctx);
    assert.deepEqual(
      [
        saved.organizationName,
        saved.helpText,
        saved.helpUrl,
        saved.logo.startsWith('data:image/png;base64,'),
      ],
      ['Contoso', 'Call 555 0100.', 'tel:+15550100', true],
    );
    const notPng = await upload(
      { organizationName: 'Contoso' },
      Buffer.from('<svg onload=alert(1)>'),
    );
    assert.equal(notPng.status, 400);
    assert.match(textOf(await notPng.text()), /A logo is a PNG, JPEG, GIF or WebP image/);
    const { updateServiceSettings } = await import('../../src/services/settings.ts');
    await updateServiceSettings(t.ctx, {
      organizationName: '',
      helpText: '',
      helpUrl: '',
      logo: '',
    });
  });

  it('API tokens: created and shown once, revoked after confirming', async () => {
    await admin.page('/admin/tokens');
    const sent = await admin.post('/admin/tokens', { name: 'reporting', scope: 'read' });
    assert.equal(sent.status, 303, 'post/redirect/get');
    const created = await admin.page(sent.headers.get('location')!);
    const token = /id="token-value">([^<]+)</.exec(created.html)?.[1];
    assert.match(token ?? '', /^pcl_/);
    const reloaded = await admin.page(sent.headers.get('location')!);
    assert.ok(!reloaded.html.includes(token!), 'a reload shows it no more');
    const named = await t.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'reporting')
      .execute();
    assert.equal(named.length, 1, 'and makes no second one');
    const api = await t.app.request('/api/v1/users?limit=1', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(api.status, 200);
    const id = (await t.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', 'reporting')
      .executeTakeFirst())!.id;
    const ask = await admin.submit(`/admin/tokens/${id}/revoke`, {});
    assert.match(textOf(ask.html), /stop working at once/);
    await admin.submit(`/admin/tokens/${id}/revoke`, { confirm: 'yes' });
    const after = await t.app.request('/api/v1/users?limit=1', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(after.status, 401);
  });

  it('bulk update: preview with per-row errors changes nothing; applying changes only the good rows', async () => {
    await admin.page('/admin/bulk');
    const csv =
      '\uFEFFUsername,MFA Status\r\np10@fabrikam.com,Enforced\r\np11@fabrikam.com,enabled\r\nghost@fabrikam.com,Enforced\r\np12@fabrikam.com,Sometimes\r\np13@fabrikam.com,Enabled\r\np13@fabrikam.com,Enforced\r\n';
    const form = new FormData();
    form.set('_csrf', admin.csrf);
    form.set('file', new File([csv], 'mfa.csv', { type: 'text/csv' }));
    const preview = await t.app.request('/admin/bulk', {
      method: 'POST',
      body: form,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const html = await preview.text();
    const text = textOf(html);
    assert.match(text, /2 will change/);
    assert.match(text, /4 with errors/);
    assert.match(text, /4 ghost@fabrikam\.com — Enforced Error: unknown user/);
    assert.match(text, /5 p12@fabrikam\.com Disabled — Error: "Sometimes" is not an MFA state/);
    assert.match(text, /duplicate row: this user is on lines 6, 7/);
    assert.equal(await stateOf('p10@fabrikam.com'), 'Disabled', 'the preview changes nothing');
    const hidden = /name="csv" value="([^"]*)"/
      .exec(html)![1]!
      .replace(/&#13;/g, '\r')
      .replace(/&#10;/g, '\n')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    admin.lastHtml = html;
    const applied = await admin.post('/admin/bulk/apply', { csv: hidden });
    const result = textOf(await applied.text());
    assert.match(result, /2 changed/);
    assert.match(result, /4 with errors, not applied/);
    assert.match(result, /Writing changes: 100%/);
    assert.equal(await stateOf('p10@fabrikam.com'), 'Enforced');
    assert.equal(await stateOf('p11@fabrikam.com'), 'Enabled');
    assert.equal(await stateOf('p12@fabrikam.com'), 'Disabled');
    assert.equal(await stateOf('p13@fabrikam.com'), 'Disabled');
  });
});
