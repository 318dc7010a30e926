import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type AppContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { createLogger } from '../../src/log.ts';
import { createUser } from '../../src/services/users.ts';
import { type Apache, hasApache, hasModAuthOpenidc, startApache } from '../helpers/apache.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { addOidcApp, databaseWithIssuer, type OidcApp } from '../helpers/oidc-rp.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool, type ServerProcess, startServerProcess } from '../helpers/server.ts';

const skip =
  skipChromium ||
  requireTool(hasApache, 'apache2') ||
  requireTool(hasModAuthOpenidc, 'libapache2-mod-auth-openidc');

// A standard relying party: Apache httpd with mod_auth_openidc protects a page
// and signs people in through Portcullis (discovery, code flow with PKCE, a
// confidential client), driven by headless Chromium. Its logout
// (`OIDCRedirectURI?logout=<url>`) is RP-initiated logout: id_token_hint and a
// post_logout_redirect_uri that must be registered for the client.
describe('Apache mod_auth_openidc as a relying party: sign-in and RP-initiated logout', {
  skip,
}, () => {
  let db: TestDatabase;
  let ctx: AppContext;
  let server: ServerProcess;
  let apache: Apache;
  let browser: Browser;
  let issuer: string;
  let site: string;
  let wiki: OidcApp;
  let userId: string;
  const protectedPage = () => `${site}/protected/page.html`;
  const loggedOut = () => `${site}/loggedout.html`;
  const redirectUri = () => `${site}/protected/redirect_uri`;

  /** Live Portcullis sessions of the user (the rows the session cookie names). */
  const liveSessions = async () =>
    (
      await ctx.db
        .selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', userId)
        .where('expires_at', '>', Date.now())
        .execute()
    ).length;

  before(async () => {
    const apachePort = await freePort();
    site = `http://127.0.0.1:${apachePort}`;
    ({ db, issuer } = await databaseWithIssuer());
    ctx = createContext(db.config, { log: createLogger('silent'), db: { pgPoolSize: 2 } });
    await migrate(ctx.db, ctx.dialect);
    userId = (
      await createUser(ctx, {
        upn: 'wendy@contoso.com',
        displayName: 'Wendy Wiki',
        password: 'wendy password 1',
        mfaState: 'Disabled',
      })
    ).id;
    // Registered the way an administrator would, with the application's logout page.
    wiki = await addOidcApp(
      [
        '--name',
        'Wiki',
        '--redirect-uri',
        redirectUri(),
        '--post-logout-redirect-uri',
        loggedOut(),
        '--first-party',
      ],
      db.env,
    );
    server = await startServerProcess(db.env);
    apache = await startApache({
      port: apachePort,
      modules: ['authn_core', 'authz_core', 'authz_user', 'mime', 'headers', 'auth_openidc'],
      config: () => `LogLevel warn auth_openidc:info
OIDCProviderMetadataURL ${issuer}/.well-known/openid-configuration
OIDCClientID ${wiki.id}
OIDCClientSecret ${wiki.clientSecret}
OIDCRedirectURI ${redirectUri()}
OIDCCryptoPassphrase ${randomBytes(24).toString('hex')}
OIDCScope "openid profile"
OIDCPKCEMethod S256
OIDCProviderTokenEndpointAuth client_secret_basic
OIDCRemoteUserClaim preferred_username
<Location /protected>
  AuthType openid-connect
  Require valid-user
  Header always set X-Remote-User "expr=%{REMOTE_USER}"
</Location>
`,
      probe: loggedOut(),
      files: {
        'html/protected/page.html':
          '<!DOCTYPE html><title>Wiki</title><h1>The wiki, for signed-in people</h1>',
        'html/loggedout.html':
          '<!DOCTYPE html><title>Wiki</title><h1>You have signed out of the wiki</h1>',
      },
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await apache?.stop();
    await server?.stop();
    await ctx?.db.destroy();
    await db?.drop();
  });

  /** Waits for the page to reach `where`, saying where it is stuck otherwise. */
  const reach = (page: Page, where: (u: URL) => boolean, what: string) =>
    page.waitForURL(where, { timeout: 15_000 }).catch((e: Error) => {
      throw new Error(`${what}: the browser is at ${page.url()}.\napache2:\n${apache.errors()}`, {
        cause: e,
      });
    });
  const signInForm = (page: Page) => page.getByLabel('Password').isVisible();

  it('signs in to the protected page through Portcullis, and its logout ends the Portcullis session and returns to the application', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // Signed out: mod_auth_openidc sends the browser to Portcullis.
      await page.goto(protectedPage());
      await reach(page, (u) => u.origin === issuer, 'sent to Portcullis to sign in');
      await page.getByLabel('Username').fill('wendy@contoso.com');
      await page.getByLabel('Password').fill('wendy password 1');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await reach(page, (u) => u.href === protectedPage(), 'back at the protected page');
      assert.match((await page.textContent('h1')) ?? '', /The wiki, for signed-in people/);
      const seen = await page.request.get(protectedPage(), { maxRedirects: 0 });
      assert.equal(seen.status(), 200);
      assert.equal(seen.headers()['x-remote-user'], 'wendy@contoso.com', 'Apache knows who');
      assert.equal(await liveSessions(), 1, 'a Portcullis session');
      await page.goto(`${issuer}/`);
      assert.equal(await signInForm(page), false, 'signed in to Portcullis');

      // The application's logout: mod_auth_openidc drops its own session and
      // sends the browser to Portcullis's end-session endpoint.
      const endSession = page.waitForRequest((r) =>
        r.url().startsWith(`${issuer}/oidc/session/end?`),
      );
      await page.goto(`${redirectUri()}?logout=${encodeURIComponent(loggedOut())}`);
      const asked = new URL((await endSession).url());
      assert.ok(asked.searchParams.get('id_token_hint'), 'with the ID token as a hint');
      assert.equal(asked.searchParams.get('post_logout_redirect_uri'), loggedOut());
      await page.getByRole('heading', { name: 'Sign out' }).waitFor();
      const question = (await page.textContent('main')) ?? '';
      assert.match(
        question,
        /You are signing out of Wiki\. Do you also want to sign out of Portcullis\?/,
      );
      assert.doesNotMatch(question, /not registered/);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await reach(page, (u) => u.href === loggedOut(), "back at the application's logout page");
      assert.match((await page.textContent('h1')) ?? '', /You have signed out of the wiki/);

      // The Portcullis session is gone: its row, and in the browser.
      assert.equal(await liveSessions(), 0, 'no Portcullis session left');
      await page.goto(`${issuer}/`);
      await page.getByLabel('Password').waitFor();
      // The protected page asks to sign in again (no silent sign-in).
      await page.goto(protectedPage());
      await reach(page, (u) => u.origin === issuer, 'sent to Portcullis again');
      await page.getByLabel('Password').waitFor();
      assert.equal(await page.getByLabel('Username').inputValue(), '');
    } finally {
      await context.close();
    }
  });
});
