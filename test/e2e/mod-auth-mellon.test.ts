import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config/load.ts';
import { startServer } from '../../src/server.ts';
import { createGroup } from '../../src/services/groups.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { createUser } from '../../src/services/users.ts';
import { type Apache, hasApache, MODULES, startApache } from '../helpers/apache.ts';
import { launchChromium, skipChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import type { TestDatabase } from '../helpers/db.ts';
import { databaseWithIssuer } from '../helpers/oidc-rp.ts';
import { freePort } from '../helpers/ports.ts';
import { requireTool } from '../helpers/server.ts';
import { codeAt } from '../helpers/totp.ts';

const MELLON_CREATE = '/usr/sbin/mellon_create_metadata';
const skip =
  skipChromium ||
  requireTool(hasApache, 'apache2') ||
  requireTool(
    existsSync(path.join(MODULES, 'mod_auth_mellon.so')) && existsSync(MELLON_CREATE),
    'libapache2-mod-auth-mellon',
  );
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

// An unmodified SAML service provider: Apache httpd with mod_auth_mellon
// protects a page (server-side includes show what mellon was told) and signs
// people in through Portcullis, driven by headless Chromium. Registered with
// `portcullis app add --saml --metadata <mellon's metadata> --require-mfa`.
describe('Apache mod_auth_mellon as a SAML service provider', { skip }, () => {
  let db: TestDatabase;
  let server: Awaited<ReturnType<typeof startServer>>;
  let apache: Apache;
  let browser: Browser;
  let mallorys: BrowserContext;
  let issuer: string;
  let site: string;
  let dir: string;
  const lastStep = new Map<string, number>();
  /** A TOTP code for a step this secret has not used yet (each is accepted once). */
  const nextCode = (secret: string) => {
    const step = Math.max(Math.floor(Date.now() / 30_000), (lastStep.get(secret) ?? 0) + 1);
    lastStep.set(secret, step);
    return codeAt(secret, step * 30_000);
  };
  const page = () => `${site}/protected/whoami.shtml`;
  const signIn = async (p: Page, upn: string, password: string) => {
    await p.getByLabel('Username').fill(upn);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
  };

  before(async () => {
    const port = await freePort();
    site = `http://127.0.0.1:${port}`;
    ({ db, issuer } = await databaseWithIssuer());
    server = await startServer(loadConfig(db.env), () => {});
    const mallory = await createUser(server.ctx, {
      upn: 'mallory@contoso.com',
      displayName: 'Mallory Manager',
      password: 'mallory password 1',
      mfaState: 'Enforced',
    });
    await addRegistration(server.ctx, mallory.id, 'PhoneAppOTP', {
      ok: true,
      secret: TOTP_SECRET,
      details: {},
    });
    await createUser(server.ctx, {
      upn: 'dave@contoso.com',
      displayName: 'Dave Disabled',
      password: 'dave password 1',
      mfaState: 'Disabled',
    });
    await createGroup(
      server.ctx,
      { name: 'test', ip: null },
      { displayName: 'Wiki editors', members: ['mallory@contoso.com'] },
    );
    await createGroup(
      server.ctx,
      { name: 'test', ip: null },
      { displayName: 'Finance', members: ['mallory@contoso.com'] },
    );
    // mellon's own tool makes its key, certificate and metadata.
    dir = mkdtempSync(path.join(tmpdir(), 'portcullis-mellon-'));
    chmodSync(dir, 0o755);
    const made = spawnSync(MELLON_CREATE, [`${site}/mellon/metadata`, `${site}/mellon`], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(made.status, 0, made.stderr);
    const file = (ext: string) => path.join(dir, readdirSync(dir).find((f) => f.endsWith(ext))!);
    // (Apache's children run as www-data: the key must be readable by them.)
    chmodSync(file('.key'), 0o644);
    writeFileSync(path.join(dir, 'idp.xml'), await (await fetch(`${issuer}/saml/metadata`)).text());
    const added = await runCli(
      ['app', 'add', '--name', 'Wiki', '--saml', '--metadata', file('.xml'), '--require-mfa'],
      db.env,
    );
    assert.equal(added.code, 0, added.stderr);
    apache = await startApache({
      port,
      modules: [
        'authn_core',
        'authz_core',
        'authz_user',
        'mime',
        'include',
        'setenvif',
        'auth_mellon',
      ],
      probe: `${site}/mellon/metadata`,
      files: {
        'html/protected/whoami.shtml':
          '<!DOCTYPE html><html><body><h1>Wiki</h1>' +
          '<p id="user"><!--#echo var="REMOTE_USER" --></p>' +
          '<p id="upn"><!--#echo var="MELLON_upn" --></p>' +
          '<p id="mail"><!--#echo var="MELLON_mail" --></p>' +
          '<p id="name"><!--#echo var="MELLON_displayName" --></p>' +
          '<p id="groups"><!--#echo var="MELLON_groups" --></p>' +
          '<p id="session"><!--#echo var="MELLON_SESSION_INDEX" --></p>' +
          '</body></html>',
        'html/bye.html': '<!DOCTYPE html><html><body><h1>Signed out of the wiki</h1></body></html>',
      },
      config: () => `
# mellon's cookie test sets SameSite=None, which a browser refuses without
# Secure (this test runs on http): mellon's own switch leaves SameSite out.
SetEnvIf Request_URI "." MELLON_DISABLE_SAMESITE=1
<Location />
  MellonEnable info
  MellonEndpointPath /mellon
  MellonSPMetadataFile ${file('.xml')}
  MellonSPPrivateKeyFile ${file('.key')}
  MellonSPCertFile ${file('.cert')}
  MellonIdPMetadataFile ${dir}/idp.xml
  MellonSecureCookie Off
  MellonCookieSameSite lax
  MellonMergeEnvVars On ";"
  MellonUser NAME_ID
</Location>
<Location /protected>
  AuthType Mellon
  MellonEnable auth
  Require valid-user
  Options +Includes
  AddOutputFilter INCLUDES .shtml
</Location>
`,
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await apache?.stop();
    await server?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with password and authenticator code; the page shows the mapped attributes', async () => {
    mallorys = await browser.newContext();
    const p = await mallorys.newPage();
    await p.goto(page());
    await signIn(p, 'mallory@contoso.com', 'mallory password 1');
    await p.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await p.getByLabel('Code', { exact: true }).fill(nextCode(TOTP_SECRET));
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByRole('heading', { name: 'Wiki' }).waitFor();
    assert.equal(new URL(p.url()).pathname, '/protected/whoami.shtml', 'back where it started');
    assert.equal(await p.textContent('#upn'), 'mallory@contoso.com');
    assert.equal(await p.textContent('#mail'), 'mallory@contoso.com');
    assert.equal(await p.textContent('#name'), 'Mallory Manager');
    assert.equal(await p.textContent('#groups'), 'Finance;Wiki editors');
    assert.ok(
      ((await p.textContent('#user')) ?? '').length > 10,
      'a transient NameID (what mellon asks for)',
    );
    await p.close();
  });

  it('--require-mfa steps a Disabled user up: password, then an authenticator registered on the way', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(page());
    await signIn(p, 'dave@contoso.com', 'dave password 1');
    await p.getByRole('heading', { name: 'More information required' }).waitFor();
    await p.getByLabel(/Authenticator app/).check();
    await p.getByRole('button', { name: 'Next' }).click();
    await p.getByText("Can't scan the QR code?").click();
    const secret = ((await p.locator('#secret-key').textContent()) ?? '').replace(/\s/g, '');
    await p.getByLabel('Code', { exact: true }).fill(nextCode(secret));
    await p.getByRole('button', { name: 'Verify' }).click();
    await p.getByRole('heading', { name: 'App passwords' }).waitFor();
    await p.getByRole('link', { name: 'Done' }).click();
    await p.getByRole('heading', { name: 'Wiki' }).waitFor();
    assert.equal(await p.textContent('#upn'), 'dave@contoso.com');
    await context.close();
  });

  it('Single Logout from the application ends the Portcullis session', async () => {
    // Mallory's browser from the first test (signed in at both ends: each code is accepted once).
    const p = await mallorys.newPage();
    await p.goto(page());
    await p.getByRole('heading', { name: 'Wiki' }).waitFor();
    const live = async () =>
      (
        await server.ctx.db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select('sessions.id_hash')
          .where('users.upn', '=', 'mallory@contoso.com')
          .where('sessions.expires_at', '>', Date.now())
          .execute()
      ).length;
    const before = await live();
    assert.ok(before >= 1);
    await p.goto(`${site}/mellon/logout?ReturnTo=${encodeURIComponent(`${site}/bye.html`)}`);
    await p.getByRole('heading', { name: 'Signed out of the wiki' }).waitFor();
    assert.equal(await live(), before - 1, "this browser's Portcullis session ended");
    // Signed out at both ends: the page asks for a sign-in again.
    await p.goto(page());
    await p.getByLabel('Password').waitFor();
    await mallorys.close();
  });
});
