import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../../src/crypto/hash.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { codeAt, secretFromPage } from '../helpers/totp.ts';

const PASSWORD = 'correct horse battery';
const GENERIC = 'Your account or password is incorrect.';

describe('browser sign-in', () => {
  let t: TestApp;
  const client = () => new FormClient((req) => t.app.request(req));
  /** Signs in with the password; returns the client and the page it lands on. */
  async function withPassword(upn: string, password = PASSWORD) {
    const b = client();
    await b.page('/');
    const r = await b.submit('/signin', { username: upn, password });
    return { b, ...r };
  }
  /** Proof-up for a new user: returns the client, the secret and the final page. */
  async function proofUp(upn: string) {
    const { b } = await withPassword(upn);
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    const done = await b.pastAppPasswordsStep();
    return { b, secret, ...done };
  }

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'dora@contoso.com', displayName: 'Dora Disabled' });
    await t.addUser({ upn: 'erin@contoso.com', displayName: 'Erin Enabled', mfaState: 'Enabled' });
    await t.addUser({
      upn: 'fred@contoso.com',
      displayName: 'Fred Enforced',
      mfaState: 'Enforced',
    });
    await t.addUser({ upn: 'bob@contoso.com', displayName: 'Bob Blocked' });
    await t.ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('upn_normalized', '=', 'bob@contoso.com')
      .execute();
  });
  after(() => t.close());

  it('shows a sign-in form with Username, Password and Sign in to someone signed out', async () => {
    const { res, html } = await client().page('/');
    assert.equal(res.status, 200);
    assert.match(html, /<label for="username">Username<\/label>/);
    assert.match(html, /<label for="password">Password<\/label>/);
    assert.match(html, /<button type="submit">Sign in<\/button>/);
    assert.match(html, /name="_csrf"/);
    assert.match(html, /^<!DOCTYPE html>/);
  });

  it('Disabled: the password signs in; My account shows the name and Sign out; Sign out ends the session', async () => {
    const { b, html } = await withPassword('Dora@Contoso.com');
    assert.match(textOf(html), /My account/);
    assert.match(textOf(html), /Dora Disabled/);
    assert.match(html, /<button type="submit">Sign out<\/button>/);
    const token = b.cookies.get('portcullis')!;
    assert.ok(await t.ctx.stores.sessions.find(sha256(token), t.clock.now()));
    const out = await b.post('/signout', {});
    assert.equal(out.status, 303);
    assert.equal(
      await t.ctx.stores.sessions.find(sha256(token), t.clock.now()),
      undefined,
      'session deleted in the database',
    );
    const again = new FormClient((req) => t.app.request(req));
    again.cookies.set('portcullis', token);
    assert.match(
      textOf((await again.page('/')).html),
      /Sign in/,
      'the old cookie no longer signs in',
    );
  });

  it('GET /signin and /login lead to the sign-in page (query kept); /logout and /signout ask before signing out', async () => {
    const b = client();
    for (const path of ['/signin', '/login']) {
      const res = await b.get(`${path}?rd=%2Fadmin&login_hint=dora%40contoso.com`);
      assert.equal(res.status, 303, path);
      assert.equal(res.headers.get('location'), '/?rd=%2Fadmin&login_hint=dora%40contoso.com');
    }
    // Signed out: nothing to sign out of.
    const out = await b.get('/logout');
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/');
    const { b: signed } = await withPassword('dora@contoso.com');
    const token = signed.cookies.get('portcullis')!;
    for (const path of ['/logout', '/signout']) {
      const ask = await signed.page(path);
      assert.equal(ask.res.status, 200, path);
      assert.match(
        textOf(ask.html),
        /You are signed in as dora@contoso\.com\. Sign out of Portcullis\?/,
      );
      assert.ok(
        await t.ctx.stores.sessions.find(sha256(token), t.clock.now()),
        'a GET signs no one out',
      );
    }
    assert.equal((await signed.post('/signout', {})).status, 303);
    assert.equal(await t.ctx.stores.sessions.find(sha256(token), t.clock.now()), undefined);
  });

  it('gives wrong password, unknown user and blocked user the same message, and logs the real reasons', async () => {
    const pages = [
      await withPassword('dora@contoso.com', 'wrong password!'),
      await withPassword('nobody@contoso.com', PASSWORD),
      await withPassword('bob@contoso.com', PASSWORD),
    ];
    for (const p of pages) {
      assert.equal(p.res.status, 401);
      assert.ok(textOf(p.html).includes(GENERIC));
    }
    const bodies = pages.map((p) => textOf(p.html).replace(/nobody|dora|bob/g, 'X'));
    // The same work, too: an unknown user still costs one argon2id verification.
    const hasher = t.ctx.hasher;
    const verify = hasher.verify.bind(hasher);
    let hashed = 0;
    hasher.verify = async (stored, password) => {
      hashed++;
      return verify(stored, password);
    };
    try {
      await withPassword('another-nobody@contoso.com', PASSWORD);
      assert.equal(hashed, 1, 'an unknown user is checked against a dummy hash');
    } finally {
      hasher.verify = verify;
    }
    assert.equal(new Set(bodies).size, 1, 'pages are identical but for the typed name');
    const log = await t.ctx.stores.signinLog.list({ limit: 10 });
    const reasons = log.filter((l) => l.result === 'failure').map((l) => l.reason);
    for (const r of ['wrong password', 'unknown user', 'sign-in blocked by an administrator'])
      assert.ok(reasons.includes(r), r);
  });

  it('Enforced with no method: proof-up with a QR code, secret and otpauth URI; a right code registers, signs in', async () => {
    const { b } = await withPassword('fred@contoso.com');
    assert.match(textOf(b.lastHtml), /More information required/);
    assert.match(b.lastHtml, /value="PhoneAppOTP"/);
    const enrol = await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    assert.match(enrol.html, /<svg/);
    assert.match(enrol.html, /otpauth:\/\/totp\/Portcullis:fred%40contoso\.com\?/);
    assert.match(enrol.html, /<label for="code">Code<\/label>/);
    assert.match(enrol.html, /<button type="submit">Verify<\/button>/);
    const secret = secretFromPage(enrol.html);
    assert.equal(secret.length, 32, '160-bit secret in base32');
    const step = await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    assert.match(textOf(step.html), /From now on, your password works only in web browsers/);
    assert.match(step.html, /href="\/security-info\/app-passwords">Create an app password</);
    const done = await b.pastAppPasswordsStep();
    assert.match(textOf(done.html), /Fred Enforced/);
    const user = await t.ctx.stores.users.findByUpn('fred@contoso.com');
    const methods = await t.ctx.stores.methods.listForUser(user!.id);
    assert.deepEqual(
      methods.map((m) => [m.method_type, m.is_default]),
      [['PhoneAppOTP', 1]],
    );
    assert.ok(
      methods[0]!.secret_sealed && !methods[0]!.secret_sealed.includes(secret),
      'secret encrypted at rest',
    );
  });

  it('Enabled: completing proof-up moves the user to Enforced; the next sign-in asks for a code', async () => {
    const { b, secret } = await proofUp('erin@contoso.com');
    assert.match(textOf(b.lastHtml), /Erin Enabled/);
    assert.equal((await t.ctx.stores.users.findByUpn('erin@contoso.com'))?.mfa_state, 'Enforced');

    t.clock.advance(60_000);
    const second = await withPassword('erin@contoso.com');
    assert.match(textOf(second.html), /Verify your identity/);
    assert.doesNotMatch(second.html, /secret-key/, 'the secret is never shown again');
    const done = await second.b.submit(
      second.b.lastHtml.match(/action="([^"]+)"/)![1]!.replace(/&amp;/g, '&'),
      {
        code: codeAt(secret, t.clock.now()),
      },
    );
    assert.match(textOf(done.html), /My account/);
    const log = await t.ctx.stores.signinLog.list({ upn: 'erin@contoso.com', limit: 1 });
    assert.equal(log[0]?.result, 'success');
    assert.equal(log[0]?.method, 'PhoneAppOTP');
  });

  it('refuses a code that was already used (replay), and ends the attempt after five wrong codes', async () => {
    await t.addUser({ upn: 'gus@contoso.com', displayName: 'Gus', mfaState: 'Enforced' });
    const { secret } = await proofUp('gus@contoso.com');
    const used = codeAt(secret, t.clock.now());
    const { b } = await withPassword('gus@contoso.com');
    const replay = await b.submit('/signin/verify', { code: used });
    assert.equal(replay.res.status, 401);
    assert.match(textOf(replay.html), /not correct/);
    for (let i = 0; i < 3; i++)
      assert.equal((await b.submit('/signin/verify', { code: '000000' })).res.status, 401);
    const fifth = await b.submit('/signin/verify', { code: 'abcdef' });
    assert.match(textOf(fifth.html), /Too many wrong codes/);
    assert.match(textOf(fifth.html), /Sign in/);
    const sixth = await b.submit('/signin/verify', {
      code: codeAt(secret, t.clock.now() + 30_000),
    });
    assert.doesNotMatch(textOf(sixth.html), /My account/, 'the ended attempt cannot be completed');
  });

  it('one code sent many times at once by the same attempt (a double click) signs in once and ends nothing', async () => {
    await t.addUser({ upn: 'dot@contoso.com', mfaState: 'Enforced' });
    const { secret } = await proofUp('dot@contoso.com');
    t.clock.advance(60_000);
    const { b } = await withPassword('dot@contoso.com');
    const code = codeAt(secret, t.clock.now());
    const results = await Promise.all(
      Array.from({ length: 8 }, () => b.post('/signin/verify', { code })),
    );
    const won = results.filter((r) => r.status === 303 && r.headers.get('location') === '/');
    assert.equal(won.length, 1, results.map((r) => r.status).join());
    const user = await t.ctx.stores.users.findByUpn('dot@contoso.com');
    assert.equal(
      (await t.ctx.stores.limits.find([`code:${user!.id}`]))[0]?.failures ?? 0,
      0,
      'no wrong code counted',
    );
  });

  it('throttles wrong passwords per user with a growing, bounded delay (in the database)', async () => {
    await t.addUser({ upn: 'hal@contoso.com' });
    for (let i = 0; i < 5; i++)
      assert.equal((await withPassword('hal@contoso.com', 'nope-nope')).res.status, 401);
    const throttled = await withPassword('hal@contoso.com', PASSWORD);
    assert.equal(throttled.res.status, 429, 'even the right password waits');
    assert.ok(Number(throttled.res.headers.get('retry-after')) > 0);
    t.clock.advance(5 * 60_000 + 1000);
    assert.match(
      textOf((await withPassword('hal@contoso.com')).html),
      /My account/,
      'the wait is bounded',
    );
  });

  it('throttles wrong codes per user across sign-in attempts', async () => {
    await t.addUser({ upn: 'ivy@contoso.com', mfaState: 'Enforced' });
    const { secret } = await proofUp('ivy@contoso.com');
    for (let attempt = 0; attempt < 2; attempt++) {
      const { b } = await withPassword('ivy@contoso.com');
      for (let i = 0; i < 3; i++) await b.submit('/signin/verify', { code: '000000' });
    }
    const { b } = await withPassword('ivy@contoso.com');
    const r = await b.submit('/signin/verify', { code: codeAt(secret, t.clock.now() + 30_000) });
    assert.equal(r.res.status, 429);
    assert.ok(Number(r.res.headers.get('retry-after')) > 0);
  });

  it('sets HttpOnly, SameSite=Lax cookies, stores nothing for a mere visit, and rotates the session id at each step', async () => {
    await t.addUser({ upn: 'jo@contoso.com', mfaState: 'Enforced' });
    const countSessions = async () =>
      (await t.ctx.db.selectFrom('sessions').select('id_hash').execute()).length;
    const before = await countSessions();
    const b = client();
    const first = await b.get('/');
    assert.equal(await countSessions(), before, 'showing the sign-in form writes no session row');
    const csrfCookie = first.headers.getSetCookie()[0]!;
    assert.match(csrfCookie, /HttpOnly/);
    assert.match(csrfCookie, /SameSite=Lax/);
    assert.doesNotMatch(csrfCookie, /Secure/, 'not Secure over http');
    assert.equal(b.cookies.get('portcullis'), undefined);
    const pw = await b.post('/signin', { username: 'jo@contoso.com', password: PASSWORD });
    const sessionCookie = pw.headers.getSetCookie().find((c) => c.startsWith('portcullis='))!;
    assert.match(sessionCookie, /HttpOnly/);
    assert.match(sessionCookie, /SameSite=Lax/);
    const ids = [b.cookies.get('portcullis')];
    await b.page('/signin/step');
    await b.submit('/signin/proofup', { method: 'PhoneAppOTP' });
    ids.push(b.cookies.get('portcullis'));
    const secret = secretFromPage(b.lastHtml);
    await b.submit('/signin/proofup/verify', { code: codeAt(secret, t.clock.now()) });
    ids.push(b.cookies.get('portcullis'));
    assert.equal(new Set(ids).size, 3, 'a new session id at each step');
    const stale = new FormClient((req) => t.app.request(req));
    stale.cookies.set('portcullis', ids[0]!);
    assert.match(
      textOf((await stale.page('/')).html),
      /Sign in/,
      'an earlier session id is worthless',
    );
  });

  it('marks the cookie Secure with the __Host- prefix when the public URL is https', async () => {
    const s = await createTestApp({ PORTCULLIS_PUBLIC_URL: 'https://login.contoso.com' });
    try {
      const b = new FormClient((req) => s.app.request(req), 'https://login.contoso.com');
      const res = await b.get('/');
      assert.match(res.headers.getSetCookie()[0]!, /^__Host-portcullis-csrf=.*Secure/);
      await s.addUser({ upn: 'kim@contoso.com' });
      const signedIn = await b.post('/signin', { username: 'kim@contoso.com', password: PASSWORD });
      const cookie = signedIn.headers
        .getSetCookie()
        .find((c) => c.startsWith('__Host-portcullis='))!;
      assert.match(cookie, /Secure/);
      assert.match(cookie, /Path=\//);
      assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=/);
    } finally {
      await s.close();
    }
  });

  it('starting another sign-in from a signed-in browser signs the first one out', async () => {
    await t.addUser({ upn: 'lee@contoso.com', mfaState: 'Enforced' });
    const { b } = await withPassword('dora@contoso.com');
    assert.match(textOf(b.lastHtml), /Dora Disabled/);
    // A second sign-in posted from this browser (the form is not shown, but may be sent).
    const res = await b.post('/signin', { username: 'lee@contoso.com', password: PASSWORD });
    assert.equal(res.status, 303);
    const home = await b.page('/');
    assert.doesNotMatch(textOf(home.html), /Dora Disabled|My account/);
  });

  it("speaks the browser's language to visitors and the user's own once known", async () => {
    const { translator } = await import('../../src/i18n/index.ts');
    const de = translator('de');
    const fr = translator('fr');
    const visitor = new FormClient((req) => {
      req.headers.set('accept-language', 'de-AT,de;q=0.9,en;q=0.5');
      return t.app.request(req);
    });
    const form = await visitor.page('/');
    assert.match(form.html, /<html lang="de">/);
    assert.ok(form.html.includes(`>${de('signin.username')}</label>`));
    await t.addUser({ upn: 'fleur@contoso.com', mfaState: 'Enforced', preferredLanguage: 'fr' });
    const r = await visitor.submit('/signin', {
      username: 'fleur@contoso.com',
      password: PASSWORD,
    });
    assert.match(r.html, /<html lang="fr">/, 'the user prefers French');
    assert.ok(r.html.includes(fr('proofup.title')));
  });

  it("keeps the browser's language through sign-in and proof-up for a user who chose none, and remembers it for texts and email", async () => {
    const { translator } = await import('../../src/i18n/index.ts');
    const de = translator('de');
    const german = new FormClient((req) => {
      req.headers.set('accept-language', 'de-CH,de;q=0.9');
      return t.app.request(req);
    });
    const { createUser } = await import('../../src/services/users.ts');
    const u = await createUser(t.ctx, {
      upn: 'gerda@contoso.com',
      password: PASSWORD,
      mfaState: 'Enforced',
    });
    const stored = await t.ctx.stores.users.findById(u.id);
    assert.equal(stored?.preferred_language, '', 'no language stored when none was given');
    assert.equal(stored?.browser_language, null);
    await german.page('/');
    const r = await german.submit('/signin', { username: 'gerda@contoso.com', password: PASSWORD });
    assert.match(r.html, /<html lang="de">/, 'proof-up in German');
    assert.ok(r.html.includes(de('proofup.title')));
    assert.equal((await t.ctx.stores.users.findById(u.id))?.browser_language, 'de');
    const { userLocale } = await import('../../src/i18n/index.ts');
    assert.equal(
      userLocale((await t.ctx.stores.users.findById(u.id))!),
      'de',
      'for mail and texts',
    );
  });

  it('refuses forms without the CSRF token', async () => {
    const b = client();
    await b.page('/');
    const res = await b.post(
      '/signin',
      { username: 'dora@contoso.com', password: PASSWORD },
      { csrf: false },
    );
    assert.equal(res.status, 403);
    assert.doesNotMatch(b.lastHtml, /My account/);
    const signedIn = (await withPassword('dora@contoso.com')).b;
    const stale = await signedIn.post('/signout', { _csrf: 'forged' }, { csrf: false });
    assert.equal(stale.status, 303, 'a signed-in browser is brought to the current page');
    const after = await signedIn.page(stale.headers.get('location')!);
    assert.match(after.html, /My account/, 'and is not signed out');
    assert.match(textOf(after.html), /nothing was sent/);
  });

  it('never shows "form expired" to someone signed in: Back to the sign-in form, an old code page, a second tab', async () => {
    const { b } = await withPassword('dora@contoso.com');
    const account = await b.page('/');
    assert.match(account.res.headers.get('cache-control') ?? '', /no-store/, 'Back asks again');
    // The sign-in form from before signing in (Back), sent again: its token is the visitor's.
    const old = await b.post(
      '/signin',
      { _csrf: 'token-of-the-page-before', username: 'dora@contoso.com', password: PASSWORD },
      { csrf: false },
    );
    assert.equal(old.status, 303);
    const landed = await b.page(old.headers.get('location')!);
    assert.match(landed.html, /My account/);
    assert.doesNotMatch(textOf(landed.html), /expired or was not sent from this site/);
    // An old code page sent after the sign-in finished (with the session's own token).
    const code = await b.post('/signin/verify', { code: '123456' });
    assert.equal(code.status, 303);
    assert.match((await b.page(code.headers.get('location')!)).html, /My account/);
  });
});
