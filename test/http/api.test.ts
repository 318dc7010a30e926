import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('admin REST API /api/v1', () => {
  let t: TestApp;
  let token: string;
  const call = (
    method: string,
    path: string,
    body?: unknown,
    auth: string | null = `Bearer ${token}`,
  ) =>
    t.app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: auth } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'tests' })).token;
  });
  after(() => t.close());

  it('serves its OpenAPI document without a token', async () => {
    const res = await t.app.request('/api/v1/openapi.json');
    assert.equal(res.status, 200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of ['/users', '/users/{upn}', '/signins']) assert.ok(doc.paths[p], p);
  });

  it('refuses requests without a valid token, with problem+json', async () => {
    for (const auth of [null, 'Bearer nope', `Bearer ${token.slice(0, -1)}x`, `Basic ${token}`]) {
      const res = await call('GET', '/users', undefined, auth);
      assert.equal(res.status, 401);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await res.json()) as { code: string }).code, 'unauthorized');
    }
  });

  it('creates a user and gets it by UPN, case-insensitively', async () => {
    const res = await call('POST', '/users', {
      userPrincipalName: 'Alice@Contoso.com',
      password: 'long enough pw',
      displayName: 'Alice',
      preferredLanguage: 'fr',
    });
    assert.equal(res.status, 201);
    const got = await call('GET', '/users/alice%40contoso.com');
    assert.equal(got.status, 200);
    assert.deepEqual(await got.json(), {
      ...((await res.json()) as object),
    });
    const u = (await (await call('GET', '/users/ALICE@contoso.com')).json()) as Record<
      string,
      unknown
    >;
    assert.equal(u.userPrincipalName, 'Alice@Contoso.com');
    assert.equal(u.displayName, 'Alice');
    assert.equal(u.preferredLanguage, 'fr');
    assert.equal(u.isAdmin, false);
    assert.deepEqual(u.strongAuthenticationRequirements, []);
    assert.deepEqual(u.strongAuthenticationMethods, []);
    assert.equal('password_hash' in u || 'passwordHash' in u, false);
  });

  it('sets the MFA state with PATCH strongAuthenticationRequirements, and clears it with []', async () => {
    const res = await call('PATCH', '/users/alice@contoso.com', {
      strongAuthenticationRequirements: [{ relyingParty: '*', state: 'Enforced' }],
    });
    assert.equal(res.status, 200);
    const u = (await res.json()) as { strongAuthenticationRequirements: unknown; mfaState: string };
    assert.deepEqual(u.strongAuthenticationRequirements, [
      { relyingParty: '*', state: 'Enforced' },
    ]);
    const off = (await (
      await call('PATCH', '/users/alice@contoso.com', { strongAuthenticationRequirements: [] })
    ).json()) as { mfaState: string };
    assert.equal(off.mfaState, 'Disabled');
  });

  it('blocks and unblocks sign-in with PATCH blockCredential, audited, ending sessions', async () => {
    const alice = await t.ctx.stores.users.findByUpn('alice@contoso.com');
    t.clock.advance(1000); // after her creation's audit entry
    const now = t.clock.now();
    await t.ctx.stores.sessions.insert({
      id_hash: 'alice-session',
      csrf_token: 'c',
      user_id: alice!.id,
      flow_id: null,
      amr: '["pwd"]',
      auth_time: now,
      mfa_at: null,
      created_at: now,
      expires_at: now + 3_600_000,
    });
    const blocked = await call('PATCH', '/users/alice@contoso.com', { blockCredential: true });
    assert.equal(((await blocked.json()) as { blockCredential: boolean }).blockCredential, true);
    assert.equal(
      await t.ctx.stores.sessions.find('alice-session', now),
      undefined,
      'her sessions ended',
    );
    t.clock.advance(1000);
    const unblocked = await call('PATCH', '/users/alice@contoso.com', { blockCredential: false });
    assert.equal(((await unblocked.json()) as { blockCredential: boolean }).blockCredential, false);
    const audit = await t.ctx.stores.audit.forUser(alice!.id);
    assert.deepEqual(audit.map((a) => a.action).slice(0, 2), ['user_unblocked', 'user_blocked']);
    assert.equal(audit[0]!.actor, 'token tests');
    const empty = await call('PATCH', '/users/alice@contoso.com', {});
    assert.equal(empty.status, 400);
  });

  it('lists users with cursor paging and an MFA-state filter', async () => {
    for (const n of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      await call('POST', '/users', {
        userPrincipalName: `${n}@fabrikam.com`,
        password: 'long enough pw',
        mfaState: n === 'u2' || n === 'u4' ? 'Enabled' : 'Disabled',
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call('GET', `/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as {
        items: { userPrincipalName: string }[];
        nextCursor: string | null;
      };
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => i.userPrincipalName));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [
      'Alice@Contoso.com',
      'u1@fabrikam.com',
      'u2@fabrikam.com',
      'u3@fabrikam.com',
      'u4@fabrikam.com',
      'u5@fabrikam.com',
    ]);
    const enabled = (await (await call('GET', '/users?mfaState=Enabled')).json()) as {
      items: { userPrincipalName: string }[];
    };
    assert.deepEqual(
      enabled.items.map((i) => i.userPrincipalName),
      ['u2@fabrikam.com', 'u4@fabrikam.com'],
    );
  });

  it('answers mistakes with problem+json and a stable code, never a 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      [
        'POST',
        '/users',
        { userPrincipalName: 'not-a-upn', password: 'long enough pw' },
        400,
        'invalid_upn',
      ],
      [
        'POST',
        '/users',
        { userPrincipalName: 'alice@contoso.com', password: 'long enough pw' },
        409,
        'upn_taken',
      ],
      [
        'POST',
        '/users',
        { userPrincipalName: 'short@contoso.com', password: 'short' },
        400,
        'weak_password',
      ],
      ['POST', '/users', { userPrincipalName: 42 }, 400, 'invalid_request'],
      ['GET', '/users/ghost@contoso.com', undefined, 404, 'user_not_found'],
      ['GET', '/users/gh%00ost@contoso.com', undefined, 404, 'user_not_found'],
      ['GET', '/signins?cursor=%00%01', undefined, 400, 'invalid_request'],
      ['GET', '/users?cursor=YQBi', undefined, 200, ''],
      ['GET', '/signins?cursor=MTIzOgB4', undefined, 400, 'invalid_request'],
      ['GET', '/signins?user=a%00b', undefined, 200, ''],
      [
        'POST',
        '/users',
        {
          userPrincipalName: 'nul@contoso.com',
          password: 'long enough pw',
          displayName: 'a\u0000b',
        },
        400,
        'invalid_request',
      ],
      [
        'PATCH',
        '/users/ghost@contoso.com',
        { strongAuthenticationRequirements: [{ relyingParty: '*', state: 'Enabled' }] },
        404,
        'user_not_found',
      ],
      [
        'PATCH',
        '/users/alice@contoso.com',
        { strongAuthenticationRequirements: [{ relyingParty: '*', state: 'Sometimes' }] },
        400,
        'invalid_request',
      ],
      ['GET', '/users?mfaState=Maybe', undefined, 400, 'invalid_request'],
      ['GET', '/users?limit=0', undefined, 400, 'invalid_request'],
      ['GET', '/nothing-here', undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const res = await call(method, path, body);
      assert.equal(res.status, status, `${method} ${path}`);
      if (status === 200) continue;
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      const p = (await res.json()) as { code: string; status: number; title: string };
      assert.equal(p.code, code, `${method} ${path}`);
      assert.equal(p.status, status);
    }
    const malformed = await t.app.request('/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"userPrincipalName": ',
    });
    assert.equal(malformed.status, 400);
    const wrongType = await t.app.request('/api/v1/users', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(wrongType.status, 400);
    assert.equal(
      await t.ctx.stores.users.findByUpn('short@contoso.com'),
      undefined,
      'nothing half-written',
    );
  });

  it('shows phone numbers masked, and in full only to tokens with the personal-data right', async () => {
    const { addRegistration } = await import('../../src/services/registrations.ts');
    const alice = await t.ctx.stores.users.findByUpn('alice@contoso.com');
    await addRegistration(t.ctx, alice!.id, 'TwoWayVoiceOffice', {
      ok: true,
      secret: '+420222333444',
      details: { masked: '+••••••••••44', extension: '12' },
    });
    const masked = (await (await call('GET', '/users/alice@contoso.com')).json()) as {
      strongAuthenticationMethods: { methodType: string; phoneNumber?: string }[];
    };
    const office = masked.strongAuthenticationMethods.find(
      (m) => m.methodType === 'TwoWayVoiceOffice',
    );
    assert.equal(office?.phoneNumber, '+••••••••••44 x12');
    assert.ok(!JSON.stringify(masked).includes('222333'), 'no digits but the last two');
    const privileged = (
      await createApiToken(t.ctx, cliActor(), { name: 'helpdesk', rights: ['personal-data'] })
    ).token;
    const full = (await (
      await call('GET', '/users/alice@contoso.com', undefined, `Bearer ${privileged}`)
    ).json()) as typeof masked;
    assert.equal(
      full.strongAuthenticationMethods.find((m) => m.methodType === 'TwoWayVoiceOffice')
        ?.phoneNumber,
      '+420222333444 x12',
    );
    const page = (await (
      await call('GET', '/users?limit=1', undefined, `Bearer ${privileged}`)
    ).json()) as { items: (typeof masked)[] };
    assert.equal(
      page.items[0]?.strongAuthenticationMethods.find((m) => m.methodType === 'TwoWayVoiceOffice')
        ?.phoneNumber,
      '+420222333444 x12',
    );
  });

  it('lists the sign-in log, newest first, with cursor paging', async () => {
    const { signinFlows } = await import('../../src/flows/signin.ts');
    const flows = signinFlows(t.ctx);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      await flows
        .start('alice@contoso.com', 'wrong!!!', { ip: '192.0.2.7', userAgent: 'test' })
        .catch(() => {});
    }
    const res = await call('GET', '/signins?limit=2&user=alice@contoso.com');
    const page = (await res.json()) as {
      items: {
        createdDateTime: string;
        result: string;
        failureReason: string;
        ipAddress: string;
        userAgent: string;
      }[];
      nextCursor: string;
    };
    assert.equal(page.items.length, 2);
    assert.ok(page.items[0]!.createdDateTime > page.items[1]!.createdDateTime);
    assert.deepEqual(
      [
        page.items[0]!.result,
        page.items[0]!.failureReason,
        page.items[0]!.ipAddress,
        page.items[0]!.userAgent,
      ],
      ['failure', 'wrong password', '192.0.2.7', 'test'],
    );
    const rest = (await (
      await call('GET', `/signins?limit=2&user=alice@contoso.com&cursor=${page.nextCursor}`)
    ).json()) as { items: unknown[]; nextCursor: null };
    assert.equal(rest.items.length, 1);
    assert.equal(rest.nextCursor, null);
  });
});
