// The admin portal's applications page: both kinds in one list, adding an
// OpenID Connect client (secret shown once) or a legacy application, changing
// a client's redirect and post-logout redirect URIs, a new client secret,
// deletion with everything oidc-provider kept for the client — checked against
// real token and end-session endpoints (oidc-provider, in process).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oidcAdapter } from '../../src/oidc/adapter.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import {
  clientSecretOf,
  createLegacyApp,
  createOidcApp,
  getApp,
} from '../../src/services/applications.ts';
import { createGroup } from '../../src/services/groups.ts';
import { isLdapServiceSecret } from '../../src/services/ldap-service-accounts.ts';
import { createSamlApp } from '../../src/services/saml-apps.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';
import { serveWithOidc } from '../helpers/oidc-server.ts';

const PASSWORD = 'correct horse battery';
const SHOWN = /<code class="secret" id="client-secret">([^<]+)<\/code>/;

describe('admin portal: applications', () => {
  let t: TestApp;
  let admin: FormClient;
  let server: Awaited<ReturnType<typeof serveWithOidc>>;
  let issuer: string;

  const signIn = async (upn: string) => {
    const b = new FormClient((req) => t.app.request(req));
    await b.page('/');
    await b.submit('/signin', { username: upn, password: PASSWORD });
    return b;
  };
  const appRow = (id: string) =>
    t.ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  const appCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const payloadIds = async () =>
    (await t.ctx.db.selectFrom('oidc_payloads').select(['model', 'id']).execute())
      .map((r) => `${r.model}:${r.id}`)
      .sort();
  /** Audit entries of one action about one application (the test clock stands still). */
  const auditOf = async (action: string, appId: string) =>
    (
      await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
    ).filter((e) => JSON.stringify(JSON.parse(e.detail)).includes(`"${appId}"`));
  /** A form post with repeated fields (checkbox groups), as a browser sends it. */
  const postPairs = (b: FormClient, path: string, pairs: [string, string][]) =>
    t.app.request(path, {
      method: 'POST',
      body: new URLSearchParams([['_csrf', b.csrf], ...pairs]),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
  /** A client credentials grant at the real token endpoint. */
  const grant = (id: string, secret: string) =>
    fetch(`${issuer}/oidc/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });

  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'root@contoso.com', isAdmin: true });
    await t.addUser({ upn: 'norm@contoso.com' });
    admin = await signIn('root@contoso.com');
    // The protocol endpoints over the same context: what the portal changes, they see.
    server = await serveWithOidc(t.ctx);
    issuer = server.base;
  });
  after(async () => {
    await server.close();
    await t.close();
  });

  it('is for administrators only', async () => {
    const norm = await signIn('norm@contoso.com');
    const { res, html } = await norm.page('/admin/apps');
    assert.equal(res.status, 403);
    assert.doesNotMatch(html, /Add an OpenID Connect client/);
  });

  it('lists legacy applications, OpenID Connect clients and SAML applications together', async () => {
    const vpn = await createLegacyApp(t.ctx, {
      name: 'VPN',
      fronts: ['radius', 'ldap'],
      radiusSecret: 'a radius shared secret',
    });
    const wiki = await createOidcApp(t.ctx, {
      name: 'Wiki',
      redirectUris: ['https://wiki.contoso.com/cb'],
      requireMfa: true,
    });
    const payroll = await createSamlApp(t.ctx, {
      name: 'Payroll',
      entityId: 'https://payroll.contoso.com/saml',
      acsUrls: ['https://payroll.contoso.com/saml/acs'],
      strength: 'mfa',
    });
    const { res, html } = await admin.page('/admin/apps');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = textOf(html);
    assert.match(
      text,
      /Name Id \(client id\) Kind Fronts or redirect URIs Strength First-party Created/,
    );
    assert.match(
      text,
      new RegExp(`VPN ${vpn.id} Legacy RADIUS, LDAP \\(RADIUS secret set\\) — — 2026-11-28`),
    );
    assert.match(
      text,
      new RegExp(
        `Wiki ${wiki.application.id} OpenID Connect https://wiki\\.contoso\\.com/cb Multi-factor authentication No`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `Payroll ${payroll.id} SAML 2\\.0 Entity ID https://payroll\\.contoso\\.com/saml https://payroll\\.contoso\\.com/saml/acs Multi-factor authentication —`,
      ),
    );
    assert.doesNotMatch(html, /a radius shared secret/);
    assert.ok(!html.includes(wiki.clientSecret), 'a client secret is never listed');
    assert.match(html, /href="\/admin\/apps" aria-current="page"/, 'in the navigation');
  });

  it('adds a machine client and shows its secret once; the secret works at the token endpoint', async () => {
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Nightly report',
      redirectUris: '',
      machine: 'on',
    });
    assert.equal(res.status, 303, 'post/redirect/get');
    await admin.page(res.headers.get('location')!);
    const secret = SHOWN.exec(admin.lastHtml)?.[1];
    assert.ok(secret, 'the secret is shown');
    const id = /Client id: (app-[0-9a-f]{12})\./.exec(textOf(admin.lastHtml))?.[1];
    assert.ok(id, 'with the client id');
    const row = await appRow(id);
    assert.equal(row?.name, 'Nightly report');
    assert.deepEqual(JSON.parse(row!.grant_types), ['client_credentials']);
    assert.equal(clientSecretOf(t.ctx, row!), secret);
    assert.ok(!row!.client_secret_sealed!.includes(secret), 'kept sealed');
    const [entry] = await auditOf('application_created', id);
    assert.equal(entry?.actor, 'root@contoso.com');
    assert.ok(!entry!.detail.includes(secret), 'the audit log never has the secret');
    const token = await grant(id, secret);
    assert.equal(token.status, 200, await token.clone().text());
    assert.ok(((await token.json()) as { access_token?: string }).access_token);
    const again = await admin.page('/admin/apps');
    assert.ok(!again.html.includes(secret), 'shown once only');
    assert.match(textOf(again.html), /Nightly report app-[0-9a-f]{12} OpenID Connect \(machine\)/);
  });

  it('adds a device client: no secret to show, listed as a device, no redirect URIs to change', async () => {
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Deploy CLI',
      redirectUris: '',
      strength: 'mfa',
      device: 'on',
    });
    assert.equal(res.status, 303, 'post/redirect/get');
    const id = /added=(app-[0-9a-f]{12})/.exec(res.headers.get('location')!)?.[1];
    assert.ok(id, 'back to the list with the new application');
    const row = await appRow(id);
    assert.equal(row?.client_secret_sealed, null, 'a public client');
    assert.deepEqual(JSON.parse(row!.grant_types), [
      'urn:ietf:params:oauth:grant-type:device_code',
      'refresh_token',
    ]);
    assert.equal(row?.strength, 'mfa');
    const list = await admin.page(res.headers.get('location')!);
    assert.ok(!SHOWN.test(list.html), 'no secret shown');
    assert.match(
      textOf(list.html),
      /Deploy CLI app-[0-9a-f]{12} OpenID Connect \(device\) Device code at \/device/,
    );
    assert.ok(!list.html.includes(`/admin/apps/${id}/uris`), 'no redirect URIs to change');
    assert.ok(!list.html.includes(`/admin/apps/${id}/secret`), 'no secret to renew');
    const refused = await admin.post('/admin/apps/oidc', {
      name: 'TV',
      redirectUris: 'https://tv.contoso.com/cb',
      device: 'on',
    });
    assert.equal(refused.status, 400);
    assert.match(textOf(await refused.text()), /Not added: A device client .* no redirect URIs/);
  });

  it("keeps a web client's back-channel logout URI, checked like redirect URIs; an empty field removes it", async () => {
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Ticketing',
      redirectUris: 'https://tickets.contoso.com/cb',
      backchannelLogoutUri: 'https://tickets.contoso.com/backchannel',
    });
    assert.equal(res.status, 303);
    const row = await t.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('name', '=', 'Ticketing')
      .executeTakeFirstOrThrow();
    assert.equal(row.backchannel_logout_uri, 'https://tickets.contoso.com/backchannel');
    const form = await admin.page(`/admin/apps/${row.id}/uris`);
    assert.match(
      form.html,
      /name="backchannelLogoutUri" value="https:\/\/tickets\.contoso\.com\/backchannel"/,
    );
    const bad = await admin.post(`/admin/apps/${row.id}/uris`, {
      redirectUris: 'https://tickets.contoso.com/cb',
      backchannelLogoutUri: 'http://tickets.contoso.com/backchannel',
    });
    assert.equal(bad.status, 400);
    assert.match(textOf(await bad.text()), /Not changed: Back-channel logout URIs use https/);
    assert.equal(
      (await appRow(row.id))?.backchannel_logout_uri,
      'https://tickets.contoso.com/backchannel',
      'unchanged',
    );
    const cleared = await admin.post(`/admin/apps/${row.id}/uris`, {
      redirectUris: 'https://tickets.contoso.com/cb',
      backchannelLogoutUri: '',
    });
    assert.equal(cleared.status, 303);
    assert.equal((await appRow(row.id))?.backchannel_logout_uri, null);
  });

  it('adds a web client with its redirect URIs, strength and first-party flag', async () => {
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Helpdesk',
      redirectUris: 'https://help.contoso.com/cb\r\n\r\nhttp://localhost:8080/cb\r\n',
      strength: 'phishing-resistant',
      firstParty: 'on',
    });
    assert.equal(res.status, 303);
    await admin.page(res.headers.get('location')!);
    assert.ok(SHOWN.test(admin.lastHtml));
    const row = await t.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('name', '=', 'Helpdesk')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(row.redirect_uris), [
      'https://help.contoso.com/cb',
      'http://localhost:8080/cb',
    ]);
    assert.deepEqual(
      [row.require_mfa, row.strength, row.first_party],
      [1, 'phishing-resistant', 1],
    );
    assert.match(textOf(admin.lastHtml), /Helpdesk .* Phishing-resistant MFA \(a passkey\)/);
    // Changed on the client's page, with its URIs; a strength that is none of the four is refused.
    const edit = `/admin/apps/${row.id}/uris`;
    const form = {
      redirectUris: 'https://help.contoso.com/cb',
      idTokenSigningAlg: 'RS256',
    };
    assert.match((await admin.page(edit)).html, /<option value="phishing-resistant" selected/);
    const bad = await admin.post(edit, { ...form, strength: 'gold' });
    assert.equal(bad.status, 400);
    assert.match(
      textOf(await bad.text()),
      /strength is one of none, mfa, passwordless, phishing-resistant/,
    );
    assert.equal((await getApp(t.ctx, row.id)).strength, 'phishing-resistant');
    await admin.post(edit, { ...form, strength: 'passwordless' });
    const changed = await getApp(t.ctx, row.id);
    assert.deepEqual([changed.strength, changed.requireMfa], ['passwordless', true]);
    await admin.post(edit, { ...form, strength: 'none' });
    assert.equal((await getApp(t.ctx, row.id)).requireMfa, false);
  });

  it('refuses bad input with the reason next to the form, keeping what was typed; nothing is added', async () => {
    const before = await appCount();
    const cases: [Record<string, string>, RegExp][] = [
      [
        { name: 'Shady', redirectUris: 'http://shady.example.com/cb' },
        /Not added: Redirect URIs use https \(http only for localhost\): "http:\/\/shady\.example\.com\/cb"/,
      ],
      [{ name: 'Shady', redirectUris: 'not a url' }, /Not added: "not a url" is not a URL/],
      [{ name: 'Shady', redirectUris: '' }, /Not added: Give at least one redirect URI/],
      [
        { name: 'Shady', redirectUris: 'https://x.example.com/cb', machine: 'on' },
        /Not added: A machine client signs no one in: it has no redirect URIs/,
      ],
      [{ name: '   ', redirectUris: 'https://x.example.com/cb' }, /Not added: .*1 to 100/],
      [
        {
          name: 'Shady',
          redirectUris: 'https://x.example.com/cb',
          postLogoutRedirectUris: 'https://x.example.com/bye\r\nhttp://x.example.com/bye',
        },
        /Not added: Post-logout redirect URIs use https \(http only for localhost\): "http:\/\/x\.example\.com\/bye"/,
      ],
    ];
    for (const [fields, reason] of cases) {
      const res = await admin.post('/admin/apps/oidc', fields);
      assert.equal(res.status, 400, JSON.stringify(fields));
      const text = textOf(admin.lastHtml);
      assert.match(text, reason);
      assert.doesNotMatch(admin.lastHtml, SHOWN);
      if (fields.redirectUris)
        assert.ok(
          admin.lastHtml.includes(`>${fields.redirectUris}</textarea>`),
          'the redirect URIs are kept',
        );
      if (fields.postLogoutRedirectUris)
        assert.ok(
          admin.lastHtml.includes(`>${fields.postLogoutRedirectUris}</textarea>`),
          'the post-logout redirect URIs are kept',
        );
    }
    const legacy: [[string, string][], RegExp][] = [
      [[['name', 'Printer']], /Not added: Choose at least one front/],
      [
        [
          ['name', 'Printer'],
          ['fronts', 'radius'],
          ['radiusSecret', 'too-short'],
        ],
        /Not added: A RADIUS shared secret must be 16 to 128 characters long/,
      ],
      [
        [
          ['name', 'Printer'],
          ['fronts', 'smtp'],
        ],
        /Not added: Unknown front smtp/,
      ],
    ];
    for (const [pairs, reason] of legacy) {
      const res = await postPairs(admin, '/admin/apps/legacy', pairs);
      const html = await res.text();
      assert.equal(res.status, 400, JSON.stringify(pairs));
      assert.match(textOf(html), reason);
      assert.match(html, /name="name"[^>]*value="Printer"/, 'the name is kept');
      assert.ok(!html.includes('too-short'), 'a typed RADIUS secret is not sent back');
    }
    assert.equal(await appCount(), before, 'nothing was added');
  });

  it('adds a web client with post-logout redirect URIs, listed under "After signing out"', async () => {
    await admin.page('/admin/apps');
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Apache wiki',
      redirectUris: 'https://wiki.contoso.com/redirect_uri',
      postLogoutRedirectUris: '\r\nhttps://wiki.contoso.com/loggedout.html\r\n',
      firstParty: 'on',
    });
    assert.equal(res.status, 303);
    await admin.page(res.headers.get('location')!);
    const id = /Client id: (app-[0-9a-f]{12})\./.exec(textOf(admin.lastHtml))?.[1];
    assert.ok(id);
    assert.deepEqual(JSON.parse((await appRow(id))!.post_logout_redirect_uris), [
      'https://wiki.contoso.com/loggedout.html',
    ]);
    const { html } = await admin.page('/admin/apps');
    assert.match(
      textOf(html),
      new RegExp(
        `Apache wiki ${id} OpenID Connect https://wiki\\.contoso\\.com/redirect_uri After signing out: https://wiki\\.contoso\\.com/loggedout\\.html None \\(each user’s MFA state decides\\) Yes`,
      ),
    );
  });

  it("changes a client's redirect and post-logout redirect URIs; a refusal changes nothing; the end-session endpoint follows at once", async () => {
    const { application } = await createOidcApp(t.ctx, {
      name: 'Forum',
      redirectUris: ['https://forum.contoso.com/cb'],
    });
    const id = application.id;
    const machine = (await createOidcApp(t.ctx, { name: 'Cron', machine: true })).application;
    const legacy = await createLegacyApp(t.ctx, { name: 'Fax' });
    const list = await admin.page('/admin/apps');
    assert.ok(list.html.includes(`href="/admin/apps/${id}/uris"`), 'offered for a web client');
    assert.ok(!list.html.includes(`/admin/apps/${machine.id}/uris`), 'not for a machine client');
    assert.ok(!list.html.includes(`/admin/apps/${legacy.id}/uris`), 'nor a legacy application');
    const bye = 'https://forum.contoso.com/signed-out';
    const endSession = async (uri: string) =>
      (
        await fetch(
          `${issuer}/oidc/session/end?${new URLSearchParams({ client_id: id, post_logout_redirect_uri: uri })}`,
        )
      ).status;
    assert.equal(await endSession(bye), 400, 'not registered yet');

    const form = await admin.page(`/admin/apps/${id}/uris`);
    assert.equal(form.res.status, 200);
    assert.match(textOf(form.html), /Redirect URIs of "Forum"/);
    assert.ok(form.html.includes('>https://forum.contoso.com/cb</textarea>'), 'the current ones');

    const typed = `${bye}\r\nhttps://forum.contoso.com/bye#top`;
    const refused = await admin.post(`/admin/apps/${id}/uris`, {
      redirectUris: 'https://forum.contoso.com/cb2',
      postLogoutRedirectUris: typed,
    });
    assert.equal(refused.status, 400);
    assert.match(
      textOf(admin.lastHtml),
      /Not changed: A post-logout redirect URI has no fragment or credentials: "https:\/\/forum\.contoso\.com\/bye#top"/,
    );
    assert.ok(admin.lastHtml.includes(`>${typed}</textarea>`), 'what was typed is kept');
    let row = (await appRow(id))!;
    assert.deepEqual(JSON.parse(row.redirect_uris), ['https://forum.contoso.com/cb'], 'unchanged');
    assert.equal(row.post_logout_redirect_uris, '[]');
    const emptied = await admin.post(`/admin/apps/${id}/uris`, {
      redirectUris: '',
      postLogoutRedirectUris: bye,
    });
    assert.equal(emptied.status, 400);
    assert.match(textOf(admin.lastHtml), /Not changed: Give at least one redirect URI/);

    const res = await admin.post(`/admin/apps/${id}/uris`, {
      redirectUris: 'https://forum.contoso.com/cb\r\nhttps://forum.contoso.com/cb2',
      postLogoutRedirectUris: bye,
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/apps?changed=${id}`);
    row = (await appRow(id))!;
    assert.deepEqual(JSON.parse(row.redirect_uris), [
      'https://forum.contoso.com/cb',
      'https://forum.contoso.com/cb2',
    ]);
    assert.deepEqual(JSON.parse(row.post_logout_redirect_uris), [bye]);
    const { html } = await admin.page(`/admin/apps?changed=${id}`);
    assert.match(textOf(html), /Saved the redirect URIs of "Forum"\./);
    assert.equal(await endSession(bye), 200, 'registered at once');
    const [entry] = await auditOf('application_changed', id);
    assert.equal(entry?.actor, 'root@contoso.com');
    assert.deepEqual(JSON.parse(entry!.detail).postLogoutRedirectUris, [bye]);

    // Emptied again: none left, and the endpoint refuses it again.
    await admin.page(`/admin/apps/${id}/uris`);
    await admin.post(`/admin/apps/${id}/uris`, {
      redirectUris: 'https://forum.contoso.com/cb',
      postLogoutRedirectUris: '',
    });
    assert.equal((await appRow(id))!.post_logout_redirect_uris, '[]');
    assert.equal(await endSession(bye), 400);
    assert.equal((await admin.page(`/admin/apps/${legacy.id}/uris`)).res.status, 404);
    assert.equal((await admin.page(`/admin/apps/${machine.id}/uris`)).res.status, 404);
    await admin.page('/admin/apps'); // the next test posts with this page's CSRF token
  });

  it('adds a legacy application with the chosen fronts and says its id', async () => {
    const res = await postPairs(admin, '/admin/apps/legacy', [
      ['name', 'Mail server'],
      ['fronts', 'ldap'],
      ['fronts', 'verify'],
      ['radiusSecret', ''],
    ]);
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    const id = /added=(app-[0-9a-f]{12})$/.exec(location)?.[1];
    assert.ok(id, location);
    const row = await appRow(id);
    assert.deepEqual(JSON.parse(row!.fronts), ['ldap', 'verify']);
    assert.equal(row!.radius_secret_sealed, null);
    const { html } = await admin.page(location);
    assert.match(textOf(html), new RegExp(`Added "Mail server": its application id is ${id}\\.`));
  });

  it('adds a VPN in RADIUS MFA mode, and changes its RADIUS settings', async () => {
    const res = await postPairs(admin, '/admin/apps/legacy', [
      ['name', 'VPN'],
      ['fronts', 'radius'],
      ['radiusSecret', 'vpn-secret-0123456789'],
      ['radiusMode', 'mfa'],
    ]);
    assert.equal(res.status, 303);
    const id = /added=(app-[0-9a-f]{12})$/.exec(res.headers.get('location')!)![1]!;
    assert.equal((await appRow(id))!.radius_mode, 'mfa');
    assert.equal((await appRow(id))!.radius_message_authenticator, 1);
    const { html } = await admin.page('/admin/apps');
    assert.match(textOf(html), /RADIUS secret set; RADIUS with MFA/);
    const form = await admin.page(`/admin/apps/${id}/radius`);
    assert.equal(form.res.status, 200);
    assert.match(form.html, /name="radiusMode" value="mfa" checked/);
    const changed = await postPairs(admin, `/admin/apps/${id}/radius`, [
      ['radiusMode', 'app-password'],
      ['oldClients', 'on'],
    ]);
    assert.equal(changed.status, 303);
    assert.equal((await appRow(id))!.radius_mode, 'app-password');
    assert.equal((await appRow(id))!.radius_message_authenticator, 0);
    const after = await admin.page(changed.headers.get('location')!);
    assert.match(textOf(after.html), /Saved the RADIUS settings of "VPN"\./);
  });

  it('adds a legacy application with an LDAP service account: DN and secret shown once, after the redirect', async () => {
    await admin.page('/admin/apps');
    const res = await admin.post('/admin/apps/legacy', {
      name: 'Wiki (LDAP)',
      fronts: 'ldap',
      ldapServiceAccount: 'on',
    });
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    const id = /added=(app-[0-9a-f]{12})$/.exec(location)![1]!;
    const { html } = await admin.page(location);
    const secret = /<code class="secret" id="service-secret">([^<]+)<\/code>/.exec(html)?.[1];
    assert.ok(secret, 'the secret is shown');
    assert.match(textOf(html), new RegExp(`Bind DN: cn=service,o=${id},dc=portcullis\\.`));
    assert.equal(isLdapServiceSecret(t.ctx, (await appRow(id))!, secret), true);
    const again = await admin.page(location);
    assert.ok(!again.html.includes(secret), 'shown once: a reload shows nothing');
  });

  it('makes, replaces and deletes a service account after confirming; audited', async () => {
    const app = await createLegacyApp(t.ctx, { name: 'Gitea', fronts: ['ldap'] });
    const { html } = await admin.page('/admin/apps');
    assert.ok(html.includes(`/admin/apps/${app.id}/ldap-service-account`));
    await admin.post(`/admin/apps/${app.id}/ldap-service-account`, {});
    assert.match(textOf(admin.lastHtml), /"Gitea" .* gets a new LDAP service account/);
    assert.equal((await appRow(app.id))!.ldap_service_hash, null, 'nothing before confirming');
    const res = await admin.post(`/admin/apps/${app.id}/ldap-service-account`, { confirm: 'yes' });
    assert.equal(res.status, 303);
    await admin.page(res.headers.get('location')!);
    const secret = /id="service-secret">([^<]+)</.exec(admin.lastHtml)?.[1];
    assert.ok(secret);
    assert.equal(isLdapServiceSecret(t.ctx, (await appRow(app.id))!, secret), true);
    const gone = await admin.post(`/admin/apps/${app.id}/ldap-service-account/delete`, {
      confirm: 'yes',
    });
    assert.equal(gone.status, 303);
    assert.equal((await appRow(app.id))!.ldap_service_hash, null);
    await admin.page(gone.headers.get('location')!);
    assert.match(textOf(admin.lastHtml), /Deleted the LDAP service account of "Gitea"/);
    const [made] = await auditOf('application_service_account_set', app.id);
    assert.equal(made?.actor, 'root@contoso.com');
    assert.ok(!made!.detail.includes(secret));
    assert.equal((await auditOf('application_service_account_deleted', app.id)).length, 1);
  });

  it('restricts who may use a legacy application to groups, and opens it again', async () => {
    const app = await createLegacyApp(t.ctx, { name: 'NAS' });
    await createGroup(t.ctx, { name: 'test', ip: null }, { displayName: 'Storage users' });
    const { html } = await admin.page(`/admin/apps/${app.id}/access`);
    assert.match(textOf(html), /Who may use "NAS"/);
    const refused = await admin.post(`/admin/apps/${app.id}/access`, {
      who: 'groups',
      groups: 'Storage users\nNo such group',
    });
    assert.equal(refused.status, 400);
    assert.match(textOf(admin.lastHtml), /Not changed: No group is named "No such group"/);
    assert.equal((await appRow(app.id))!.assignment_required, 0, 'nothing changed');
    const res = await admin.post(`/admin/apps/${app.id}/access`, {
      who: 'groups',
      groups: 'storage users',
    });
    assert.equal(res.status, 303);
    await admin.page(res.headers.get('location')!);
    assert.match(textOf(admin.lastHtml), /Saved who may use "NAS"/);
    assert.match(textOf(admin.lastHtml), /Only members of: Storage users/);
    assert.equal((await appRow(app.id))!.assignment_required, 1);
    await admin.post(`/admin/apps/${app.id}/access`, { who: 'all', groups: '' });
    assert.equal((await appRow(app.id))!.assignment_required, 0);
    const changes = await auditOf('application_changed', app.id);
    assert.equal(changes.length, 2);
  });

  it('gives a client a new secret after confirming: the old one stops working at once', async () => {
    const { application, clientSecret: old } = await createOidcApp(t.ctx, {
      name: 'Billing job',
      machine: true,
    });
    const id = application.id;
    // Used once, so the client is in the provider's cache when the secret changes.
    assert.equal((await grant(id, old)).status, 200);
    await admin.page('/admin/apps');
    await admin.post(`/admin/apps/${id}/secret`, {});
    assert.match(textOf(admin.lastHtml), /Please confirm Give "Billing job" .* new client secret/);
    assert.equal(clientSecretOf(t.ctx, (await appRow(id))!), old, 'nothing before confirming');
    const res = await admin.post(`/admin/apps/${id}/secret`, { confirm: 'yes' });
    assert.equal(res.status, 303, 'post/redirect/get');
    await admin.page(res.headers.get('location')!);
    const fresh = SHOWN.exec(admin.lastHtml)?.[1];
    assert.ok(fresh && fresh !== old);
    assert.match(textOf(admin.lastHtml), /New client secret for "Billing job"/);
    assert.equal(clientSecretOf(t.ctx, (await appRow(id))!), fresh);
    assert.equal((await grant(id, old)).status, 401, 'the old secret is refused at once');
    assert.equal((await grant(id, fresh)).status, 200, 'the new one works');
    const [entry] = await auditOf('application_secret_changed', id);
    assert.equal(entry?.actor, 'root@contoso.com');
    assert.equal(JSON.parse(entry!.detail).id, id);
    assert.ok(!entry!.detail.includes(fresh));
  });

  it('offers no new secret for a legacy application, and refuses one clearly', async () => {
    const legacy = await createLegacyApp(t.ctx, { name: 'Old VPN' });
    const { html } = await admin.page('/admin/apps');
    assert.ok(!html.includes(`/admin/apps/${legacy.id}/secret`));
    assert.ok(html.includes(`/admin/apps/${legacy.id}/delete`));
    const res = await admin.post(`/admin/apps/${legacy.id}/secret`, { confirm: 'yes' });
    assert.equal(res.status, 400);
    assert.match(
      textOf(admin.lastHtml),
      /"Old VPN" is a legacy application: it has no client secret/,
    );
    assert.doesNotMatch(admin.lastHtml, SHOWN);
  });

  it('deletes a client after confirming, with everything oidc-provider kept for it and the app passwords for it alone', async () => {
    const { application, clientSecret } = await createOidcApp(t.ctx, {
      name: 'Doomed',
      machine: true,
    });
    const id = application.id;
    const earlier = await payloadIds();
    const other = (await createOidcApp(t.ctx, { name: 'Survivor', machine: true })).application;
    const legacy = await createLegacyApp(t.ctx, { name: 'Intranet' });
    // A real token (model ClientCredentials), and what a browser sign-in leaves behind.
    assert.equal((await grant(id, clientSecret)).status, 200);
    const Adapter = oidcAdapter(t.ctx);
    const put = (model: string, key: string, payload: Record<string, unknown>) =>
      new Adapter(model).upsert(key, payload, 3600);
    await put('Grant', 'g-doomed', { clientId: id, accountId: 'u1' });
    await put('AccessToken', 'at-doomed', { clientId: id, grantId: 'g-doomed' });
    await put('RefreshToken', 'rt-doomed', { clientId: id, grantId: 'g-doomed' });
    await put('AuthorizationCode', 'code-doomed', { grantId: 'g-doomed' });
    await put('Interaction', 'i-doomed', { params: { client_id: id } });
    // Kept: the user's session (shared by every client), other clients' records,
    // and a client whose id merely starts with the deleted one's.
    await put('Session', 's-1', {
      accountId: 'u1',
      authorizations: { [id]: { grantId: 'g-doomed' } },
    });
    await put('Grant', 'g-other', { clientId: other.id, accountId: 'u1' });
    await put('AccessToken', 'at-other', { clientId: other.id, grantId: 'g-other' });
    await put('AccessToken', 'at-lookalike', { clientId: `${id}0`, grantId: 'g-lookalike' });
    const user = (await t.ctx.stores.users.findByUpn('norm@contoso.com'))!;
    const only = await createAppPassword(t.ctx, user.id, { name: 'Only', scopes: [id] });
    const both = await createAppPassword(t.ctx, user.id, { name: 'Both', scopes: [id, legacy.id] });
    const any = await createAppPassword(t.ctx, user.id, { name: 'Any' });
    const kept = [
      'AccessToken:at-lookalike',
      'AccessToken:at-other',
      'Grant:g-other',
      'Session:s-1',
    ];
    const doomedRows = (await payloadIds()).filter(
      (k) => !earlier.includes(k) && !kept.includes(k),
    );
    assert.equal(doomedRows.filter((k) => k.startsWith('ClientCredentials:')).length, 1);
    assert.equal(doomedRows.length, 6, doomedRows.join(' '));

    await admin.page('/admin/apps');
    await admin.post(`/admin/apps/${id}/delete`, {});
    assert.match(
      textOf(admin.lastHtml),
      /Please confirm Delete the OpenID Connect client "Doomed"/,
    );
    assert.ok(await appRow(id), 'nothing before confirming');
    const res = await admin.post(`/admin/apps/${id}/delete`, { confirm: 'yes' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin/apps?deleted=1');

    assert.equal(await appRow(id), undefined);
    const left = await payloadIds();
    for (const k of doomedRows) assert.ok(!left.includes(k), `${k} deleted`);
    assert.deepEqual(left, [...earlier, ...kept].sort());
    const passwords = await t.ctx.db
      .selectFrom('app_passwords')
      .select(['id', 'scopes'])
      .where('user_id', '=', user.id)
      .execute();
    const scopesOf = (pid: string) => passwords.find((p) => p.id === pid)?.scopes;
    assert.equal(scopesOf(only.appPassword.id), undefined, 'for it alone: deleted, not widened');
    assert.equal(scopesOf(both.appPassword.id), JSON.stringify([legacy.id]), 'narrowed');
    assert.equal(scopesOf(any.appPassword.id), '[]', 'untouched');
    // At once in this process: the cached client is gone.
    assert.equal((await grant(id, clientSecret)).status, 401);
    const [entry] = await auditOf('application_deleted', id);
    assert.equal(entry?.actor, 'root@contoso.com');
    const detail = JSON.parse(entry!.detail) as Record<string, unknown>;
    assert.deepEqual(
      [detail.id, detail.name, detail.oidcRecords, detail.appPasswordsDeleted],
      [id, 'Doomed', 6, 1],
    );
    const [pwEntry] = await auditOf('app_password_deleted', id);
    assert.equal(pwEntry?.target, 'norm@contoso.com');
    const { html } = await admin.page('/admin/apps?deleted=1');
    assert.match(textOf(html), /Application deleted\./);
    assert.doesNotMatch(textOf(html), /Doomed/);
    // Deleting it again: a clear 404, not a 500.
    const again = await admin.post(`/admin/apps/${id}/delete`, {});
    assert.equal(again.status, 404);
  });

  it('refuses every change without the CSRF token; nothing changes', async () => {
    const keep = await createOidcApp(t.ctx, { name: 'Keep', machine: true });
    const web = await createOidcApp(t.ctx, {
      name: 'Keep web',
      redirectUris: ['https://keep.example.com/cb'],
    });
    const before = await appCount();
    await admin.page('/admin/apps');
    for (const [path, fields] of [
      ['/admin/apps/oidc', { name: 'Sneaky', redirectUris: 'https://x.example.com/cb' }],
      ['/admin/apps/legacy', { name: 'Sneaky', fronts: 'ldap' }],
      [`/admin/apps/${keep.application.id}/delete`, { confirm: 'yes' }],
      [`/admin/apps/${keep.application.id}/secret`, { confirm: 'yes' }],
      [
        `/admin/apps/${web.application.id}/uris`,
        {
          redirectUris: 'https://x.example.com/cb',
          postLogoutRedirectUris: 'https://x.example.com/bye',
        },
      ],
    ] as const) {
      for (const csrf of [undefined, 'not-the-token']) {
        const res = await admin.post(
          path,
          { ...fields, ...(csrf ? { _csrf: csrf } : {}) },
          { csrf: false },
        );
        // No token: refused. A token not the session's (an out-of-date page):
        // not acted on either, the administrator is brought to the current page.
        assert.equal(res.status, csrf ? 303 : 403, `${path} with CSRF ${csrf}`);
      }
    }
    assert.equal(await appCount(), before);
    const row = await appRow(keep.application.id);
    assert.equal(clientSecretOf(t.ctx, row!), keep.clientSecret);
    const webRow = (await appRow(web.application.id))!;
    assert.deepEqual(
      [webRow.redirect_uris, webRow.post_logout_redirect_uris],
      ['["https://keep.example.com/cb"]', '[]'],
    );
  });
});
