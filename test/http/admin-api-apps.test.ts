// The admin API's application changes: DELETE /applications/{id} (with what
// oidc-provider kept for a client, and app passwords for the application alone),
// POST /applications/{id}/secret, and post-logout redirect URIs (POST, GET and
// PATCH /applications/{id}). Who may call them at all is checked with every
// other route in admin-api.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { oidcAdapter } from '../../src/oidc/adapter.ts';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { createAppPassword } from '../../src/services/app-passwords.ts';
import { clientSecretOf, createLegacyApp, createOidcApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('admin API: deleting applications, new client secrets, post-logout redirect URIs', () => {
  let t: TestApp;
  let token: string;
  let readToken: string;
  let userId: string;

  const call = (method: string, path: string, auth = token) =>
    t.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${auth}` } });
  const send = (method: string, path: string, body: unknown, auth = token) =>
    t.app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const appCount = async () =>
    (await t.ctx.db.selectFrom('applications').select('id').execute()).length;
  const problem = async (res: Response, status: number, code: string) => {
    const text = await res.text();
    assert.equal(res.status, status, text);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    const p = JSON.parse(text) as { code: string; detail?: string };
    assert.equal(p.code, code, text);
    return p;
  };
  const appRow = (id: string) =>
    t.ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  /** HTTP verify for alice with an app password, at one application. */
  const verify = (appId: string, password: string) =>
    t.app.request(`/legacy/v1/verify?app=${appId}`, {
      method: 'POST',
      headers: { authorization: basic('alice@contoso.com', password) },
    });
  const auditFor = async (action: string, appId: string) =>
    (
      await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute()
    ).filter((e) => e.detail.includes(`"${appId}"`));

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops' })).token;
    readToken = (await createApiToken(t.ctx, cliActor(), { name: 'auditor', scope: 'read' })).token;
    await t.addUser({ upn: 'alice@contoso.com' });
    userId = (await t.ctx.stores.users.findByUpn('alice@contoso.com'))!.id;
  });
  after(() => t.close());

  it('POST /applications/{id}/secret answers a new secret once; the stored one changes', async () => {
    const { application, clientSecret: old } = await createOidcApp(t.ctx, {
      name: 'Reports',
      machine: true,
    });
    const res = await call('POST', `/applications/${application.id}/secret`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const body = (await res.json()) as { clientSecret: string };
    assert.deepEqual(Object.keys(body), ['clientSecret']);
    assert.match(body.clientSecret, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(body.clientSecret, old);
    assert.equal(clientSecretOf(t.ctx, (await appRow(application.id))!), body.clientSecret);
    const [entry] = await auditFor('application_secret_changed', application.id);
    assert.equal(entry?.actor, 'token ops');
    assert.ok(!entry!.detail.includes(body.clientSecret), 'never in the audit log');
    const listed = await (await call('GET', '/applications')).text();
    assert.ok(!listed.includes(body.clientSecret));
    assert.match(listed, /"hasClientSecret":true/);
  });

  it('refuses a new secret for a legacy application (400), an unknown id (404) or a read-only token (403)', async () => {
    const legacy = await createLegacyApp(t.ctx, { name: 'Mail' });
    const p = await problem(
      await call('POST', `/applications/${legacy.id}/secret`),
      400,
      'invalid_request',
    );
    assert.match(p.detail ?? '', /"Mail" is a legacy application: it has no client secret/);
    const missing = await problem(
      await call('POST', '/applications/app-000000000000/secret'),
      404,
      'not_found',
    );
    assert.match(missing.detail ?? '', /No application has the id "app-000000000000"/);
    const client = await createOidcApp(t.ctx, { name: 'Kept', machine: true });
    await problem(
      await call('POST', `/applications/${client.application.id}/secret`, readToken),
      403,
      'forbidden',
    );
    assert.equal(
      clientSecretOf(t.ctx, (await appRow(client.application.id))!),
      client.clientSecret,
    );
  });

  it('DELETE /applications/{id} removes a client and everything oidc-provider kept for it (204)', async () => {
    const { application } = await createOidcApp(t.ctx, {
      name: 'Wiki',
      redirectUris: ['https://wiki.contoso.com/cb'],
    });
    const id = application.id;
    const Adapter = oidcAdapter(t.ctx);
    await new Adapter('Grant').upsert('g1', { clientId: id, accountId: userId }, 600);
    await new Adapter('RefreshToken').upsert('rt1', { clientId: id, grantId: 'g1' }, 600);
    await new Adapter('AuthorizationCode').upsert('c1', { grantId: 'g1' }, 60);
    await new Adapter('Session').upsert(
      's1',
      { accountId: userId, authorizations: { [id]: { grantId: 'g1' } } },
      600,
    );
    const res = await call('DELETE', `/applications/${id}`);
    assert.equal(res.status, 204);
    assert.equal(await res.text(), '');
    assert.equal(await appRow(id), undefined);
    const left = await t.ctx.db.selectFrom('oidc_payloads').select(['model', 'id']).execute();
    assert.deepEqual(left, [{ model: 'Session', id: 's1' }], 'only the shared session is kept');
    const [entry] = await auditFor('application_deleted', id);
    assert.equal(entry?.actor, 'token ops');
    assert.deepEqual(
      [
        JSON.parse(entry!.detail).name,
        JSON.parse(entry!.detail).kind,
        JSON.parse(entry!.detail).oidcRecords,
      ],
      ['Wiki', 'oidc', 3],
    );
    await problem(await call('DELETE', `/applications/${id}`), 404, 'not_found');
  });

  it('DELETE of a legacy application: its fronts refuse it at once; app passwords for it alone go, never widened', async () => {
    const vpn = await createLegacyApp(t.ctx, { name: 'VPN' });
    const mail = await createLegacyApp(t.ctx, { name: 'Mail server' });
    const only = (await createAppPassword(t.ctx, userId, { name: 'VPN only', scopes: [vpn.id] }))
      .password;
    const both = (
      await createAppPassword(t.ctx, userId, { name: 'VPN and mail', scopes: [vpn.id, mail.id] })
    ).password;
    // Used once, so the application is in this process's cache.
    assert.equal((await verify(vpn.id, only)).status, 200);
    assert.equal((await verify(mail.id, only)).status, 401, 'not for the mail server');
    assert.equal((await verify(mail.id, both)).status, 200);

    await problem(await call('DELETE', `/applications/${vpn.id}`, readToken), 403, 'forbidden');
    assert.ok(await appRow(vpn.id), 'a read-only token changes nothing');
    assert.equal((await call('DELETE', `/applications/${vpn.id}`)).status, 204);

    t.clock.advance(1000); // so the sign-in log's newest entry is this one
    assert.equal((await verify(vpn.id, both)).status, 401, 'the application is gone at once');
    const [logged] = await t.ctx.stores.signinLog.list({ upn: 'alice@contoso.com', limit: 1 });
    assert.equal(logged?.reason, 'unknown application');
    assert.equal((await verify(mail.id, only)).status, 401, 'deleted, not made usable anywhere');
    assert.equal((await verify(mail.id, both)).status, 200, 'still works where it may');
    const rows = await t.ctx.db
      .selectFrom('app_passwords')
      .select(['name', 'scopes'])
      .where('user_id', '=', userId)
      .execute();
    assert.deepEqual(rows, [{ name: 'VPN and mail', scopes: JSON.stringify([mail.id]) }]);
    const [deleted] = await auditFor('app_password_deleted', vpn.id);
    assert.equal(deleted?.target, 'alice@contoso.com');
    assert.equal(deleted?.actor, 'token ops');
  });

  it('POST /applications registers post-logout redirect URIs; GET shows them, one or all', async () => {
    const res = await send('POST', '/applications', {
      kind: 'oidc',
      name: 'Wiki',
      redirectUris: ['https://wiki.contoso.com/redirect_uri'],
      postLogoutRedirectUris: [
        'https://wiki.contoso.com/loggedout.html',
        'http://localhost:8080/bye?from=portcullis',
        'https://wiki.contoso.com/loggedout.html',
      ],
    });
    assert.equal(res.status, 201, await res.clone().text());
    const created = (await res.json()) as { id: string; postLogoutRedirectUris: string[] };
    const expected = [
      'https://wiki.contoso.com/loggedout.html',
      'http://localhost:8080/bye?from=portcullis',
    ];
    assert.deepEqual(created.postLogoutRedirectUris, expected, 'checked, without repeats');
    assert.deepEqual(JSON.parse((await appRow(created.id))!.post_logout_redirect_uris), expected);
    const one = (await (await call('GET', `/applications/${created.id}`)).json()) as {
      postLogoutRedirectUris: string[];
      clientSecret?: string;
    };
    assert.deepEqual(one.postLogoutRedirectUris, expected);
    assert.equal(one.clientSecret, undefined, 'the secret was in the first answer only');
    const all = (await (await call('GET', '/applications')).json()) as {
      items: { id: string; postLogoutRedirectUris: string[] }[];
    };
    assert.deepEqual(all.items.find((a) => a.id === created.id)?.postLogoutRedirectUris, expected);
    const [entry] = await auditFor('application_created', created.id);
    assert.deepEqual(JSON.parse(entry!.detail).postLogoutRedirectUris, expected);
    await problem(await call('GET', '/applications/app-000000000000'), 404, 'not_found');
    const legacy = await createLegacyApp(t.ctx, { name: 'Printer' });
    const shown = (await (await call('GET', `/applications/${legacy.id}`)).json()) as {
      postLogoutRedirectUris: string[];
    };
    assert.deepEqual(shown.postLogoutRedirectUris, []);
  });

  it('POST /applications registers a device client: public, no secret, the device grant; refuses one with URIs or also a machine', async () => {
    const res = await send('POST', '/applications', {
      kind: 'oidc',
      name: 'Deploy CLI',
      device: true,
    });
    assert.equal(res.status, 201, await res.clone().text());
    const created = (await res.json()) as {
      id: string;
      clientSecret?: string;
      hasClientSecret: boolean;
      grantTypes: string[];
    };
    assert.equal(created.clientSecret, undefined);
    assert.equal(created.hasClientSecret, false);
    assert.deepEqual(created.grantTypes, [
      'urn:ietf:params:oauth:grant-type:device_code',
      'refresh_token',
    ]);
    assert.equal((await appRow(created.id))!.client_secret_sealed, null);
    const [entry] = await auditFor('application_created', created.id);
    assert.equal(JSON.parse(entry!.detail).clientType, 'device');
    // A public client has no secret to renew.
    const renew = await problem(
      await call('POST', `/applications/${created.id}/secret`),
      400,
      'invalid_request',
    );
    assert.match(renew.detail ?? '', /is a public client: it has no client secret/);
    const before = await appCount();
    for (const [body, reason] of [
      [
        { device: true, redirectUris: ['https://x.contoso.com/cb'] },
        /A device client .* no redirect URIs/,
      ],
      [{ device: true, machine: true }, /a machine client or a device client, not both/],
    ] as const) {
      const p = await problem(
        await send('POST', '/applications', { kind: 'oidc', name: 'TV', ...body }),
        400,
        'invalid_request',
      );
      assert.match(p.detail ?? '', reason);
    }
    const legacy = await problem(
      await send('POST', '/applications', { name: 'TV', device: true }),
      400,
      'invalid_request',
    );
    assert.match(legacy.detail ?? '', /device and idTokenSigningAlg are for kind "oidc"/);
    assert.equal(await appCount(), before, 'nothing added');
  });

  it('POST /applications refuses a bad post-logout redirect URI clearly (400); nothing is added', async () => {
    const before = await appCount();
    const web = { kind: 'oidc', name: 'Shady', redirectUris: ['https://x.contoso.com/cb'] };
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { ...web, postLogoutRedirectUris: ['http://x.contoso.com/bye'] },
        /Post-logout redirect URIs use https \(http only for localhost\): "http:\/\/x\.contoso\.com\/bye"/,
      ],
      [
        { ...web, postLogoutRedirectUris: ['https://x.contoso.com/bye#top'] },
        /A post-logout redirect URI has no fragment or credentials/,
      ],
      [{ ...web, postLogoutRedirectUris: ['https://x.contoso.com/bye#'] }, /has no fragment/],
      [{ ...web, postLogoutRedirectUris: ['/bye'] }, /"\/bye" is not a URL/],
      [{ ...web, postLogoutRedirectUris: ['javascript:alert(1)'] }, /use https/],
      [
        {
          kind: 'oidc',
          name: 'Job',
          machine: true,
          postLogoutRedirectUris: ['https://x.contoso.com/bye'],
        },
        /A machine client signs no one in \(or out\): it has no post-logout redirect URIs/,
      ],
      [
        { name: 'Mail', postLogoutRedirectUris: ['https://x.contoso.com/bye'] },
        /postLogoutRedirectUris.* are for kind "oidc"/,
      ],
    ];
    for (const [body, reason] of cases) {
      const p = await problem(await send('POST', '/applications', body), 400, 'invalid_request');
      assert.match(p.detail ?? '', reason, JSON.stringify(body));
    }
    // Wrong types and too many are refused by the schema, also as problem+json.
    for (const postLogoutRedirectUris of [
      'https://x.contoso.com/bye',
      [42],
      Array.from({ length: 21 }, (_, i) => `https://x.contoso.com/bye${i}`),
    ])
      await problem(
        await send('POST', '/applications', { ...web, postLogoutRedirectUris }),
        400,
        'invalid_request',
      );
    assert.equal(await appCount(), before, 'nothing was added');
  });

  it('PATCH /applications/{id} replaces the URIs, all or nothing; the provider sees them at once', async () => {
    const { application } = await createOidcApp(t.ctx, {
      name: 'Helpdesk',
      redirectUris: ['https://help.contoso.com/cb'],
    });
    const id = application.id;
    // Read once, so the client is in this process's cache when it changes.
    const { createOidcProvider } = await import('../../src/oidc/provider.ts');
    const provider = await createOidcProvider(t.ctx);
    assert.deepEqual((await provider.Client.find(id))?.postLogoutRedirectUris, []);

    const bye = 'https://help.contoso.com/signed-out';
    const res = await send('PATCH', `/applications/${id}`, { postLogoutRedirectUris: [bye] });
    assert.equal(res.status, 200, await res.clone().text());
    const changed = (await res.json()) as {
      redirectUris: string[];
      postLogoutRedirectUris: string[];
    };
    assert.deepEqual(changed.postLogoutRedirectUris, [bye]);
    assert.deepEqual(changed.redirectUris, ['https://help.contoso.com/cb'], 'not given, kept');
    assert.deepEqual((await provider.Client.find(id))?.postLogoutRedirectUris, [bye]);
    assert.ok((await provider.Client.find(id))?.postLogoutRedirectUriAllowed(bye));
    const [entry] = await auditFor('application_changed', id);
    assert.equal(entry?.actor, 'token ops');
    assert.deepEqual(JSON.parse(entry!.detail).postLogoutRedirectUris, [bye]);

    // One bad URI among good ones: refused, and nothing written (either list).
    const p = await problem(
      await send('PATCH', `/applications/${id}`, {
        redirectUris: ['https://help.contoso.com/new-cb'],
        postLogoutRedirectUris: ['https://help.contoso.com/ok', 'http://help.contoso.com/bye'],
      }),
      400,
      'invalid_request',
    );
    assert.match(p.detail ?? '', /Post-logout redirect URIs use https/);
    await problem(
      await send('PATCH', `/applications/${id}`, { redirectUris: [] }),
      400,
      'invalid_request',
    );
    await problem(await send('PATCH', `/applications/${id}`, {}), 400, 'invalid_request');
    await problem(
      await send('PATCH', `/applications/${id}`, { name: 'Renamed' }),
      400,
      'invalid_request',
    );
    await problem(
      await send('PATCH', `/applications/${id}`, { postLogoutRedirectUris: [] }, readToken),
      403,
      'forbidden',
    );
    const row = (await appRow(id))!;
    assert.deepEqual(JSON.parse(row.redirect_uris), ['https://help.contoso.com/cb']);
    assert.deepEqual(JSON.parse(row.post_logout_redirect_uris), [bye]);

    // An empty list removes them all.
    const cleared = await send('PATCH', `/applications/${id}`, { postLogoutRedirectUris: [] });
    assert.equal(cleared.status, 200);
    assert.deepEqual(JSON.parse((await appRow(id))!.post_logout_redirect_uris), []);
    assert.equal((await provider.Client.find(id))?.postLogoutRedirectUriAllowed(bye), false);

    const legacy = await createLegacyApp(t.ctx, { name: 'Old VPN' });
    const refused = await problem(
      await send('PATCH', `/applications/${legacy.id}`, { postLogoutRedirectUris: [bye] }),
      400,
      'invalid_request',
    );
    assert.match(refused.detail ?? '', /"Old VPN" is a legacy application/);
    const machine = await createOidcApp(t.ctx, { name: 'Nightly', machine: true });
    await problem(
      await send('PATCH', `/applications/${machine.application.id}`, {
        postLogoutRedirectUris: [bye],
      }),
      400,
      'invalid_request',
    );
    await problem(
      await send('PATCH', '/applications/app-000000000000', { postLogoutRedirectUris: [bye] }),
      404,
      'not_found',
    );
  });

  it("POST and PATCH /applications take a legacy application's RADIUS mode; a client is refused (400)", async () => {
    const res = await send('POST', '/applications', {
      name: 'VPN',
      radiusSecret: 'vpn-secret-0123456789',
      radiusMode: 'mfa',
      radiusMessageAuthenticator: false,
    });
    assert.equal(res.status, 201, await res.clone().text());
    const app = (await res.json()) as {
      id: string;
      radiusMode: string;
      radiusMessageAuthenticator: boolean;
    };
    assert.equal(app.radiusMode, 'mfa');
    assert.equal(app.radiusMessageAuthenticator, false);
    assert.equal((await appRow(app.id))!.radius_mode, 'mfa');
    const patched = await send('PATCH', `/applications/${app.id}`, { radiusMode: 'app-password' });
    assert.equal(patched.status, 200, await patched.clone().text());
    assert.equal(((await patched.json()) as { radiusMode: string }).radiusMode, 'app-password');
    assert.equal((await appRow(app.id))!.radius_message_authenticator, 0, 'not given, kept');
    await problem(
      await send('PATCH', `/applications/${app.id}`, { radiusMode: 'otp' }),
      400,
      'invalid_request',
    );
    const { application } = await createOidcApp(t.ctx, { name: 'Portal', machine: true });
    await problem(
      await send('PATCH', `/applications/${application.id}`, { radiusMode: 'mfa' }),
      400,
      'invalid_request',
    );
    await problem(
      await send('POST', '/applications', {
        name: 'Client',
        kind: 'oidc',
        machine: true,
        radiusMode: 'mfa',
      }),
      400,
      'invalid_request',
    );
    await problem(
      await send('PATCH', `/applications/${app.id}`, {
        radiusMode: 'mfa',
        redirectUris: ['https://x.contoso.com/cb'],
      }),
      400,
      'invalid_request',
    );
  });

  it("POST and PATCH /applications take a client's strength; legacy applications cannot have one (400)", async () => {
    const res = await send('POST', '/applications', {
      kind: 'oidc',
      name: 'Payroll',
      redirectUris: ['https://payroll.contoso.com/cb'],
      strength: 'passwordless',
    });
    assert.equal(res.status, 201, await res.clone().text());
    const app = (await res.json()) as { id: string; strength: string; requireMfa: boolean };
    assert.deepEqual([app.strength, app.requireMfa], ['passwordless', true]);
    const patched = await send('PATCH', `/applications/${app.id}`, {
      strength: 'phishing-resistant',
    });
    assert.equal(patched.status, 200, await patched.clone().text());
    assert.equal(((await patched.json()) as { strength: string }).strength, 'phishing-resistant');
    assert.equal((await appRow(app.id))!.require_mfa, 1, 'kept in step for older nodes');
    // requireMfa alone is the mfa strength, as before strengths.
    const old = await send('POST', '/applications', {
      kind: 'oidc',
      name: 'Old script',
      redirectUris: ['https://old.contoso.com/cb'],
      requireMfa: true,
    });
    assert.equal(((await old.json()) as { strength: string }).strength, 'mfa');
    await problem(
      await send('PATCH', `/applications/${app.id}`, { strength: 'gold' }),
      400,
      'invalid_request',
    );
    const legacy = (await (
      await send('POST', '/applications', { name: 'Mail', fronts: ['ldap'] })
    ).json()) as { id: string; strength: string };
    assert.equal(legacy.strength, 'none');
    const p = await problem(
      await send('PATCH', `/applications/${legacy.id}`, { strength: 'mfa' }),
      400,
      'invalid_request',
    );
    assert.match(p.detail ?? '', /never prove more than MFA/);
    const q = await problem(
      await send('POST', '/applications', { name: 'Mail 2', strength: 'phishing-resistant' }),
      400,
      'invalid_request',
    );
    assert.match(q.detail ?? '', /never prove more than MFA/);
    assert.equal((await appRow(app.id))!.strength, 'phishing-resistant', 'unchanged');
  });

  it('POST /applications registers a SAML application from metadata or an entity id and ACS URL; bad metadata is refused clearly and adds nothing', async () => {
    const metadata =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://tickets.contoso.com/saml">' +
      '<md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">' +
      '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>' +
      '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://tickets.contoso.com/saml/acs" index="0"/>' +
      '</md:SPSSODescriptor></md:EntityDescriptor>';
    const res = await send('POST', '/applications', {
      kind: 'saml',
      name: 'Tickets',
      metadata,
      strength: 'mfa',
    });
    assert.equal(res.status, 201, await res.clone().text());
    const created = (await res.json()) as {
      id: string;
      kind: string;
      strength: string;
      saml: Record<string, unknown>;
    };
    assert.equal(created.kind, 'saml');
    assert.equal(created.strength, 'mfa');
    assert.deepEqual(created.saml, {
      entityId: 'https://tickets.contoso.com/saml',
      acsUrls: ['https://tickets.contoso.com/saml/acs'],
      sloUrls: [],
      nameIdFormat: 'persistent',
      sign: 'both',
      encryptAssertion: false,
      wantRequestsSigned: false,
      signingCertificates: 0,
    });
    const got = (await (await call('GET', `/applications/${created.id}`)).json()) as {
      saml: { entityId: string };
    };
    assert.equal(got.saml.entityId, 'https://tickets.contoso.com/saml');
    const before = await appCount();
    for (const [body, detail] of [
      [{ kind: 'saml', name: 'X', metadata: '<md:EntityDescriptor' }, /cannot be read/],
      [{ kind: 'saml', name: 'X', metadata: `<!DOCTYPE x [<!ENTITY e "e">]>${metadata}` }, /DTDs/],
      [{ kind: 'saml', name: 'X', metadata }, /already registered/],
      [
        { kind: 'saml', name: 'X', entityId: 'https://x.test', acsUrls: ['http://x.test/acs'] },
        /https/,
      ],
      [{ kind: 'saml', name: 'X', entityId: 'https://x.test' }, /entity id and ACS URL/],
      [
        {
          kind: 'saml',
          name: 'X',
          entityId: 'https://x.test',
          acsUrls: ['https://x.test/acs'],
          encryptAssertion: true,
        },
        /encryption certificate/,
      ],
      [
        {
          kind: 'saml',
          name: 'X',
          entityId: 'https://x.test',
          acsUrls: ['https://x.test/acs'],
          redirectUris: ['https://x.test/cb'],
        },
        /A SAML application takes/,
      ],
      [
        {
          kind: 'oidc',
          name: 'X',
          redirectUris: ['https://x.test/cb'],
          entityId: 'https://x.test',
        },
        /are for kind "saml"/,
      ],
    ] as const) {
      const refused = await send('POST', '/applications', body);
      const p = await problem(
        refused,
        refused.status === 409 ? 409 : 400,
        refused.status === 409 ? 'conflict' : 'invalid_request',
      );
      assert.match(p.detail ?? '', detail);
    }
    assert.equal(await appCount(), before, 'nothing was added');
  });

  it('is described in the OpenAPI document: 204 for DELETE, the secret for POST, GET and PATCH of one', async () => {
    const doc = (await (await t.app.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    assert.ok(doc.paths['/applications/{id}']?.delete?.responses['204']);
    assert.ok(doc.paths['/applications/{id}/secret']?.post?.responses['200']);
    assert.ok(doc.paths['/applications/{id}']?.get?.responses['200']);
    assert.ok(doc.paths['/applications/{id}']?.patch?.responses['200']);
    assert.ok(doc.components.schemas.Application?.properties?.postLogoutRedirectUris);
    assert.ok(doc.components.schemas.ApplicationPatch?.properties?.postLogoutRedirectUris);
  });
});
