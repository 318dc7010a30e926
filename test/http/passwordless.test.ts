// Passwordless sign-in with a passkey (the organisation's setting), through the
// sign-in page, with a software authenticator: who may, and every hostile
// assertion refused with the one generic message.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { translator } from '../../src/i18n/index.ts';
import { methods } from '../../src/methods/index.ts';
import { passkeyMethod, relyingParty } from '../../src/methods/passkey/index.ts';
import { fromAllowedMethods } from '../../src/policy/methods-policy.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createGroup } from '../../src/services/groups.ts';
import { setMethodsPolicy } from '../../src/services/methods-policy.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { type Overrides, SoftAuthenticator } from '../methods/passkey-authenticator.ts';

const GENERIC = 'Your account or password is incorrect.';
const en = translator('en');

describe('passwordless sign-in with a passkey', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));

  /** A user with a passkey registered through the method's enrolment. */
  async function userWithPasskey(upn: string, mfaState: 'Disabled' | 'Enforced' = 'Enforced') {
    await t.addUser({ upn, mfaState });
    const u = (await t.ctx.stores.users.findByUpn(upn))!;
    const user = { id: u.id, upn, displayName: upn, preferredLanguage: 'en' };
    const { rpID, origin } = relyingParty(t.ctx.methodContext);
    const auth = new SoftAuthenticator(rpID, origin);
    const attempt = {
      flowId: crypto.randomUUID(),
      clientIp: null,
      allowedMethods: methods.map((m) => m.id),
    };
    const enrol = passkeyMethod.enrol;
    const state = await enrol.begin(t.ctx.methodContext, user);
    const response = JSON.stringify(auth.register(state.challenge));
    const result = await enrol.complete(
      t.ctx.methodContext,
      user,
      state,
      { response },
      attempt,
      en,
    );
    if (result.ok !== true) throw new Error(`not registered: ${JSON.stringify(result)}`);
    const reg = await addRegistration(t.ctx, u.id, 'Passkey', result);
    return { user: u, auth, reg, handle: Buffer.from(u.id).toString('base64url') };
  }

  /** The sign-in page's passkey form: where it posts and the challenge it carries. */
  async function passkeyForm(b: FormClient, path = '/') {
    const { html } = await b.page(path);
    const options = /<script type="application\/json" id="passkey-options">([^<]*)<\/script>/.exec(
      html,
    );
    const action = /<form method="post" action="([^"]+)"[^>]*data-passkey="authenticate"/.exec(
      html,
    );
    if (!options || !action) return null;
    const json = JSON.parse(options[1]!) as {
      challenge: string;
      userVerification: string;
      allowCredentials?: unknown[];
    };
    return { ...json, action: action[1]!.replace(/&amp;/g, '&') };
  }

  /** Signs in with an assertion to the page's challenge; returns the client and where it landed. */
  async function withPasskey(auth: SoftAuthenticator, o: Overrides = {}, path = '/') {
    t.clock.advance(1000); // one sign-in log entry per second: the last is the latest
    const b = client();
    const form = (await passkeyForm(b, path))!;
    const response = JSON.stringify(auth.assert(form.challenge, o));
    const res = await b.post(form.action, { response });
    return { b, res, response, form };
  }

  const lastLog = async () =>
    t.ctx.db
      .selectFrom('signin_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();

  before(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    // Failures are counted per client address, and every test's client has the same one.
    await t.ctx.db.deleteFrom('limits').execute();
    await updateServiceSettings(t.ctx, {
      passwordlessSignin: true,
      allowedMethods: methods.map((m) => m.id),
    });
  });
  after(() => t.close());

  it('is off by default: not offered, and refused if posted anyway', async () => {
    const { auth } = await userWithPasskey('off@contoso.com');
    await updateServiceSettings(t.ctx, { passwordlessSignin: false });
    const b = client();
    assert.equal(await passkeyForm(b), null);
    const res = await b.post('/signin/passwordless?method=Passkey', {
      response: JSON.stringify(auth.assert('x')),
    });
    assert.equal(res.status, 400);
    assert.match(textOf(await res.text()), /Sign-in without a password is not available/);
    assert.equal((await b.page('/')).html.includes('My account'), false);
  });

  it('is not offered when Passkey is not an allowed method', async () => {
    await updateServiceSettings(t.ctx, { allowedMethods: ['PhoneAppOTP'] });
    assert.equal(await passkeyForm(client()), null);
  });

  it('signs an Enforced user in with the passkey alone (usernameless, user verification required)', async () => {
    const { auth, reg, handle } = await userWithPasskey('pat@contoso.com');
    const b = client();
    const form = (await passkeyForm(b))!;
    assert.equal(form.userVerification, 'required');
    assert.equal(
      form.allowCredentials,
      undefined,
      'no user named: the browser offers its passkeys',
    );
    const res = await b.post(form.action, {
      response: JSON.stringify(auth.assert(form.challenge, { userHandle: handle })),
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    const { html } = await b.page('/');
    assert.match(textOf(html), /My account.*pat@contoso\.com/);
    const log = await lastLog();
    assert.equal(log.result, 'success');
    assert.equal(log.method, 'Passkey');
    assert.equal(log.reason, 'passwordless sign-in');
    const session = await t.ctx.db
      .selectFrom('sessions')
      .select(['amr', 'mfa_at'])
      .where('user_id', '=', log.user_id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(session.amr!).sort(), ['hwk', 'mfa', 'user']);
    assert.notEqual(session.mfa_at, null, 'counts as a multi-factor sign-in');
    const used = await t.ctx.stores.methods.listForUser(log.user_id!);
    assert.notEqual(used.find((m) => m.id === reg.id)?.last_used_at, null);
  });

  it('goes back where the application asked (rd), and only to a safe place', async () => {
    const { auth } = await userWithPasskey('rd@contoso.com');
    const { res } = await withPasskey(auth, {}, `/?rd=${encodeURIComponent('/security-info')}`);
    assert.equal(res.headers.get('location'), '/security-info');
    const evil = await withPasskey(auth, {}, `/?rd=${encodeURIComponent('https://evil.example/')}`);
    assert.equal(evil.res.headers.get('location'), '/');
  });

  it('refuses an assertion without user verification, with the generic message', async () => {
    const { auth } = await userWithPasskey('nouv@contoso.com');
    const { res } = await withPasskey(auth, { userVerified: false });
    assert.equal(res.status, 401);
    assert.match(textOf(await res.text()), new RegExp(GENERIC));
    const log = await lastLog();
    assert.equal(log.result, 'failure');
    assert.match(log.reason, /^passwordless: /);
  });

  it('refuses a replayed assertion, and lets one of two racing requests through', async () => {
    const { auth } = await userWithPasskey('race@contoso.com');
    const first = await withPasskey(auth);
    assert.equal(first.res.status, 303);
    const again = client();
    await again.page('/');
    const replay = await again.post(first.form.action, { response: first.response });
    assert.equal(replay.status, 401, 'the challenge is spent');

    const a = client();
    const b = client();
    const form = (await passkeyForm(a))!;
    await b.page('/');
    const response = JSON.stringify(auth.assert(form.challenge));
    const results = await Promise.all([
      a.post(form.action, { response }),
      b.post(form.action, { response }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 401]);
  });

  it('refuses challenges it did not sign, expired ones, other origins and RP IDs', async () => {
    const { auth } = await userWithPasskey('hostile@contoso.com');
    const forged = Buffer.from('nonce.zzzzzzzz.forgedmacforgedmacforge').toString('base64url');
    assert.equal((await withPasskey(auth, { challenge: forged })).res.status, 401);
    assert.equal((await withPasskey(auth, { origin: 'https://evil.example' })).res.status, 401);
    assert.equal((await withPasskey(auth, { rpId: 'evil.example' })).res.status, 401);
    assert.equal((await withPasskey(auth, { type: 'webauthn.create' })).res.status, 401);

    const b = client();
    const form = (await passkeyForm(b))!;
    t.clock.advance(5 * 60_000 + 1);
    const late = await b.post(form.action, {
      response: JSON.stringify(auth.assert(form.challenge)),
    });
    assert.equal(late.status, 401);
    assert.match((await lastLog()).reason, /expired/);
    // The passkey itself is fine (throttling aside).
    await t.ctx.db.deleteFrom('limits').execute();
    assert.equal((await withPasskey(auth)).res.status, 303);
  });

  it("refuses another user's handle, a removed passkey and a blocked user", async () => {
    const { auth } = await userWithPasskey('gone@contoso.com');
    const other = await userWithPasskey('other@contoso.com');
    assert.equal((await withPasskey(auth, { userHandle: other.handle })).res.status, 401);

    const blocked = await userWithPasskey('blocked@contoso.com');
    await t.ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('id', '=', blocked.user.id)
      .execute();
    assert.equal((await withPasskey(blocked.auth)).res.status, 401);
    assert.equal((await lastLog()).reason, 'sign-in blocked by an administrator');

    await t.ctx.db.deleteFrom('auth_methods').where('user_id', '=', other.user.id).execute();
    assert.equal((await withPasskey(other.auth)).res.status, 401);
    assert.equal((await lastLog()).reason, 'passwordless: passkey not registered');
  });

  it('signs in only users whose groups the methods policy gives passkeys to', async () => {
    const member = await userWithPasskey('member@contoso.com');
    const outsider = await userWithPasskey('outsider@contoso.com');
    const group = await createGroup(t.ctx, cliActor(), {
      displayName: 'Passkey people',
      members: ['member@contoso.com'],
    });
    const all = fromAllowedMethods(methods.map((m) => m.id));
    await setMethodsPolicy(t.ctx, { ...all, passkey: { ...all.passkey, include: [group.id] } });
    try {
      // Offered (someone may), but only a member gets in.
      assert.equal((await withPasskey(member.auth)).res.status, 303);
      const { res } = await withPasskey(outsider.auth);
      assert.equal(res.status, 401);
      assert.match(textOf(await res.text()), new RegExp(GENERIC));
      assert.equal(
        (await lastLog()).reason,
        'passwordless: Passkey is not for this user (methods policy)',
      );
      // For no one: not offered at all.
      await setMethodsPolicy(t.ctx, { ...all, passkey: { ...all.passkey, enabled: false } });
      assert.equal(await passkeyForm(client()), null);
    } finally {
      await setMethodsPolicy(t.ctx, all);
    }
  });

  it('flags and refuses a passkey whose counter goes backwards', async () => {
    const { auth } = await userWithPasskey('clone@contoso.com');
    assert.equal((await withPasskey(auth, { counter: 5 })).res.status, 303);
    assert.equal((await withPasskey(auth, { counter: 3 })).res.status, 401);
    const row = await t.ctx.db
      .selectFrom('passkeys')
      .select('flagged_at')
      .where('credential_id', '=', auth.credentialId)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.flagged_at, null);
    assert.equal((await withPasskey(auth, { counter: 9 })).res.status, 401, 'refused from now on');
  });

  it('still asks for a new password after an admin reset', async () => {
    const { auth, user } = await userWithPasskey('reset@contoso.com');
    await t.ctx.db
      .updateTable('users')
      .set({ must_change_password: 1 })
      .where('id', '=', user.id)
      .execute();
    const { b, res } = await withPasskey(auth);
    assert.equal(res.headers.get('location'), '/signin/step');
    const { html } = await b.page('/signin/step');
    assert.match(html, /name="confirm"/);
  });

  it('throttles a client address after repeated failures', async () => {
    const { auth } = await userWithPasskey('throttle@contoso.com');
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) last = (await withPasskey(auth, { userVerified: false })).res;
    assert.equal(last!.status, 429);
    assert.ok(Number(last!.headers.get('retry-after')) > 0);
  });

  it('deletes a removed registration’s passkey in housekeeping', async () => {
    const { auth, user } = await userWithPasskey('sweep@contoso.com');
    await t.ctx.db.deleteFrom('auth_methods').where('user_id', '=', user.id).execute();
    const { housekeeping } = await import('../../src/services/housekeeping.ts');
    const count = async () =>
      (
        await t.ctx.db
          .selectFrom('passkeys')
          .select('credential_id')
          .where('credential_id', '=', auth.credentialId)
          .execute()
      ).length;
    await housekeeping(t.ctx);
    assert.equal(await count(), 1, 'kept for an hour: its registration may be on its way');
    t.clock.advance(3_600_001);
    await housekeeping(t.ctx);
    assert.equal(await count(), 0);
  });
});
