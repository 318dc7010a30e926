// The Graph-shaped API (issue 21, item 7), replayed against the request and
// response examples of Microsoft's Graph documentation (test/fixtures/graph,
// each with its source): the same URLs (with our user's id for theirs, and
// /users/{id} for /me), the same bodies, the same property names and — where
// our data is theirs — the same values; then what the examples do not show:
// errors in Graph's format, tokens, the methods behind each Graph method,
// Temporary Access Passes that start later, and batches of up to 20.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import { useTemporaryAccessPass } from '../../src/services/temporary-access-pass.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

interface Fixture {
  source: string;
  request: { method: string; url: string; body: unknown } | null;
  response: { status: number | null; body: unknown };
}
type Json = Record<string, unknown>;
type List = { '@odata.context': string; value: Json[] };

const fixture = (name: string): Fixture =>
  JSON.parse(
    readFileSync(new URL(`../fixtures/graph/${name}.json`, import.meta.url), 'utf8'),
  ) as Fixture;

/** Their URL as ours: /graph in front, our user for theirs (or for /me), our ids for theirs. */
function ourUrl(url: string, user: string, ids: Record<string, string> = {}): string {
  let path = url.replace('https://graph.microsoft.com', '/graph');
  path = path.replace(/\/users\/[^/]+\//, `/users/${user}/`).replace('/me/', `/users/${user}/`);
  for (const [theirs, ours] of Object.entries(ids)) path = path.replace(theirs, ours);
  return path;
}

/** Every property of theirs is ours too, of the same JSON type (null or not). */
function sameProperties(ours: Json, theirs: Json, what: string) {
  for (const [k, v] of Object.entries(theirs)) {
    assert.ok(Object.hasOwn(ours, k), `${what}: ${k} missing from ${JSON.stringify(ours)}`);
    if (v !== null && ours[k] !== null)
      assert.equal(typeof ours[k], typeof v, `${what}: ${k} is a ${typeof v}`);
  }
}

describe('Graph-shaped API (/graph/v1.0, /graph/beta)', () => {
  let t: TestApp;
  let token: string;
  let readToken: string;
  let userId: string;
  const UPN = 'cameron@contoso.com';

  const call = async (
    method: string,
    url: string,
    body?: unknown,
    auth: string | null = token,
  ): Promise<{ status: number; body: Json; headers: Headers }> => {
    const r = await t.app.request(url, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: text ? (JSON.parse(text) as Json) : {}, headers: r.headers };
  };
  const replay = async (name: string, ids: Record<string, string> = {}) => {
    const f = fixture(name);
    const r = await call(
      f.request!.method,
      ourUrl(f.request!.url, userId, ids),
      f.request!.body ?? undefined,
    );
    assert.equal(r.status, f.response.status, `${name}: ${JSON.stringify(r.body)}`);
    return { f, r, theirs: f.response.body as Json };
  };
  /** An error as Graph's documentation shows one. */
  const graphError = (body: Json, code: string) => {
    const example = (fixture('error').response.body as { error: Json }).error;
    const error = body.error as Json;
    assert.ok(error, JSON.stringify(body));
    sameProperties(error, { code: example.code, message: example.message }, 'error');
    assert.equal(error.code, code, JSON.stringify(error));
    const inner = error.innerError as Json;
    assert.match(String(inner.date), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(String(inner['request-id']), /^[0-9a-f-]{36}$/);
  };
  const methodRows = async () =>
    (await t.ctx.stores.methods.listForUser(userId)).map((m) => m.method_type).sort();

  before(async () => {
    t = await createTestApp();
    token = (
      await createApiToken(t.ctx, cliActor(), { name: 'scripts', rights: ['personal-data'] })
    ).token;
    readToken = (await createApiToken(t.ctx, cliActor(), { name: 'auditor', scope: 'read' })).token;
    await t.addUser({ upn: UPN, mfaState: 'Enforced' });
    userId = (await t.ctx.stores.users.findByUpn(UPN))!.id;
  });
  after(() => t.close());

  it('GET and PATCH authentication/requirements as the examples, by id or user principal name', async () => {
    const { r, theirs } = await replay('requirements-get');
    assert.equal(r.body.perUserMfaState, (theirs as Json).perUserMfaState);
    assert.match(
      String(r.body['@odata.context']),
      /\/graph\/beta\/\$metadata#users\('.+'\)\/authentication\/requirements$/,
    );
    const byUpn = await call(
      'GET',
      `/graph/v1.0/users/${encodeURIComponent(UPN)}/authentication/requirements`,
    );
    assert.equal(byUpn.body.perUserMfaState, 'enforced');

    t.clock.advance(1000);
    const update = await replay('requirements-update');
    assert.deepEqual(update.r.body, {}, 'no body: 204');
    assert.equal((await t.ctx.stores.users.findById(userId))?.mfa_state, 'Disabled');
    const [entry] = await t.ctx.stores.audit.list({ target: UPN, limit: 1 });
    assert.equal(entry?.action, 'mfa_state_set');
    assert.equal(entry?.actor, 'token scripts');

    const bad = await call('PATCH', `/graph/beta/users/${userId}/authentication/requirements`, {
      perUserMfaState: 'sometimes',
    });
    assert.equal(bad.status, 400);
    graphError(bad.body, 'badRequest');
    const extra = await call('PATCH', `/graph/beta/users/${userId}/authentication/requirements`, {
      perUserMfaState: 'enabled',
      perUserMfaStat: 'x',
    });
    assert.equal(extra.status, 400);
    assert.equal(
      (await t.ctx.stores.users.findById(userId))?.mfa_state,
      'Disabled',
      'nothing changed',
    );
  });

  it('errors are Graph errors: unknown user, no token, a read-only token changing, an unknown segment', async () => {
    const ghost = await call('GET', '/graph/v1.0/users/ghost@contoso.com/authentication/methods');
    assert.equal(ghost.status, 404);
    graphError(ghost.body, 'Request_ResourceNotFound');
    assert.equal(ghost.headers.get('content-type')?.startsWith('application/json'), true);
    const anon = await call(
      'GET',
      `/graph/v1.0/users/${userId}/authentication/methods`,
      undefined,
      null,
    );
    assert.equal(anon.status, 401);
    graphError(anon.body, 'InvalidAuthenticationToken');
    const wrong = await call(
      'GET',
      `/graph/v1.0/users/${userId}/authentication/methods`,
      undefined,
      'pcl_x_y',
    );
    assert.equal(wrong.status, 401);
    const reader = await call(
      'PATCH',
      `/graph/v1.0/users/${userId}/authentication/requirements`,
      { perUserMfaState: 'enforced' },
      readToken,
    );
    assert.equal(reader.status, 403);
    graphError(reader.body, 'accessDenied');
    assert.equal(
      (
        await call(
          'GET',
          `/graph/v1.0/users/${userId}/authentication/requirements`,
          undefined,
          readToken,
        )
      ).status,
      200,
      'a read-only token reads',
    );
    const segment = await call(
      'GET',
      `/graph/v1.0/users/${userId}/authentication/carrierPigeonMethods`,
    );
    assert.equal(segment.status, 400);
    graphError(segment.body, 'badRequest');
    const nowhere = await call('GET', '/graph/v2.0/users');
    assert.equal(nowhere.status, 404, 'only v1.0 and beta');
  });

  it('phone methods: texts and calls per phone type, with Graph ids and numbers as the example', async () => {
    for (const [type, secret] of [
      ['OneWaySMS', '+12065555555'],
      ['TwoWayVoiceMobile', '+12065555555'],
      ['TwoWayVoiceAlternateMobile', '+12065555556'],
      ['TwoWayVoiceOffice', '+12065555557'],
    ] as const)
      await addRegistration(t.ctx, userId, type, {
        ok: true,
        secret,
        details: { masked: `+•••••••••${secret.slice(-2)}` },
      });
    const { r, theirs } = await replay('phone-methods-list');
    const ours = (r.body as List).value;
    const example = (theirs as List).value;
    assert.equal(ours.length, example.length, 'a text and a call to one mobile are one phone');
    for (const [i, their] of example.entries()) {
      const mine = ours[i]!;
      assert.equal(mine['@odata.type'], '#microsoft.graph.phoneAuthenticationMethod');
      // Texts never sign anyone in alone here: notSupported where the example's mobile is ready.
      assert.deepEqual(
        { ...mine, '@odata.type': undefined, smsSignInState: undefined },
        {
          ...their,
          '@odata.type': undefined,
          smsSignInState: undefined,
        },
      );
      assert.equal(mine.smsSignInState, 'notSupported');
    }
    const masked = await call(
      'GET',
      `/graph/v1.0/users/${userId}/authentication/phoneMethods`,
      undefined,
      readToken,
    );
    assert.match(
      String((masked.body as List).value[0]?.phoneNumber),
      /^\+•+55$/,
      'masked without the personal-data right',
    );
  });

  it('the methods list names each method with its @odata.type, the password as the example, and no recovery codes', async () => {
    await addRegistration(t.ctx, userId, 'PhoneAppOTP', {
      ok: true,
      secret: 'JBSWY3DPEHPK3PXP',
      details: {},
    });
    await addRegistration(t.ctx, userId, 'PhoneAppNotification', {
      ok: true,
      secret: 'device-key',
      details: { deviceId: 'dev-1' },
      companions: [
        { methodType: 'PhoneAppOTP', secret: 'KRSXG5CTMVRXEZLU', details: { deviceId: 'dev-1' } },
      ],
    });
    await addRegistration(t.ctx, userId, 'Passkey', {
      ok: true,
      secret: null,
      details: { credentialId: 'cred-red', name: 'Red key' },
    });
    await t.ctx.db
      .insertInto('passkeys')
      .values({
        credential_id: 'cred-red',
        user_id: userId,
        public_key: 'AQID',
        counter: 0,
        transports: '[]',
        aaguid: '2fc0579f-8113-47ea-b116-555a8db9202a',
        name: 'Red key',
        created_at: t.clock.now(),
        last_used_at: null,
        flagged_at: null,
      })
      .execute();
    await addRegistration(t.ctx, userId, 'RecoveryCode', { ok: true, secret: null, details: {} });
    const list = await call('GET', `/graph/v1.0/users/${UPN}/authentication/methods`);
    assert.equal(list.status, 200);
    const value = (list.body as List).value;
    assert.deepEqual(value.map((m) => m['@odata.type']).sort(), [
      '#microsoft.graph.fido2AuthenticationMethod',
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
      '#microsoft.graph.softwareOathAuthenticationMethod',
    ]);
    const theirPassword = (fixture('methods-list-get-started').response.body as List).value.find(
      (m) => m['@odata.type'] === '#microsoft.graph.passwordAuthenticationMethod',
    )!;
    const ourPassword = value.find((m) => m['@odata.type'] === theirPassword['@odata.type'])!;
    sameProperties(ourPassword, theirPassword, 'password method');
    assert.equal(ourPassword.id, theirPassword.id, "Graph's fixed id");
    assert.equal(ourPassword.password, null, 'never the password');

    for (const [name, collection] of [
      ['microsoft-authenticator-methods-list', 'microsoftAuthenticatorMethods'],
      ['software-oath-methods-list', 'softwareOathMethods'],
    ] as const) {
      const { r, theirs } = await replay(name);
      const ours = (r.body as List).value;
      assert.equal(ours.length, 1, collection);
      sameProperties(ours[0]!, (theirs as List).value[0]!, collection);
      const one = await call(
        'GET',
        `/graph/v1.0/users/${userId}/authentication/${collection}/${ours[0]!.id}`,
      );
      assert.deepEqual(one.body, ours[0], `${collection}/{id}`);
    }
    // The example predates the rename of creationDateTime to createdDateTime (the resource's name now).
    const fido = await replay('fido2-methods-list');
    const key = (fido.r.body as List).value[0]!;
    const { creationDateTime: _, ...example } = (fido.theirs as List).value[0]!;
    sameProperties(key, { ...example, createdDateTime: '' }, 'fido2');
    assert.deepEqual([key.displayName, key.aaGuid], ['Red key', example.aaGuid]);
  });

  it('DELETE as the examples: a phone takes its texts and calls, the Authenticator its codes, all or nothing', async () => {
    const before = await methodRows();
    t.clock.advance(1000);
    const phone = await replay('phone-method-delete');
    assert.deepEqual(phone.r.body, {});
    assert.deepEqual(
      (await methodRows()).filter((m) => m === 'OneWaySMS' || m === 'TwoWayVoiceMobile'),
      [],
      'the mobile phone: its text and its call',
    );
    const audit = await t.ctx.stores.audit.list({ target: UPN, limit: 2 });
    assert.deepEqual(
      audit.map((a) => a.action),
      ['method_deleted', 'method_deleted'],
    );

    const ids = async (collection: string) =>
      (
        (await call('GET', `/graph/v1.0/users/${userId}/authentication/${collection}`)).body as List
      ).value.map((m) => String(m.id));
    const [authenticator] = await ids('microsoftAuthenticatorMethods');
    await replay('microsoft-authenticator-method-delete', {
      '_jpuR-TGZtk6aQCLF3BQjA2': authenticator!,
    });
    const left = await methodRows();
    assert.ok(!left.includes('PhoneAppNotification'));
    assert.equal(
      left.filter((m) => m === 'PhoneAppOTP').length,
      1,
      "the app's codes went with it, the other app's stayed",
    );

    const [key] = await ids('fido2Methods');
    await replay('fido2-method-delete', { '_jpuR-TGZtk6aQCLF3BQjA2': key! });
    const [oath] = await ids('softwareOathMethods');
    await replay('software-oath-method-delete', { 'b172893e-893e-b172-3e89-72b13e8972b1': oath! });
    assert.deepEqual(await methodRows(), [
      'RecoveryCode',
      'TwoWayVoiceAlternateMobile',
      'TwoWayVoiceOffice',
    ]);
    assert.ok(before.length > 3);

    const again = await call(
      'DELETE',
      `/graph/v1.0/users/${userId}/authentication/fido2Methods/${key}`,
    );
    assert.equal(again.status, 404);
    graphError(again.body, 'itemNotFound');
    const password = await call(
      'DELETE',
      `/graph/v1.0/users/${userId}/authentication/passwordMethods/28c10230-6103-485e-b985-444c60001490`,
    );
    assert.equal(password.status, 400);
    // A phone id under another collection is not found there.
    const misplaced = await call(
      'DELETE',
      `/graph/v1.0/users/${userId}/authentication/fido2Methods/b6332ec1-7057-4abe-9331-3d72feddfe41`,
    );
    assert.equal(misplaced.status, 404);
    assert.ok((await methodRows()).includes('TwoWayVoiceAlternateMobile'));
  });

  it('a Temporary Access Pass as the example: issued to start later, not usable until then, listed without the pass, deleted', async () => {
    await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { enabled: true });
    const f = fixture('temporary-access-pass-create');
    const start = new Date(t.clock.now() + 2 * 86_400_000).toISOString();
    const body = { ...(f.request!.body as Json), startDateTime: start };
    const created = await call('POST', ourUrl(f.request!.url, userId), body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    sameProperties(created.body, f.response.body as Json, 'created pass');
    const theirs = f.response.body as Json;
    for (const k of [
      '@odata.type',
      'lifetimeInMinutes',
      'isUsableOnce',
      'isUsable',
      'methodUsabilityReason',
    ])
      assert.equal(created.body[k], theirs[k], k);
    assert.equal(created.body.startDateTime, start);
    const pass = String(created.body.temporaryAccessPass);
    assert.ok(pass.length >= 8);

    const user = (await t.ctx.stores.users.findById(userId))!;
    assert.deepEqual(await useTemporaryAccessPass(t.ctx, user, pass, null), {
      ok: false,
      why: 'not yet valid',
    });
    const { r } = await replay('temporary-access-pass-list');
    const listed = (r.body as List).value[0]!;
    sameProperties(
      listed,
      (fixture('temporary-access-pass-list').response.body as List).value[0]!,
      'listed pass',
    );
    assert.equal(listed.temporaryAccessPass, null, 'never shown again');
    assert.equal(listed.methodUsabilityReason, 'NotYetValid');

    t.clock.advance(2 * 86_400_000 + 1000);
    const usable = (
      await call('GET', `/graph/v1.0/users/${userId}/authentication/temporaryAccessPassMethods`)
    ).body as List;
    assert.deepEqual(
      [usable.value[0]?.isUsable, usable.value[0]?.methodUsabilityReason],
      [true, 'EnabledByPolicy'],
    );
    assert.equal((await useTemporaryAccessPass(t.ctx, user, pass, null)).ok, true);

    const tooLong = await call('POST', ourUrl(f.request!.url, userId), { lifetimeInMinutes: 5 });
    assert.equal(tooLong.status, 400);
    graphError(tooLong.body, 'badRequest');
    await replay('temporary-access-pass-delete', {
      '05267842-25b2-4b21-8abd-8e4982796f7f': String(created.body.id),
    });
    assert.deepEqual(
      (
        (await call('GET', `/graph/v1.0/users/${userId}/authentication/temporaryAccessPassMethods`))
          .body as List
      ).value,
      [],
    );
  });

  it('$batch: up to 20 requests, each answered as if alone; a failed dependency is 424; nothing escapes /graph', async () => {
    const example = fixture('batch');
    const theirs = example.response.body as { responses: Json[] };
    const base = `/users/${userId}/authentication`;
    const batch = await call('POST', '/graph/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${base}/requirements` },
        {
          id: '2',
          method: 'PATCH',
          url: `${base}/requirements`,
          body: { perUserMfaState: 'enforced' },
          headers: { 'Content-Type': 'application/json' },
        },
        {
          id: '3',
          method: 'GET',
          url: `users/${userId}/authentication/requirements`,
          dependsOn: ['2'],
        },
        { id: '4', method: 'GET', url: '/users/ghost@contoso.com/authentication/methods' },
        {
          id: '5',
          method: 'DELETE',
          url: `${base}/phoneMethods/e37fc753-ff3b-4958-9484-eaa9425c82bc`,
          dependsOn: ['4'],
        },
        { id: '6', method: 'GET', url: '/../../api/v1/users' },
      ],
    });
    assert.equal(batch.status, 200);
    const responses = (batch.body as { responses: Json[] }).responses;
    sameProperties(responses[0]!, theirs.responses[0]!, 'a batch response');
    assert.deepEqual(
      responses.map((r) => [r.id, r.status]),
      [
        ['1', 200],
        ['2', 204],
        ['3', 200],
        ['4', 404],
        ['5', 424],
        ['6', 400],
      ],
    );
    assert.equal((responses[0]!.body as Json).perUserMfaState, 'disabled');
    assert.equal(
      (responses[2]!.body as Json).perUserMfaState,
      'enforced',
      'in order: after the PATCH',
    );
    graphError(responses[3]!.body as Json, 'Request_ResourceNotFound');
    const inner = ((responses[4]!.body as Json).error as Json).innerError as Json;
    assert.notEqual(
      batch.headers.get('request-id'),
      inner['request-id'],
      'the batch keeps its own id',
    );
    assert.match(batch.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(
      (await methodRows()).includes('TwoWayVoiceOffice'),
      'the dependent request did not run',
    );

    const tooMany = await call('POST', '/graph/v1.0/$batch', {
      requests: Array.from({ length: 21 }, (_, i) => ({
        id: String(i),
        method: 'GET',
        url: `${base}/requirements`,
      })),
    });
    assert.equal(tooMany.status, 400);
    graphError(tooMany.body, 'badRequest');
    for (const bad of [
      {},
      {
        requests: [
          { id: '1', method: 'GET', url: `${base}/methods` },
          { id: '1', method: 'GET', url: `${base}/methods` },
        ],
      },
      { requests: [{ id: '1', method: 'GET', url: 'https://example.com/users' }] },
      { requests: [{ id: '1', method: 'GET', url: `${base}/methods`, dependsOn: ['9'] }] },
      { requests: [{ id: '1', method: 'POST', url: '/$batch', body: { requests: [] } }] },
    ]) {
      const r = await call('POST', '/graph/v1.0/$batch', bad);
      const status = bad.requests?.[0]?.url === '/$batch' ? 200 : 400;
      assert.equal(r.status, status, JSON.stringify(bad));
      if (status === 200)
        assert.equal(
          (r.body as { responses: Json[] }).responses[0]?.status,
          400,
          'no batch in a batch',
        );
    }

    const reader = await call(
      'POST',
      '/graph/beta/$batch',
      {
        requests: [
          { id: 'a', method: 'GET', url: `${base}/requirements` },
          {
            id: 'b',
            method: 'PATCH',
            url: `${base}/requirements`,
            body: { perUserMfaState: 'disabled' },
          },
        ],
      },
      readToken,
    );
    assert.equal(reader.status, 200);
    assert.deepEqual(
      (reader.body as { responses: Json[] }).responses.map((r) => r.status),
      [200, 403],
      'a read-only token: each request judged alone',
    );
    assert.equal((await t.ctx.stores.users.findById(userId))?.mfa_state, 'Enforced');
  });
});
