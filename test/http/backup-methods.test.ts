// Recovery codes are never a user's only method (issue 15, finding 6): a
// method with `standalone: false` backs up another. Whatever the order of
// deletions, and whoever deletes (the user in security info, an administrator
// in the portal, the API or the CLI, two requests at once), the last method
// that works on its own is not deleted while a backup remains, the default is
// always a method that works on its own, and "Make default" cannot pick a backup.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { methods } from '../../src/methods/index.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { deleteMethod, setDefaultMethod } from '../../src/services/user-settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { onPostgres } from '../helpers/db.ts';
import { codeAt } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The backup methods, from the registry (today: recovery codes). */
const BACKUPS = methods.filter((m) => m.standalone === false).map((m) => m.id);
const BACKUP = BACKUPS[0]!;

describe(`backup methods are never all that is left (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let token: string;
  const client = () => new FormClient((req) => t.app.request(req));

  const userOf = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!;
  const methodsOf = async (upn: string) => t.ctx.stores.methods.listForUser((await userOf(upn)).id);
  const idOf = async (upn: string, type: string) =>
    (await methodsOf(upn)).find((m) => m.method_type === type)!.id;
  const summary = async (upn: string) =>
    (await methodsOf(upn)).map((m) => `${m.method_type}${m.is_default ? '*' : ''}`).sort();

  /**
   * A user with these methods, registered one after another in this order
   * (the first is the default): an authenticator app, a text-message number,
   * recovery codes.
   */
  async function userWith(
    upn: string,
    types: readonly string[],
    mfaState: 'Disabled' | 'Enforced' = 'Enforced',
  ) {
    await t.addUser({ upn, mfaState });
    const user = await userOf(upn);
    for (const type of types) {
      await addRegistration(t.ctx, user.id, type, {
        ok: true,
        // The phone method keeps the number as its (sealed) secret.
        secret: type === 'PhoneAppOTP' ? SECRET : type === 'OneWaySMS' ? '+420601000111' : null,
        details: type === 'OneWaySMS' ? { masked: '+••••••••••11' } : {},
      });
      t.clock.advance(1000);
    }
  }

  /** Signs in with the authenticator app (a fresh second factor, so changes are not asked for again). */
  async function signIn(upn: string) {
    const b = client();
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    if (/name="code"/.test(b.lastHtml)) {
      t.clock.advance(30_000);
      const form = /<form method="post" action="(\/signin\/verify[^"]*)"/.exec(b.lastHtml);
      await b.submit(form ? form[1]!.replace(/&amp;/g, '&') : '/signin/verify', {
        code: codeAt(SECRET, t.clock.now()),
      });
    }
    assert.match(textOf((await b.page('/')).html), /My account/);
    return b;
  }

  /** Posts a change in security info, proving a second factor first if asked (a step-up). */
  async function change(b: FormClient, path: string) {
    await b.page('/'); // for a CSRF token (the sign-out form)
    const res = await b.post(path, {});
    if (res.headers.get('location') !== '/signin/step') return res;
    await b.page('/signin/step');
    t.clock.advance(30_000);
    await b.submit(
      /<form method="post" action="([^"]+)"/.exec(b.lastHtml)![1]!.replace(/&amp;/g, '&'),
      {
        code: codeAt(SECRET, t.clock.now()),
      },
    );
    await b.page('/');
    return b.post(path, {});
  }
  const deleteOwn = (b: FormClient, id: string) => change(b, `/security-info/methods/${id}/delete`);

  const api = (method: string, path: string) =>
    t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'tests' })).token;
    assert.ok(BACKUPS.includes('RecoveryCode'), 'recovery codes back up another method');
  });
  after(() => t.close());

  it('security info: the last real method is not deleted while recovery codes remain, and says why', async () => {
    await userWith('ana@contoso.com', ['PhoneAppOTP', BACKUP]);
    const b = await signIn('ana@contoso.com');
    const res = await deleteOwn(b, await idOf('ana@contoso.com', 'PhoneAppOTP'));
    assert.equal(res.status, 409);
    const text = textOf(b.lastHtml);
    assert.match(text, /Recovery codes only back up another method/);
    assert.match(text, /Add another method first, or delete Recovery codes/);
    assert.deepEqual(await summary('ana@contoso.com'), ['PhoneAppOTP*', BACKUP].sort());
    // The other way round is fine: the codes go, the app stays.
    const gone = await deleteOwn(b, await idOf('ana@contoso.com', BACKUP));
    assert.equal(gone.status, 303);
    assert.deepEqual(await summary('ana@contoso.com'), ['PhoneAppOTP*'].sort());
  });

  it('security info: also for a user whose MFA is Disabled (the codes alone would be their method later)', async () => {
    await userWith('ben@contoso.com', ['PhoneAppOTP', BACKUP], 'Disabled');
    const b = await signIn('ben@contoso.com');
    const res = await deleteOwn(b, await idOf('ben@contoso.com', 'PhoneAppOTP'));
    assert.equal(res.status, 409);
    assert.match(textOf(b.lastHtml), /Recovery codes only back up another method/);
    assert.deepEqual(await summary('ben@contoso.com'), ['PhoneAppOTP*', BACKUP].sort());
  });

  it('security info, in any order: the new default is a method that works on its own, never the codes', async () => {
    // Registered: app (default), codes, then text message.
    await userWith('cai@contoso.com', ['PhoneAppOTP', BACKUP, 'OneWaySMS']);
    const b = await signIn('cai@contoso.com');
    const first = await deleteOwn(b, await idOf('cai@contoso.com', 'PhoneAppOTP'));
    assert.equal(first.status, 303);
    assert.deepEqual(
      await summary('cai@contoso.com'),
      [BACKUP, 'OneWaySMS*'].sort(),
      'the text message, not the older recovery codes, became the default',
    );
    const second = await deleteOwn(b, await idOf('cai@contoso.com', 'OneWaySMS'));
    assert.equal(second.status, 409);
    assert.deepEqual(await summary('cai@contoso.com'), [BACKUP, 'OneWaySMS*'].sort());
    // Codes first, then the last method is the account's only one: refused as before.
    assert.equal((await deleteOwn(b, await idOf('cai@contoso.com', BACKUP))).status, 303);
    const last = await deleteOwn(b, await idOf('cai@contoso.com', 'OneWaySMS'));
    assert.equal(last.status, 409);
    assert.match(textOf(b.lastHtml), /only verification method/);
    assert.deepEqual(await summary('cai@contoso.com'), ['OneWaySMS*'].sort());
  });

  it('security info: "Make default" is not offered for recovery codes, and is refused if asked', async () => {
    await userWith('dee@contoso.com', ['PhoneAppOTP', BACKUP]);
    const b = await signIn('dee@contoso.com');
    const codes = await idOf('dee@contoso.com', BACKUP);
    const { html } = await b.page('/security-info');
    assert.doesNotMatch(html, new RegExp(`/security-info/methods/${codes}/default`));
    const res = await change(b, `/security-info/methods/${codes}/default`);
    assert.equal(res.status, 400);
    assert.match(textOf(b.lastHtml), /only backs up another one: it cannot be the default/);
    assert.deepEqual(await summary('dee@contoso.com'), ['PhoneAppOTP*', BACKUP].sort());
  });

  it('admin portal, API and CLI (one service): refused with a clear message, the same rules', async () => {
    await userWith('eli@contoso.com', ['PhoneAppOTP', BACKUP, 'OneWaySMS']);
    const upn = 'eli@contoso.com';
    // The service the portal, the API and the CLI call.
    await assert.rejects(setDefaultMethod(t.ctx, cliActor(), upn, await idOf(upn, BACKUP)), {
      code: 'invalid_request',
      message: /That method \(Recovery codes\) only backs up another one: it cannot be the default/,
    });
    await deleteMethod(t.ctx, cliActor(), upn, await idOf(upn, 'PhoneAppOTP'));
    assert.deepEqual(await summary(upn), [BACKUP, 'OneWaySMS*'].sort());
    await assert.rejects(deleteMethod(t.ctx, cliActor(), upn, await idOf(upn, 'OneWaySMS')), {
      code: 'conflict',
      message:
        /Recovery codes only back up another method.*Delete Recovery codes first, or require the user to register methods again/,
    });
    // The portal: an error page with the reason, nothing deleted.
    await t.addUser({ upn: 'boss@contoso.com', mfaState: 'Disabled', isAdmin: true });
    const admin = client();
    await admin.page('/');
    await admin.submit('/signin', { username: 'boss@contoso.com', password: PASSWORD });
    await admin.page(`/admin/users/${encodeURIComponent(upn)}`);
    const sms = await idOf(upn, 'OneWaySMS');
    const portal = await admin.post(
      `/admin/users/${encodeURIComponent(upn)}/methods/${sms}/delete`,
      {
        confirm: 'yes',
      },
    );
    assert.equal(portal.status, 409);
    assert.match(textOf(admin.lastHtml), /Recovery codes only back up another method/);
    // No "Make default" for the codes on the user's page.
    await admin.page(`/admin/users/${encodeURIComponent(upn)}`);
    assert.doesNotMatch(admin.lastHtml, new RegExp(`/methods/${await idOf(upn, BACKUP)}/default`));
    assert.match(admin.lastHtml, new RegExp(`/methods/${sms}/delete`));
    // The API: problem+json 409 with the reason, nothing deleted.
    const del = await api('DELETE', `/users/${upn}/methods/${await idOf(upn, 'OneWaySMS')}`);
    assert.equal(del.status, 409);
    assert.match(((await del.json()) as { detail: string }).detail, /only back up another method/);
    const def = await api('PUT', `/users/${upn}/methods/${await idOf(upn, BACKUP)}/default`);
    assert.equal(def.status, 400);
    assert.deepEqual(await summary(upn), [BACKUP, 'OneWaySMS*'].sort());
    // Codes first, then the last method: allowed for an administrator (proof-up follows).
    const codes = await api('DELETE', `/users/${upn}/methods/${await idOf(upn, BACKUP)}`);
    assert.equal(codes.status, 200);
    const last = await api('DELETE', `/users/${upn}/methods/${await idOf(upn, 'OneWaySMS')}`);
    assert.equal(last.status, 200);
    assert.deepEqual(await summary(upn), []);
  });

  it('two deletions at once cannot both pass: one method that works on its own remains', async () => {
    for (let round = 0; round < 5; round++) {
      const upn = `race${round}@contoso.com`;
      await userWith(upn, ['PhoneAppOTP', 'OneWaySMS', BACKUP]);
      const ids = [await idOf(upn, 'PhoneAppOTP'), await idOf(upn, 'OneWaySMS')];
      const results = await Promise.allSettled(
        ids.map((id) => deleteMethod(t.ctx, cliActor(), upn, id)),
      );
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const left = await summary(upn);
      assert.equal(left.length, 2, `${left}`);
      assert.ok(left.includes(BACKUP));
      assert.ok(
        left.some((m) => m.endsWith('*') && !m.startsWith(BACKUP)),
        `a method that works on its own is the default: ${left}`,
      );
    }
  });
  it('asks first for the strongest method the user has (system-preferred MFA), or for the default when it is off', async () => {
    const { updateServiceSettings } = await import('../../src/services/settings.ts');
    // A text-message number first (the default), then an authenticator app.
    await userWith('sy@contoso.com', ['OneWaySMS', 'PhoneAppOTP']);
    const texts = async () =>
      (await t.ctx.db.selectFrom('outbox').select('id').where('kind', '=', 'sms').execute()).length;
    const before = await texts();
    const verifyPage = async () => {
      const b = client();
      await b.page('/');
      await b.submit('/signin', { username: 'sy@contoso.com', password: PASSWORD });
      return b.lastHtml;
    };
    const on = await verifyPage();
    assert.match(on, /name="code"[^>]*autocomplete="one-time-code"/);
    assert.match(
      textOf(on),
      /Use a different verification option Text/,
      'the app code first; the text message still offered',
    );
    assert.equal(await texts(), before, 'no text sent unasked');
    await updateServiceSettings(t.ctx, { systemPreferredMfa: false });
    try {
      const off = await verifyPage();
      assert.equal(await texts(), before + 1, 'the default (a text) asked for first');
      assert.match(textOf(off), /We sent a text message with a code to \S*11\./);
      assert.match(textOf(off), /Use a different verification option Authenticator app/);
    } finally {
      await updateServiceSettings(t.ctx, { systemPreferredMfa: true });
    }
  });
});
