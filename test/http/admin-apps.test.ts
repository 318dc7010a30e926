// The admin portal's applications page: both kinds in one list, adding an
// OpenID Connect client (secret shown once) or a legacy application, a new
// client secret, deletion with everything oidc-provider kept for the client —
// checked against a real token endpoint (oidc-provider, in process).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/http/app.tsx';
import { oidcAdapter } from '../../src/oidc/adapter.ts';
import { oidcHost } from '../../src/oidc/host.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { clientSecretOf, createLegacyApp, createOidcApp } from '../../src/services/applications.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

const PASSWORD = 'correct horse battery';
const SHOWN = /<code class="secret" id="client-secret">([^<]+)<\/code>/;

describe('admin portal: applications', () => {
  let t: TestApp;
  let admin: FormClient;
  let server: ReturnType<typeof serve>;
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
    const { createOidcProvider } = await import('../../src/oidc/provider.ts');
    const withOidc = createApp(t.ctx, { oidc: await oidcHost(t.ctx, createOidcProvider) });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: withOidc.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('is for administrators only', async () => {
    const norm = await signIn('norm@contoso.com');
    const { res, html } = await norm.page('/admin/apps');
    assert.equal(res.status, 403);
    assert.doesNotMatch(html, /Add an OpenID Connect client/);
  });

  it('lists legacy applications and OpenID Connect clients together', async () => {
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
    const { res, html } = await admin.page('/admin/apps');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = textOf(html);
    assert.match(
      text,
      /Name Id \(client id\) Kind Fronts or redirect URIs Requires MFA First-party Created/,
    );
    assert.match(
      text,
      new RegExp(`VPN ${vpn.id} Legacy RADIUS, LDAP \\(RADIUS secret set\\) — — 2026-11-28`),
    );
    assert.match(
      text,
      new RegExp(
        `Wiki ${wiki.application.id} OpenID Connect https://wiki\\.contoso\\.com/cb Yes No`,
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
    assert.equal(res.status, 200);
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

  it('adds a web client with its redirect URIs, MFA and first-party flags', async () => {
    const res = await admin.post('/admin/apps/oidc', {
      name: 'Helpdesk',
      redirectUris: 'https://help.contoso.com/cb\r\n\r\nhttp://localhost:8080/cb\r\n',
      requireMfa: 'on',
      firstParty: 'on',
    });
    assert.equal(res.status, 200);
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
    assert.deepEqual([row.require_mfa, row.first_party], [1, 1]);
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
    assert.equal(res.status, 200);
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
    const before = await appCount();
    await admin.page('/admin/apps');
    for (const [path, fields] of [
      ['/admin/apps/oidc', { name: 'Sneaky', redirectUris: 'https://x.example.com/cb' }],
      ['/admin/apps/legacy', { name: 'Sneaky', fronts: 'ldap' }],
      [`/admin/apps/${keep.application.id}/delete`, { confirm: 'yes' }],
      [`/admin/apps/${keep.application.id}/secret`, { confirm: 'yes' }],
    ] as const) {
      for (const csrf of [undefined, 'not-the-token']) {
        const res = await admin.post(
          path,
          { ...fields, ...(csrf ? { _csrf: csrf } : {}) },
          { csrf: false },
        );
        assert.equal(res.status, 403, `${path} with CSRF ${csrf}`);
      }
    }
    assert.equal(await appCount(), before);
    const row = await appRow(keep.application.id);
    assert.equal(clientSecretOf(t.ctx, row!), keep.clientSecret);
  });
});
