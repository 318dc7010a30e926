import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createOidcApp } from '../../src/services/applications.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { createUser } from '../../src/services/users.ts';
import { textOf } from '../helpers/browser.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, newBrowser, type Person, REDIRECT } from '../helpers/oidc-person.ts';
import { databaseWithIssuer, type OidcApp } from '../helpers/oidc-rp.ts';

const MFA = 'urn:portcullis:acr:mfa';
const ONE = 'urn:portcullis:acr:1fa';

// The sign-in an application gets is the one it needs: step-up to MFA for an
// application that requires it (or a relying party that asks), a fresh sign-in
// for prompt=login and max_age, nothing shown for prompt=none — and the
// provider's session never outlives or outclaims the Portcullis one.
describe('OpenID Connect: step-up, prompt, max_age, sign-out', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let plain: OidcApp;
  let strict: OidcApp;
  let n = 0;

  /** A new Disabled user (password only, no methods), as a person who will answer. */
  async function person(): Promise<Person> {
    const p = { upn: `user${++n}@contoso.com`, password: `password of user ${n}` };
    await createUser(server.ctx, { ...p, mfaState: 'Disabled' });
    return p;
  }

  before(async () => {
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    const add = async (name: string, requireMfa: boolean) => {
      const { application, clientSecret } = await createOidcApp(server.ctx, {
        name,
        redirectUris: [REDIRECT],
        firstParty: true,
        requireMfa,
      });
      return { id: application.id, clientSecret };
    };
    plain = await add('Wiki', false);
    strict = await add('Payroll', true);
  });
  after(async () => {
    await server?.close();
    await db?.drop();
  });

  it('an application that requires MFA steps a password-only session up: no second password, a Disabled user registers a method, the tokens say mfa', async () => {
    const dora = await person();
    const b = newBrowser(issuer);
    const first = await authorize(b, await discover(issuer, plain.id, plain.clientSecret), dora);
    assert.deepEqual(first.seen, ['password']);
    const firstClaims = (await first.tokens()).claims()!;
    assert.deepEqual(firstClaims.amr, ['pwd']);
    assert.equal(firstClaims.acr, ONE);

    const payroll = await discover(issuer, strict.id, strict.clientSecret);
    const stepped = await authorize(b, payroll, dora);
    assert.ok(!stepped.seen.includes('password'), `password not asked again: ${stepped.seen}`);
    assert.ok(stepped.seen.includes('enrol'), `proof-up during the step-up: ${stepped.seen}`);
    const claims = (await stepped.tokens()).claims()!;
    assert.equal(claims.sub, firstClaims.sub);
    assert.deepEqual([...(claims.amr as string[])].sort(), ['mfa', 'otp', 'pwd']);
    assert.equal(claims.acr, MFA);
    const row = await server.ctx.stores.users.findByUpn(dora.upn);
    assert.equal(row?.mfa_state, 'Disabled', 'the per-user state is not changed by an application');
    const log = await server.ctx.db
      .selectFrom('signin_log')
      .select(['result', 'reason'])
      .where('upn', '=', dora.upn)
      .where('result', '=', 'success')
      .execute();
    assert.equal(log.length, 2, 'the password sign-in and the step-up are both logged');

    // The session is now multi-factor: the next request for Payroll shows nothing.
    const again = await authorize(b, payroll, dora);
    assert.deepEqual(again.seen, []);
    assert.equal((await again.tokens()).claims()!.acr, MFA);
  });

  it('a relying party asks for MFA with acr_values; accepting either class does not force it', async () => {
    const gail = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    const either = await authorize(b, wiki, gail, { acr_values: `${ONE} ${MFA}` });
    assert.deepEqual(either.seen, ['password']);
    assert.equal((await either.tokens()).claims()!.acr, ONE);

    const stepped = await authorize(b, wiki, gail, { acr_values: MFA });
    assert.ok(
      stepped.seen.includes('enrol') && !stepped.seen.includes('password'),
      `${stepped.seen}`,
    );
    assert.equal((await stepped.tokens()).claims()!.acr, MFA);

    // Single-factor only, asked as essential, is met by the multi-factor session.
    const claims = JSON.stringify({ id_token: { acr: { essential: true, values: [ONE] } } });
    const lower = await authorize(b, wiki, gail, { claims });
    assert.deepEqual(lower.seen, []);
    assert.equal((await lower.tokens()).claims()!.acr, ONE);
  });

  it('an essential acr Portcullis cannot give is refused, not faked', async () => {
    const b = newBrowser(issuer);
    const claims = JSON.stringify({
      id_token: { acr: { essential: true, values: ['urn:example:gold'] } },
    });
    const r = await authorize(
      b,
      await discover(issuer, plain.id, plain.clientSecret),
      await person(),
      {
        claims,
      },
    );
    assert.equal(r.callback.searchParams.get('code'), null);
    assert.ok(r.callback.searchParams.get('error'), 'an error goes back to the relying party');
  });

  it('prompt=none: login_required without a session; a code with no page once signed in; login_required when MFA would be needed', async () => {
    const hal = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    const cold = await authorize(b, wiki, hal, { prompt: 'none' });
    assert.deepEqual(cold.seen, []);
    assert.equal(cold.callback.searchParams.get('error'), 'login_required');

    await authorize(b, wiki, hal);
    const silent = await authorize(b, wiki, hal, { prompt: 'none' });
    assert.deepEqual(silent.seen, []);
    assert.ok(silent.callback.searchParams.get('code'));

    const payroll = await discover(issuer, strict.id, strict.clientSecret);
    const strictNone = await authorize(b, payroll, hal, { prompt: 'none' });
    assert.deepEqual(strictNone.seen, []);
    assert.equal(strictNone.callback.searchParams.get('error'), 'login_required');
  });

  it('prompt=login and max_age ask for the password again even when signed in; max_age=0 does not loop', async () => {
    const ivy = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    const first = (await (await authorize(b, wiki, ivy, { max_age: '3600' })).tokens()).claims()!;
    const silent = await authorize(b, wiki, ivy, { max_age: '3600' });
    assert.deepEqual(silent.seen, [], 'a recent sign-in is recent enough');

    await new Promise((r) => setTimeout(r, 1100));
    const relogin = await authorize(b, wiki, ivy, { prompt: 'login' });
    assert.deepEqual(relogin.seen, ['password']);
    // auth_time is in seconds: max_age=0 means "not this second".
    await new Promise((r) => setTimeout(r, 1100));
    const zero = await authorize(b, wiki, ivy, { max_age: '0' });
    assert.deepEqual(zero.seen, ['password']);
    const claims = (await zero.tokens()).claims()!;
    assert.ok((claims.auth_time as number) > (first.auth_time as number), 'a newer sign-in');
  });

  it('the sign-in page for prompt=login names the signed-in user', async () => {
    const jo = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    await authorize(b, wiki, jo);
    const res = await b.get(`/?rd=${encodeURIComponent('/account')}&prompt=login`);
    assert.equal(res.status, 200);
    assert.match(b.lastHtml, new RegExp(`name="username"[^>]*value="${jo.upn}"`));
  });

  it('signing out of Portcullis ends silent sign-in to applications', async () => {
    const kim = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    await authorize(b, wiki, kim);
    await b.page('/');
    const out = await b.post('/signout', {});
    assert.equal(out.status, 303);
    const none = await authorize(b, wiki, kim, { prompt: 'none' });
    assert.equal(none.callback.searchParams.get('error'), 'login_required');
    const asked = await authorize(b, wiki, kim);
    assert.deepEqual(asked.seen, ['password']);
  });

  it('a blocked user gets no code from an existing session', async () => {
    const lee = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    await authorize(b, wiki, lee);
    await setBlocked(server.ctx, { name: 'test', ip: null, personalData: true }, lee.upn, true);
    const none = await authorize(b, wiki, lee, { prompt: 'none' });
    assert.equal(none.callback.searchParams.get('code'), null);
    await assert.rejects(authorize(b, wiki, lee), /stuck at 401/, 'the password is refused');
  });

  it('RP-initiated logout: "Yes, sign me out" ends the Portcullis session too', async () => {
    const max = await person();
    const b = newBrowser(issuer);
    const wiki = await discover(issuer, plain.id, plain.clientSecret);
    const tokens = await (await authorize(b, wiki, max)).tokens();
    const page = await b.page(`/oidc/session/end?id_token_hint=${tokens.id_token}`);
    assert.match(textOf(page.html), /Do you also want to sign out of Portcullis/);
    const form = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(page.html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.html)?.[1];
    assert.ok(form && xsrf, 'the logout form');
    const action = new URL(form.replace(/&amp;/g, '&'), issuer);
    const done = await b.post(action.pathname, { xsrf, logout: 'yes' }, { csrf: false });
    assert.equal(done.status, 303);
    const home = await b.page('/');
    assert.match(home.html, /name="password"/, 'signed out of Portcullis');
    const none = await authorize(b, wiki, max, { prompt: 'none' });
    assert.equal(none.callback.searchParams.get('error'), 'login_required');
  });
});
