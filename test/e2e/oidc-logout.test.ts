import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createOidcApp, updateOidcApp } from '../../src/services/applications.ts';
import { createUser } from '../../src/services/users.ts';
import { type FormClient, textOf } from '../helpers/browser.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { authorize, discover, newBrowser, type Person, REDIRECT } from '../helpers/oidc-person.ts';
import { databaseWithIssuer, type OidcApp } from '../helpers/oidc-rp.ts';

const BYE = 'http://127.0.0.1:9/signed-out';

// RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) to a registered
// post_logout_redirect_uri: the "also sign out of Portcullis?" question, then
// back to the application with its state. Yes ends the Portcullis session (the
// row, before the browser is sent on); No keeps it. A URI not registered for
// the client is refused; a changed list holds at once.
describe('OpenID Connect: RP-initiated logout to a post-logout redirect URI', () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let issuer: string;
  let wiki: OidcApp;
  let n = 0;

  async function person(): Promise<Person & { id: string }> {
    const p = { upn: `out${++n}@contoso.com`, password: `password of user ${n}` };
    const { id } = await createUser(server.ctx, { ...p, mfaState: 'Disabled' });
    return { ...p, id };
  }
  const liveSessions = async (userId: string) =>
    (
      await server.ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .execute()
    ).length;
  /** Signs in to the wiki and asks to sign out of it; returns the question page's form. */
  async function signedInThenLogout(b: FormClient, query: Record<string, string>) {
    const tokens = await (
      await authorize(b, await discover(issuer, wiki.id, wiki.clientSecret), await person())
    ).tokens();
    const res = await b.get(
      `/oidc/session/end?${new URLSearchParams({ id_token_hint: tokens.id_token!, ...query })}`,
    );
    return { res, sub: tokens.claims()!.sub };
  }
  const confirmForm = (html: string) => {
    const action = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(action && xsrf, 'the sign-out question has its form');
    return { path: new URL(action.replace(/&amp;/g, '&'), issuer).pathname, xsrf };
  };

  before(async () => {
    // One test makes the server log an error on purpose: only fatal ones are shown.
    ({ db, issuer } = await databaseWithIssuer({ PORTCULLIS_LOG_LEVEL: 'fatal' }));
    server = await startServer(loadConfig(db.env), () => {});
    const { application, clientSecret } = await createOidcApp(server.ctx, {
      name: 'Wiki',
      redirectUris: [REDIRECT],
      postLogoutRedirectUris: [BYE],
      firstParty: true,
    });
    wiki = { id: application.id, clientSecret };
  });
  after(async () => {
    await server?.close();
    await db?.drop();
  });

  it('asks, then "Yes" ends the Portcullis session and returns to the application with its state', async () => {
    const b = newBrowser(issuer);
    const { res, sub } = await signedInThenLogout(b, {
      post_logout_redirect_uri: BYE,
      state: 'xyz 123',
    });
    assert.equal(res.status, 200);
    assert.match(
      textOf(b.lastHtml),
      /You are signing out of Wiki\. Do you also want to sign out of Portcullis\?/,
    );
    assert.equal(await liveSessions(sub), 1);
    const { path, xsrf } = confirmForm(b.lastHtml);
    const done = await b.post(path, { xsrf, logout: 'yes' }, { csrf: false });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), `${BYE}?state=xyz+123`);
    // Gone before the browser is sent on, not some time later.
    assert.equal(await liveSessions(sub), 0, 'the Portcullis session row is deleted');
    const home = await b.page('/');
    assert.match(home.html, /name="password"/, 'signed out of Portcullis');
  });

  it('when the Portcullis session cannot be ended, the browser is not sent back as if signed out', async () => {
    const b = newBrowser(issuer);
    const { sub } = await signedInThenLogout(b, { post_logout_redirect_uri: BYE });
    const { path, xsrf } = confirmForm(b.lastHtml);
    const sessions = server.ctx.stores.sessions;
    const remove = sessions.delete;
    sessions.delete = async () => {
      throw new Error('the database is away');
    };
    try {
      const done = await b.post(path, { xsrf, logout: 'yes' }, { csrf: false });
      assert.equal(done.status, 500);
      assert.equal(done.headers.get('location'), null, 'not sent to the application');
      assert.match(textOf(await done.text()), /Portcullis could not end your session/);
    } finally {
      sessions.delete = remove;
    }
    assert.equal(await liveSessions(sub), 1);
  });

  it('"No, stay signed in" returns to the application and keeps the Portcullis session', async () => {
    const b = newBrowser(issuer);
    const { sub } = await signedInThenLogout(b, { post_logout_redirect_uri: BYE });
    const { path, xsrf } = confirmForm(b.lastHtml);
    const done = await b.post(path, { xsrf }, { csrf: false });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), BYE, 'no state asked, none given');
    assert.equal(await liveSessions(sub), 1, 'still signed in to Portcullis');
    const home = await b.page('/');
    assert.doesNotMatch(home.html, /name="password"/);
  });

  it('refuses a post_logout_redirect_uri not registered for the client; a changed list holds at once', async () => {
    const b = newBrowser(issuer);
    const other = 'http://127.0.0.1:9/elsewhere';
    const { res, sub } = await signedInThenLogout(b, { post_logout_redirect_uri: other });
    assert.equal(res.status, 400);
    // (A browser, asking for HTML, gets the same words on a page.)
    const refusal = await res.text();
    assert.match(refusal, /post_logout_redirect_uri not registered/);
    assert.doesNotMatch(refusal, /op\.logoutForm/, 'no way to sign out to it');
    assert.equal(await liveSessions(sub), 1);

    await updateOidcApp(server.ctx, wiki.id, { postLogoutRedirectUris: [other] });
    const c = newBrowser(issuer);
    const now = await signedInThenLogout(c, { post_logout_redirect_uri: other });
    assert.equal(now.res.status, 200, 'the new URI is accepted at once');
    const { path, xsrf } = confirmForm(c.lastHtml);
    const done = await c.post(path, { xsrf, logout: 'yes' }, { csrf: false });
    assert.equal(done.headers.get('location'), other);
    const old = await signedInThenLogout(newBrowser(issuer), { post_logout_redirect_uri: BYE });
    assert.equal(old.res.status, 400, 'the replaced one is refused');
    await updateOidcApp(server.ctx, wiki.id, { postLogoutRedirectUris: [BYE] });
  });
});
