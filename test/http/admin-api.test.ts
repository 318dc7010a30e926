// The admin REST API under /api/v1, route by route: what each does for a
// read-write token, that every change is audited, who may call what (tokens,
// read-only tokens, browser sessions with CSRF), the guard rails, and that the
// OpenAPI document names every registered route.
//
// Each describe block gets its own database (createTestApp), so blocks do not
// depend on one another; tests inside a block run in order and may build on
// earlier ones where that is said.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { sha256 } from '../../src/crypto/hash.ts';
import { recordSignin, type SigninView } from '../../src/flows/signin-log.ts';
import { createApi } from '../../src/http/api/index.ts';
import { methodTypes } from '../../src/methods/catalogue.ts';
import { fromAllowedMethods, type MethodsPolicy } from '../../src/policy/methods-policy.ts';
import { type ApiTokenView, createApiToken } from '../../src/services/api-tokens.ts';
import { type AppPasswordView, createAppPassword } from '../../src/services/app-passwords.ts';
import {
  type ApplicationView,
  createLegacyApp,
  createOidcApp,
} from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import type { BulkResult } from '../../src/services/bulk-mfa.ts';
import { createGroup } from '../../src/services/groups.ts';
import type { AuditView } from '../../src/services/logs.ts';
import { changeMethodPolicy } from '../../src/services/methods-policy.ts';
import { addRegistration } from '../../src/services/registrations.ts';
import type { ServiceSettings } from '../../src/services/settings.ts';
import { issueTemporaryAccessPass } from '../../src/services/temporary-access-pass.ts';
import type { ProfileFields } from '../../src/services/user-fields.ts';
import type { MethodView, NewUser, UserView } from '../../src/services/users.ts';
import type { UserRow } from '../../src/storage/users.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { FormClient, textOf } from '../helpers/browser.ts';

/** The password test/helpers/app.ts gives every user it adds. */
const PASSWORD = 'correct horse battery';
const TOTP = { ok: true as const, secret: 'JBSWY3DPEHPK3PXP', details: {} };
const DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Requests and answers
// ---------------------------------------------------------------------------

type Headers = Record<string, string>;
type Call = (method: string, path: string, body?: unknown, headers?: Headers) => Promise<Response>;

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

/** One request to /api/v1, in process; a body is sent as JSON. */
async function send(
  t: TestApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Headers = {},
): Promise<Response> {
  return t.app.request(`/api/v1${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** Asserts the status (showing the body when it differs) and returns the parsed JSON. */
async function ok<T = unknown>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${text.slice(0, 400)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
}

/** Asserts an RFC 9457 problem+json answer with the given status and stable code. */
async function problem(
  res: Response | Promise<Response>,
  status: number,
  code: string,
  what = '',
): Promise<Problem> {
  const r = await res;
  const text = await r.text();
  assert.equal(r.status, status, `${what} expected ${status} ${code}, got ${r.status}: ${text}`);
  assert.equal(r.headers.get('content-type'), 'application/problem+json', what);
  const p = JSON.parse(text) as Problem;
  assert.equal(p.code, code, `${what} ${text}`);
  assert.equal(p.status, status, what);
  return p;
}

const iso = (t: number) => new Date(t).toISOString();
const enc = encodeURIComponent;

// ---------------------------------------------------------------------------
// A test application with two tokens
// ---------------------------------------------------------------------------

interface Harness {
  t: TestApp;
  /** Read-write token named "ops": its actor is "token ops". */
  token: string;
  /** Read-only token named "auditor". */
  readToken: string;
  /** Calls the API with the "ops" token unless other headers are given. */
  call: Call;
}

/** A fresh test application for the enclosing describe block. */
function useTestApp(): Harness {
  const h = {} as Harness;
  before(async () => {
    h.t = await createTestApp();
    h.token = (await createApiToken(h.t.ctx, cliActor(), { name: 'ops' })).token;
    h.readToken = (
      await createApiToken(h.t.ctx, cliActor(), { name: 'auditor', scope: 'read' })
    ).token;
    h.call = (method, path, body, headers = bearer(h.token)) =>
      send(h.t, method, path, body, headers);
  });
  after(() => h.t.close());
  return h;
}

// ---------------------------------------------------------------------------
// The database, directly
// ---------------------------------------------------------------------------

async function userRow(t: TestApp, upn: string): Promise<UserRow> {
  const row = await t.ctx.stores.users.findByUpn(upn);
  assert.ok(row, `${upn} exists`);
  return row;
}

async function addUser(
  t: TestApp,
  upn: string,
  extra: Partial<Omit<NewUser & ProfileFields, 'upn'>> = {},
): Promise<UserRow> {
  await t.addUser({ upn, ...extra });
  return userRow(t, upn);
}

/** Rows a user owns in one of the tables that hang off users. */
async function countOf(
  t: TestApp,
  table: 'auth_methods' | 'app_passwords' | 'remembered_devices' | 'sessions',
  userId: string,
): Promise<number> {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A browser that chose "remember MFA on this device" (expired when `expiresIn` < 0). */
async function rememberDevice(t: TestApp, userId: string, expiresIn = 14 * DAY): Promise<void> {
  const now = t.clock.now();
  await t.ctx.db
    .insertInto('remembered_devices')
    .values({
      id: crypto.randomUUID(),
      user_id: userId,
      token_hash: sha256(crypto.randomUUID()),
      user_agent: 'Firefox',
      ip: '192.0.2.10',
      created_at: now - DAY,
      expires_at: now + expiresIn,
      last_used_at: null,
    })
    .execute();
}

/** An open browser session of the user (row only); returns its id hash. */
async function openSession(t: TestApp, userId: string): Promise<string> {
  const now = t.clock.now();
  const idHash = sha256(crypto.randomUUID());
  await t.ctx.stores.sessions.insert({
    id_hash: idHash,
    csrf_token: 'csrf',
    user_id: userId,
    flow_id: null,
    amr: '["pwd"]',
    auth_time: now,
    mfa_at: null,
    created_at: now,
    expires_at: now + DAY,
  });
  return idHash;
}

/** Registers a TOTP method; a millisecond apart so "oldest" is well defined. */
async function addTotp(t: TestApp, userId: string): Promise<string> {
  t.clock.advance(1);
  return (await addRegistration(t.ctx, userId, 'PhoneAppOTP', TOTP)).id;
}

/** Everything an admin API change could touch, to prove that nothing did. */
async function snapshot(t: TestApp) {
  const db = t.ctx.db;
  return {
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    methods: await db.selectFrom('auth_methods').selectAll().orderBy('id').execute(),
    appPasswords: await db.selectFrom('app_passwords').selectAll().orderBy('id').execute(),
    devices: await db.selectFrom('remembered_devices').selectAll().orderBy('id').execute(),
    sessions: await db
      .selectFrom('sessions')
      .select(['id_hash', 'user_id', 'csrf_token', 'expires_at'])
      .orderBy('id_hash')
      .execute(),
    settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
    applications: await db.selectFrom('applications').selectAll().orderBy('id').execute(),
    // last_used_at moves with every authenticated request; the rest must not.
    tokens: await db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'scope', 'rights', 'secret_hash', 'created_by'])
      .orderBy('id')
      .execute(),
    audit: await db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
  };
}

// ---------------------------------------------------------------------------
// Audit log and browser sessions
// ---------------------------------------------------------------------------

/** Moves the clock on and returns the time: entries from now on are "after the mark". */
function mark(t: TestApp): number {
  t.clock.advance(1000);
  return t.clock.now();
}

/** Audit entries since a mark, read through the API, with extra query parameters. */
async function auditSince(
  h: Harness,
  since: number,
  query: Record<string, string> = {},
): Promise<AuditView[]> {
  const q = new URLSearchParams({ limit: '1000', since: iso(since), ...query });
  return (await ok<{ items: AuditView[] }>(h.call('GET', `/audit?${q}`))).items;
}

interface BrowserSession {
  /** The Cookie header of the signed-in browser. */
  cookie: Headers;
  /** The session's CSRF token (sessions.csrf_token), as its pages carry it. */
  csrf: string;
}

/** Signs a Disabled user in through the sign-in page, as a browser would. */
async function signIn(t: TestApp, upn: string): Promise<BrowserSession> {
  const b = new FormClient((req) => t.app.request(req));
  await b.page('/');
  const { html } = await b.submit('/signin', { username: upn, password: PASSWORD });
  assert.match(textOf(html), /My account/, `${upn} is signed in`);
  const token = b.cookies.get('portcullis');
  assert.ok(token, 'a session cookie');
  const row = await t.ctx.stores.sessions.find(sha256(token), t.clock.now());
  assert.ok(row?.user_id, 'a signed-in session');
  assert.equal(b.csrf, row.csrf_token, "the page carries the session's CSRF token");
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return { cookie: { cookie }, csrf: row.csrf_token };
}

// ---------------------------------------------------------------------------
// Every route, as concrete requests
// ---------------------------------------------------------------------------

/** A concrete request for one registered route (`route` in OpenAPI {param} syntax). */
interface RouteRequest {
  method: string;
  route: string;
  path: string;
  body?: unknown;
  /** Success status. */
  status: number;
}

/** Users, methods, app passwords and a spare token for the requests below. */
interface World {
  ulla: UserRow;
  methodIds: [string, string];
  appPasswordId: string;
  spareTokenId: string;
  /** An application to delete, and an OpenID Connect client to give a new secret. */
  spareAppId: string;
  clientId: string;
}

/**
 * root and second are administrators, nora is not; ulla has two methods, two
 * app passwords and a remembered device; del is there to be deleted.
 */
async function seedWorld(t: TestApp): Promise<World> {
  await addUser(t, 'root@contoso.com', { isAdmin: true, displayName: 'Root Admin' });
  await addUser(t, 'second@contoso.com', { isAdmin: true });
  await addUser(t, 'nora@contoso.com', { displayName: 'Nora Nonadmin', email: 'nora@contoso.com' });
  await addUser(t, 'del@contoso.com');
  const ulla = await addUser(t, 'ulla@contoso.com', { mfaState: 'Enabled' });
  const methodIds: [string, string] = [await addTotp(t, ulla.id), await addTotp(t, ulla.id)];
  const appPasswordId = (await createAppPassword(t.ctx, ulla.id, { name: 'Mail' })).appPassword.id;
  await createAppPassword(t.ctx, ulla.id, { name: 'Calendar' });
  await rememberDevice(t, ulla.id);
  const spareTokenId = (await createApiToken(t.ctx, cliActor(), { name: 'spare' })).apiToken.id;
  const spareAppId = (await createLegacyApp(t.ctx, { name: 'Spare' })).id;
  const clientId = (await createOidcApp(t.ctx, { name: 'Reports', machine: true })).application.id;
  await createGroup(t.ctx, cliActor(), { displayName: 'Staff', members: ['ulla@contoso.com'] });
  await createGroup(t.ctx, cliActor(), { displayName: 'Spare group' });
  // nora holds a Temporary Access Pass (to read); ulla's is issued and revoked.
  await changeMethodPolicy(t.ctx, 'temporaryAccessPass', { enabled: true });
  await issueTemporaryAccessPass(t.ctx, cliActor(), 'nora@contoso.com');
  return { ulla, methodIds, appPasswordId, spareTokenId, spareAppId, clientId };
}

const U = '/users/ulla@contoso.com';

/** `policy` with Temporary Access Passes on for everyone. */
const withPasses = (policy: MethodsPolicy): MethodsPolicy => ({
  ...policy,
  temporaryAccessPass: { ...policy.temporaryAccessPass, enabled: true },
});

/** A GET of every reading route (and the CSV forms of the logs). */
const readRequests = (w: World): RouteRequest[] => [
  { method: 'GET', route: '/users', path: '/users', status: 200 },
  { method: 'GET', route: '/users/{upn}', path: U, status: 200 },
  { method: 'GET', route: '/users/{upn}/methods', path: `${U}/methods`, status: 200 },
  {
    method: 'GET',
    route: '/users/{upn}/remembered-devices',
    path: `${U}/remembered-devices`,
    status: 200,
  },
  { method: 'GET', route: '/users/{upn}/app-passwords', path: `${U}/app-passwords`, status: 200 },
  { method: 'GET', route: '/settings', path: '/settings', status: 200 },
  { method: 'GET', route: '/signins', path: '/signins', status: 200 },
  { method: 'GET', route: '/signins', path: '/signins?format=csv', status: 200 },
  { method: 'GET', route: '/audit', path: '/audit', status: 200 },
  { method: 'GET', route: '/audit', path: '/audit?format=csv', status: 200 },
  { method: 'GET', route: '/tokens', path: '/tokens', status: 200 },
  { method: 'GET', route: '/applications', path: '/applications', status: 200 },
  { method: 'GET', route: '/applications/{id}', path: `/applications/${w.clientId}`, status: 200 },
  { method: 'GET', route: '/directory', path: '/directory', status: 200 },
  { method: 'GET', route: '/groups', path: '/groups', status: 200 },
  { method: 'GET', route: '/users/export', path: '/users/export', status: 200 },
  { method: 'GET', route: '/users/import/template', path: '/users/import/template', status: 200 },
  { method: 'GET', route: '/mail', path: '/mail', status: 200 },
  { method: 'GET', route: '/groups/{group}', path: '/groups/Staff', status: 200 },
  { method: 'GET', route: '/groups/{group}/members', path: '/groups/Staff/members', status: 200 },
  { method: 'GET', route: '/methods-policy', path: '/methods-policy', status: 200 },
  { method: 'GET', route: '/reports/registration', path: '/reports/registration', status: 200 },
  {
    method: 'GET',
    route: '/reports/registration/users',
    path: '/reports/registration/users?filter=phoneOnly',
    status: 200,
  },
  { method: 'GET', route: '/reports/signins', path: '/reports/signins?days=7', status: 200 },
  {
    method: 'GET',
    route: '/users/{upn}/temporary-access-pass',
    path: '/users/nora@contoso.com/temporary-access-pass',
    status: 200,
  },
];

/**
 * A valid request for every changing route, in an order in which each one
 * succeeds for someone allowed to make it — so a 403 means the caller was
 * refused, not that the request was wrong.
 */
const changeRequests = (w: World): RouteRequest[] => [
  {
    method: 'POST',
    route: '/users',
    path: '/users',
    body: { userPrincipalName: 'newbie@contoso.com', password: 'long enough pw' },
    status: 201,
  },
  { method: 'PATCH', route: '/users/{upn}', path: U, body: { displayName: 'Ulla U' }, status: 200 },
  {
    method: 'POST',
    route: '/users/{upn}/reset-password',
    path: `${U}/reset-password`,
    status: 200,
  },
  {
    method: 'POST',
    route: '/users/{upn}/dismiss-risk',
    path: `${U}/dismiss-risk`,
    status: 200,
  },
  {
    method: 'POST',
    route: '/users/mfa-state',
    path: '/users/mfa-state',
    body: { items: [{ userPrincipalName: 'ulla@contoso.com', state: 'Enforced' }] },
    status: 200,
  },
  {
    method: 'PUT',
    route: '/users/{upn}/methods/{id}/default',
    path: `${U}/methods/${w.methodIds[1]}/default`,
    status: 200,
  },
  {
    method: 'DELETE',
    route: '/users/{upn}/methods/{id}',
    path: `${U}/methods/${w.methodIds[0]}`,
    status: 200,
  },
  {
    method: 'DELETE',
    route: '/users/{upn}/app-passwords/{id}',
    path: `${U}/app-passwords/${w.appPasswordId}`,
    status: 200,
  },
  {
    method: 'DELETE',
    route: '/users/{upn}/app-passwords',
    path: `${U}/app-passwords`,
    status: 200,
  },
  ...['reset-methods', 'delete-app-passwords', 'restore-remembered-devices', 'unlock-signin'].map(
    (a) => ({
      method: 'POST',
      route: `/user-actions/${a}`,
      path: `/user-actions/${a}`,
      body: { users: ['ulla@contoso.com'] },
      status: 200,
    }),
  ),
  {
    method: 'PATCH',
    route: '/settings',
    path: '/settings',
    body: { rememberDevicesDays: 30 },
    status: 200,
  },
  {
    method: 'PUT',
    route: '/methods-policy',
    path: '/methods-policy',
    body: withPasses(fromAllowedMethods(methodTypes)),
    status: 200,
  },
  {
    method: 'POST',
    route: '/users/{upn}/temporary-access-pass',
    path: `${U}/temporary-access-pass`,
    body: { lifetimeMinutes: 60, oneTime: true },
    status: 201,
  },
  {
    method: 'DELETE',
    route: '/users/{upn}/temporary-access-pass',
    path: `${U}/temporary-access-pass`,
    status: 200,
  },
  {
    method: 'PATCH',
    route: '/methods-policy/{method}',
    path: '/methods-policy/passkey',
    body: { include: ['Staff'] },
    status: 200,
  },
  { method: 'POST', route: '/tokens', path: '/tokens', body: { name: 'new token' }, status: 201 },
  {
    method: 'DELETE',
    route: '/tokens/{id}',
    path: `/tokens/${w.spareTokenId}`,
    status: 200,
  },
  {
    method: 'POST',
    route: '/applications',
    path: '/applications',
    body: { name: 'Intranet' },
    status: 201,
  },
  {
    method: 'POST',
    route: '/applications/{id}/secret',
    path: `/applications/${w.clientId}/secret`,
    status: 200,
  },
  {
    method: 'PATCH',
    route: '/applications/{id}',
    path: `/applications/${w.clientId}`,
    body: { postLogoutRedirectUris: [] },
    status: 200,
  },
  {
    method: 'POST',
    route: '/applications/{id}/ldap-service-account',
    path: `/applications/${w.spareAppId}/ldap-service-account`,
    status: 200,
  },
  {
    method: 'DELETE',
    route: '/applications/{id}/ldap-service-account',
    path: `/applications/${w.spareAppId}/ldap-service-account`,
    status: 200,
  },
  {
    method: 'PUT',
    route: '/applications/{id}/access',
    path: `/applications/${w.spareAppId}/access`,
    body: { allUsers: true },
    status: 200,
  },
  {
    method: 'DELETE',
    route: '/applications/{id}',
    path: `/applications/${w.spareAppId}`,
    status: 204,
  },
  {
    method: 'POST',
    route: '/users/import',
    path: '/users/import',
    body: { csv: 'UserPrincipalName,DisplayName\nimported@contoso.com,Imported', invite: false },
    status: 200,
  },
  {
    method: 'POST',
    route: '/users/{upn}/invite',
    path: '/users/nora@contoso.com/invite',
    status: 200,
  },
  {
    method: 'POST',
    route: '/groups',
    path: '/groups',
    body: { displayName: 'New group', members: ['nora@contoso.com'] },
    status: 201,
  },
  {
    method: 'PATCH',
    route: '/groups/{group}',
    path: '/groups/Staff',
    body: { description: 'Everyone on the payroll' },
    status: 200,
  },
  {
    method: 'POST',
    route: '/groups/{group}/members',
    path: '/groups/Staff/members',
    body: { add: ['nora@contoso.com'] },
    status: 200,
  },
  {
    method: 'POST',
    route: '/groups/{group}/mfa-state',
    path: '/groups/Staff/mfa-state',
    body: { state: 'Enabled' },
    status: 200,
  },
  { method: 'DELETE', route: '/groups/{group}', path: '/groups/Spare%20group', status: 200 },
  { method: 'DELETE', route: '/users/{upn}', path: '/users/del@contoso.com', status: 200 },
  // No directory is configured here: allowed callers get 404 and what to set.
  { method: 'POST', route: '/directory/test', path: '/directory/test', body: {}, status: 404 },
  {
    method: 'POST',
    route: '/directory/sync',
    path: '/directory/sync',
    body: { dryRun: true },
    status: 404,
  },
];

/** Every route registered on the API, as "METHOD /path/{param}" (the document itself aside). */
function registeredRoutes(): string[] {
  const routes = new Set<string>();
  for (const r of createApi().routes) {
    if (r.method === 'ALL' || r.path === '/openapi.json') continue;
    routes.add(`${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...routes].sort();
}

const routeKey = (r: Pick<RouteRequest, 'method' | 'route'>) => `${r.method} ${r.route}`;

// ===========================================================================
// OpenAPI
// ===========================================================================

describe('admin API: OpenAPI document', () => {
  const h = useTestApp();

  type Operation = {
    parameters?: { name: string; in: string }[];
    responses: Record<string, unknown>;
  };
  type Doc = {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  const fetchDoc = async () => ok<Doc>(send(h.t, 'GET', '/openapi.json'));

  it('is served at /api/v1/openapi.json without a token', async () => {
    const doc = await fetchDoc();
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: '/api/v1' }]);
    assert.deepEqual(doc.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer' });
  });

  it('describes every route registered on the API, with its path parameters', async () => {
    const doc = await fetchDoc();
    const routes = registeredRoutes();
    assert.ok(routes.length >= 25, `found the routes (${routes.length})`);
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    for (const r of routes) assert.ok(documented.includes(r), `${r} is in the document`);
    assert.deepEqual(documented.sort(), routes, 'and the document names no route that is not');
    for (const [p, ops] of Object.entries(doc.paths)) {
      const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      for (const [m, op] of Object.entries(ops)) {
        const declared = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
        assert.deepEqual(declared.sort(), names, `${m} ${p} declares its path parameters`);
        for (const status of ['400', '401', '403'])
          assert.ok(op.responses[status], `${m} ${p} documents ${status}`);
      }
    }
  });

  it('exempts only the document itself from authentication', async () => {
    await addUser(h.t, 'ulla@contoso.com');
    for (const path of [
      '/users/ulla@contoso.com/app-passwords/openapi.json',
      '/users/ghost@contoso.com/app-passwords/openapi.json',
      '/users/ulla@contoso.com/methods/openapi.json',
      '/users/openapi.json',
    ]) {
      await problem(send(h.t, 'DELETE', path), 401, 'unauthorized', `DELETE ${path}`);
      await problem(send(h.t, 'GET', path), 401, 'unauthorized', `GET ${path}`);
    }
  });
});

// ===========================================================================
// Who may call what
// ===========================================================================

describe('admin API: authentication and authorization', () => {
  const h = useTestApp();
  let w: World;
  before(async () => {
    w = await seedWorld(h.t);
  });

  it('the request tables below cover every registered route', () => {
    const covered = new Set([...readRequests(w), ...changeRequests(w)].map(routeKey));
    assert.deepEqual([...covered].sort(), registeredRoutes());
  });

  it('without credentials every route answers 401 problem+json with WWW-Authenticate; nothing changes', async () => {
    const before = await snapshot(h.t);
    for (const r of [...readRequests(w), ...changeRequests(w)]) {
      const res = await send(h.t, r.method, r.path, r.body);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="portcullis"');
      await problem(res, 401, 'unauthorized', `${r.method} ${r.path}`);
    }
    assert.deepEqual(await snapshot(h.t), before);
  });

  it('a malformed, unknown or wrong token gets 401 on reads and changes; nothing changes', async () => {
    const last = h.token.at(-1);
    const wrongSecret = `${h.token.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    const garbage = [
      'Bearer garbage',
      'Bearer',
      `Bearer pcl_${'0'.repeat(16)}_${'A'.repeat(43)}`,
      `Bearer ${wrongSecret}`,
      `Bearer ${h.token} extra`,
      `Basic ${Buffer.from(`ops:${h.token}`).toString('base64')}`,
      h.token,
    ];
    const before = await snapshot(h.t);
    for (const authorization of garbage) {
      for (const r of [readRequests(w)[0]!, ...changeRequests(w)]) {
        await problem(
          send(h.t, r.method, r.path, r.body, { authorization }),
          401,
          'unauthorized',
          `${r.method} ${r.path} with "${authorization.slice(0, 20)}"`,
        );
      }
    }
    assert.deepEqual(await snapshot(h.t), before);
  });

  it('a token with scope "read" may GET every route', async () => {
    for (const r of readRequests(w)) {
      const res = await h.call(r.method, r.path, undefined, bearer(h.readToken));
      assert.equal(res.status, 200, `${r.method} ${r.path}: ${await res.clone().text()}`);
    }
  });

  it('a token with scope "read" gets 403 on every POST/PATCH/PUT/DELETE, and nothing changes', async () => {
    const before = await snapshot(h.t);
    for (const r of changeRequests(w)) {
      const p = await problem(
        h.call(r.method, r.path, r.body, bearer(h.readToken)),
        403,
        'forbidden',
        `${r.method} ${r.path}`,
      );
      assert.match(p.detail ?? '', /read/);
    }
    assert.deepEqual(await snapshot(h.t), before);
  });

  it("a signed-in non-administrator's session gets 403 on reads and changes (even with its CSRF token); nothing changes", async () => {
    const nora = await signIn(h.t, 'nora@contoso.com');
    const before = await snapshot(h.t);
    for (const r of readRequests(w))
      await problem(h.call(r.method, r.path, undefined, nora.cookie), 403, 'forbidden', r.path);
    for (const r of changeRequests(w)) {
      await problem(
        h.call(r.method, r.path, r.body, { ...nora.cookie, 'x-csrf-token': nora.csrf }),
        403,
        'forbidden',
        `${r.method} ${r.path}`,
      );
    }
    assert.deepEqual(await snapshot(h.t), before);
  });

  describe('a signed-in administrator’s session', () => {
    let root: BrowserSession;
    before(async () => {
      root = await signIn(h.t, 'root@contoso.com');
    });

    it('may GET every route without a CSRF token', async () => {
      for (const r of readRequests(w)) {
        const res = await h.call(r.method, r.path, undefined, root.cookie);
        assert.equal(res.status, 200, `${r.method} ${r.path}: ${await res.clone().text()}`);
      }
      const me = await ok<UserView>(
        h.call('GET', '/users/root@contoso.com', undefined, root.cookie),
      );
      assert.equal(me.isAdmin, true);
    });

    it('gets 403 csrf_failed on every change without X-CSRF-Token, or with another one; nothing changes', async () => {
      const other = await signIn(h.t, 'second@contoso.com');
      const before = await snapshot(h.t);
      for (const csrf of [undefined, '', 'not-the-token', other.csrf]) {
        for (const r of changeRequests(w)) {
          await problem(
            h.call(r.method, r.path, r.body, {
              ...root.cookie,
              ...(csrf !== undefined ? { 'x-csrf-token': csrf } : {}),
            }),
            403,
            'csrf_failed',
            `${r.method} ${r.path} with CSRF ${JSON.stringify(csrf)}`,
          );
        }
      }
      assert.deepEqual(await snapshot(h.t), before);
    });

    it("makes every change with the session's X-CSRF-Token, audited with the administrator as actor", async () => {
      const since = mark(h.t);
      const headers = { ...root.cookie, 'x-csrf-token': root.csrf };
      for (const r of changeRequests(w))
        await ok(h.call(r.method, r.path, r.body, headers), r.status);
      assert.ok(await h.t.ctx.stores.users.findByUpn('newbie@contoso.com'));
      assert.equal(await h.t.ctx.stores.users.findByUpn('del@contoso.com'), undefined);
      assert.equal((await userRow(h.t, 'ulla@contoso.com')).display_name, 'Ulla U');
      assert.equal(await countOf(h.t, 'auth_methods', w.ulla.id), 0);
      const entries = await auditSince(h, since, { actor: 'root@contoso.com' });
      const actions = new Set(entries.map((e) => e.action));
      for (const a of [
        'user_created',
        'user_updated',
        'password_reset',
        'mfa_state_set',
        'default_method_set',
        'method_deleted',
        'app_password_deleted',
        'app_passwords_deleted',
        'methods_reset',
        'remembered_devices_restored',
        'settings_changed',
        'api_token_created',
        'api_token_revoked',
        'application_created',
        'application_secret_changed',
        'application_deleted',
        'user_deleted',
      ])
        assert.ok(actions.has(a), `${a} audited as root@contoso.com`);
      const patched = entries.find((e) => e.action === 'user_updated');
      assert.equal(patched?.userPrincipalName, 'ulla@contoso.com');
      assert.equal(patched?.ipAddress, null, 'in-process requests have no address');
    });

    it('cannot delete its own account (409)', async () => {
      const headers = { ...root.cookie, 'x-csrf-token': root.csrf };
      await problem(
        h.call('DELETE', '/users/root@contoso.com', undefined, headers),
        409,
        'conflict',
      );
      assert.ok(await h.t.ctx.stores.users.findByUpn('root@contoso.com'));
    });

    it('is refused (401) once its user is blocked', async () => {
      await h.t.ctx.db
        .updateTable('users')
        .set({ blocked: 1 })
        .where('upn_normalized', '=', 'root@contoso.com')
        .execute();
      await problem(h.call('GET', '/users', undefined, root.cookie), 401, 'unauthorized');
    });
  });
});

// ===========================================================================
// Users
// ===========================================================================

describe('admin API: users', () => {
  const h = useTestApp();

  it('POST /users creates a user (201) whose password works; GET /users/{upn} returns it in any case', async () => {
    const created = await ok<UserView>(
      h.call('POST', '/users', {
        userPrincipalName: 'Carol.Jones@Contoso.com',
        password: 'long enough pw',
        displayName: 'Carol Jones',
        preferredLanguage: 'de',
        mfaState: 'Enabled',
      }),
      201,
    );
    assert.equal(created.userPrincipalName, 'Carol.Jones@Contoso.com');
    assert.equal(created.displayName, 'Carol Jones');
    assert.equal(created.preferredLanguage, 'de');
    assert.equal(created.isAdmin, false);
    assert.equal(created.blockCredential, false);
    assert.equal(created.mfaState, 'Enabled');
    assert.deepEqual(created.strongAuthenticationRequirements, [
      { relyingParty: '*', state: 'Enabled' },
    ]);
    assert.equal(created.mustChangePassword, false);
    assert.ok(!JSON.stringify(created).includes('long enough pw'));
    const row = await userRow(h.t, 'carol.jones@contoso.com');
    assert.equal(await h.t.ctx.hasher.verify(row.password_hash, 'long enough pw'), true);
    for (const upn of ['carol.jones@contoso.com', 'CAROL.JONES@CONTOSO.COM'])
      assert.deepEqual(await ok(h.call('GET', `/users/${enc(upn)}`)), created);
    const admin = await ok<UserView>(
      h.call('POST', '/users', {
        userPrincipalName: 'boss@contoso.com',
        password: 'long enough pw',
        isAdmin: true,
      }),
      201,
    );
    assert.equal(admin.isAdmin, true);
    assert.equal(admin.displayName, 'boss', 'the name defaults to the UPN before the @');
    assert.equal((await userRow(h.t, 'boss@contoso.com')).is_admin, 1);
    await problem(
      h.call('POST', '/users', {
        userPrincipalName: 'carol.jones@contoso.com',
        password: 'pw pw pw pw',
      }),
      409,
      'upn_taken',
    );
  });

  it('GET /users/{upn} of someone unknown is 404 user_not_found', async () => {
    await problem(h.call('GET', '/users/ghost@contoso.com'), 404, 'user_not_found');
  });

  describe('GET /users', () => {
    before(async () => {
      await addUser(h.t, 'anna.berg@contoso.com', {
        displayName: 'Anna Berg',
        mfaState: 'Enabled',
      });
      await addUser(h.t, 'bjorn@fabrikam.com', { displayName: 'Bjorn Lund', mfaState: 'Enforced' });
      await addUser(h.t, 'x_y@contoso.com', { displayName: 'Underscore' });
      await addUser(h.t, 'xay@contoso.com', { displayName: 'Plain', mfaState: 'Enforced' });
      await addUser(h.t, 'per%cent@contoso.com', { displayName: 'Percent' });
      for (let i = 0; i < 7; i++)
        await addUser(h.t, `page${i}@paging.example`, { displayName: `Pager ${i}` });
    });

    const upnsOf = async (query: string) =>
      (
        await ok<{ items: UserView[]; nextCursor: string | null }>(
          h.call('GET', `/users?limit=1000&${query}`),
        )
      ).items.map((u) => u.userPrincipalName);

    it('filters by mfaState', async () => {
      const enforced = await upnsOf('mfaState=Enforced');
      assert.deepEqual(enforced, ['bjorn@fabrikam.com', 'xay@contoso.com']);
      const enabled = await upnsOf('mfaState=Enabled');
      assert.deepEqual(enabled, ['anna.berg@contoso.com', 'Carol.Jones@Contoso.com']);
      const disabled = await h.t.ctx.db
        .selectFrom('users')
        .select('upn')
        .where('mfa_state', '=', 'Disabled')
        .orderBy('upn_normalized')
        .execute();
      assert.deepEqual(
        await upnsOf('mfaState=Disabled'),
        disabled.map((r) => r.upn),
      );
      assert.ok(disabled.length >= 9);
      await problem(h.call('GET', '/users?mfaState=Sometimes'), 400, 'invalid_request');
    });

    it('searches part of the UPN or of the display name, case-insensitively', async () => {
      assert.deepEqual(await upnsOf('search=BERG'), ['anna.berg@contoso.com']);
      assert.deepEqual(await upnsOf('search=lund'), ['bjorn@fabrikam.com'], 'by display name');
      assert.deepEqual(await upnsOf('search=FabriKam'), ['bjorn@fabrikam.com'], 'by UPN');
      assert.deepEqual(await upnsOf('search=jones'), ['Carol.Jones@Contoso.com']);
      assert.deepEqual(await upnsOf('search=nobody-like-this'), []);
      assert.deepEqual(await upnsOf('search=BERG&mfaState=Enforced'), [], 'with the state filter');
    });

    it('treats _ and % in a search as themselves, not as wildcards', async () => {
      assert.deepEqual(await upnsOf(`search=${enc('x_y')}`), ['x_y@contoso.com']);
      assert.deepEqual(await upnsOf(`search=${enc('r%c')}`), ['per%cent@contoso.com']);
    });

    it('pages with a cursor, returning every user exactly once in UPN order', async () => {
      // The order is the database's (its collation of upn_normalized), as the cursor's is.
      const all = (
        await h.t.ctx.db.selectFrom('users').select('upn').orderBy('upn_normalized').execute()
      ).map((r) => r.upn);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: UserView[]; nextCursor: string | null } = await ok(
          h.call('GET', `/users?limit=3${cursor ? `&cursor=${enc(cursor)}` : ''}`),
        );
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((u) => u.userPrincipalName));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      assert.equal(cursor, null, 'the last page says so');
      assert.equal(new Set(seen).size, seen.length, 'no user twice');
      assert.deepEqual(seen, all, 'every user, in UPN order');
      assert.ok(all.length >= 12 && pages === Math.ceil(all.length / 3));
    });

    it('pages a search, too', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: UserView[]; nextCursor: string | null } = await ok(
          h.call('GET', `/users?search=PAGER&limit=2${cursor ? `&cursor=${enc(cursor)}` : ''}`),
        );
        seen.push(...page.items.map((u) => u.userPrincipalName));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        Array.from({ length: 7 }, (_, i) => `page${i}@paging.example`),
      );
    });
  });

  describe('PATCH /users/{upn}', () => {
    before(async () => {
      await addUser(h.t, 'pia@contoso.com', { displayName: 'Pia' });
    });

    it('changes displayName, preferredLanguage, isAdmin, blockCredential and mfaState, and stores them', async () => {
      const sessionId = await openSession(h.t, (await userRow(h.t, 'pia@contoso.com')).id);
      const u = await ok<UserView>(
        h.call('PATCH', '/users/PIA@contoso.com', {
          displayName: '  Pia Patched  ',
          preferredLanguage: 'en-GB',
          isAdmin: true,
          blockCredential: true,
          mfaState: 'Enforced',
        }),
      );
      assert.equal(u.displayName, 'Pia Patched');
      assert.equal(u.preferredLanguage, 'en-GB');
      assert.equal(u.isAdmin, true);
      assert.equal(u.blockCredential, true);
      assert.equal(u.mfaState, 'Enforced');
      const row = await userRow(h.t, 'pia@contoso.com');
      assert.deepEqual(
        [row.display_name, row.preferred_language, row.is_admin, row.blocked, row.mfa_state],
        ['Pia Patched', 'en-GB', 1, 1, 'Enforced'],
      );
      assert.equal(
        await h.t.ctx.stores.sessions.find(sessionId, h.t.clock.now()),
        undefined,
        'blocking ends her sessions',
      );
      const back = await ok<UserView>(
        h.call('PATCH', '/users/pia@contoso.com', { isAdmin: false, blockCredential: false }),
      );
      assert.deepEqual([back.isAdmin, back.blockCredential], [false, false]);
      const row2 = await userRow(h.t, 'pia@contoso.com');
      assert.deepEqual([row2.is_admin, row2.blocked], [0, 0]);
    });

    it('sets the state with strongAuthenticationRequirements, as Set-MsolUser does; [] disables', async () => {
      const on = await ok<UserView>(
        h.call('PATCH', '/users/pia@contoso.com', {
          strongAuthenticationRequirements: [{ relyingParty: '*', state: 'Enabled' }],
        }),
      );
      assert.equal(on.mfaState, 'Enabled');
      assert.deepEqual(on.strongAuthenticationRequirements, [
        { relyingParty: '*', state: 'Enabled' },
      ]);
      assert.equal((await userRow(h.t, 'pia@contoso.com')).mfa_state, 'Enabled');
      const defaulted = await ok<UserView>(
        h.call('PATCH', '/users/pia@contoso.com', {
          strongAuthenticationRequirements: [{ state: 'Enforced' }],
        }),
      );
      assert.equal(defaulted.mfaState, 'Enforced', 'relyingParty defaults to *');
      const off = await ok<UserView>(
        h.call('PATCH', '/users/pia@contoso.com', { strongAuthenticationRequirements: [] }),
      );
      assert.equal(off.mfaState, 'Disabled');
      assert.deepEqual(off.strongAuthenticationRequirements, []);
      assert.equal((await userRow(h.t, 'pia@contoso.com')).mfa_state, 'Disabled');
    });

    it('refuses bad values with 400 and changes nothing', async () => {
      const before = await userRow(h.t, 'pia@contoso.com');
      for (const body of [
        { mfaState: 'Enabled', strongAuthenticationRequirements: [] },
        { strongAuthenticationRequirements: [{ relyingParty: 'app', state: 'Enabled' }] },
        { mfaState: 'Sometimes' },
        { displayName: '   ' },
        { displayName: 'ok', preferredLanguage: 'not a language' },
        { isAdmin: 'yes' },
        {},
      ]) {
        await problem(
          h.call('PATCH', '/users/pia@contoso.com', body),
          400,
          'invalid_request',
          JSON.stringify(body),
        );
      }
      assert.deepEqual(await userRow(h.t, 'pia@contoso.com'), before);
      await problem(
        h.call('PATCH', '/users/ghost@contoso.com', { displayName: 'x' }),
        404,
        'user_not_found',
      );
    });
  });

  it('DELETE /users/{upn} removes the user with their methods, app passwords, sessions and devices', async () => {
    const dan = await addUser(h.t, 'dan@contoso.com');
    await addTotp(h.t, dan.id);
    await createAppPassword(h.t.ctx, dan.id, { name: 'Mail' });
    await openSession(h.t, dan.id);
    await rememberDevice(h.t, dan.id);
    assert.deepEqual(await ok(h.call('DELETE', '/users/Dan@contoso.com')), { deleted: true });
    assert.equal(await h.t.ctx.stores.users.findById(dan.id), undefined);
    for (const table of [
      'auth_methods',
      'app_passwords',
      'sessions',
      'remembered_devices',
    ] as const)
      assert.equal(await countOf(h.t, table, dan.id), 0, table);
    await problem(h.call('GET', '/users/dan@contoso.com'), 404, 'user_not_found');
    await problem(h.call('DELETE', '/users/dan@contoso.com'), 404, 'user_not_found');
  });

  it('POST /users/{upn}/reset-password returns a one-time password that is now the password, to be changed', async () => {
    const rex = await addUser(h.t, 'rex@contoso.com');
    const sessionId = await openSession(h.t, rex.id);
    const r = await ok<{ user: UserView; oneTimePassword: string }>(
      h.call('POST', '/users/rex@contoso.com/reset-password'),
    );
    assert.match(r.oneTimePassword, /^[a-zA-Z2-9]{7}-[a-zA-Z2-9]{7}-[a-zA-Z2-9]{7}$/);
    assert.equal(r.user.userPrincipalName, 'rex@contoso.com');
    assert.equal(r.user.mustChangePassword, true);
    const row = await userRow(h.t, 'rex@contoso.com');
    assert.equal(row.must_change_password, 1);
    assert.equal(await h.t.ctx.hasher.verify(row.password_hash, r.oneTimePassword), true);
    assert.equal(await h.t.ctx.hasher.verify(row.password_hash, PASSWORD), false, 'old one gone');
    assert.equal(
      await h.t.ctx.stores.sessions.find(sessionId, h.t.clock.now()),
      undefined,
      'open sessions end',
    );
    const again = await ok<{ oneTimePassword: string }>(
      h.call('POST', '/users/rex@contoso.com/reset-password'),
    );
    assert.notEqual(again.oneTimePassword, r.oneTimePassword, 'a new one each time');
    await problem(h.call('POST', '/users/ghost@contoso.com/reset-password'), 404, 'user_not_found');
  });
});

// ===========================================================================
// Bulk MFA state
// ===========================================================================

describe('admin API: POST /users/mfa-state (bulk)', () => {
  const h = useTestApp();
  const stateOf = async (upn: string) => (await userRow(h.t, upn)).mfa_state;
  before(async () => {
    for (const n of ['b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'c4'])
      await addUser(h.t, `${n}@contoso.com`);
  });

  it('applies items, with a row per item and counts', async () => {
    const since = mark(h.t);
    const r = await ok<BulkResult>(
      h.call('POST', '/users/mfa-state', {
        items: [
          { userPrincipalName: 'b1@contoso.com', state: 'Enabled' },
          { userPrincipalName: 'B2@Contoso.com', state: 'enforced' },
          { userPrincipalName: 'b3@contoso.com', state: 'Disabled' },
        ],
      }),
    );
    assert.deepEqual(
      r.rows.map((x) => [x.line, x.userPrincipalName, x.state, x.currentState, x.status]),
      [
        [1, 'b1@contoso.com', 'Enabled', 'Disabled', 'change'],
        [2, 'B2@Contoso.com', 'Enforced', 'Disabled', 'change'],
        [3, 'b3@contoso.com', 'Disabled', 'Disabled', 'unchanged'],
      ],
    );
    assert.deepEqual([r.changed, r.unchanged, r.errors, r.applied], [2, 1, 0, true]);
    assert.deepEqual(
      [
        await stateOf('b1@contoso.com'),
        await stateOf('b2@contoso.com'),
        await stateOf('b3@contoso.com'),
      ],
      ['Enabled', 'Enforced', 'Disabled'],
    );
    const audited = await auditSince(h, since, { action: 'mfa_state_set' });
    assert.deepEqual(audited.map((e) => e.userPrincipalName).sort(), [
      'b1@contoso.com',
      'b2@contoso.com',
    ]);
    assert.ok(audited.every((e) => e.detail.via === 'bulk' && e.actor === 'token ops'));
  });

  it('with dryRun previews the same rows and changes nothing', async () => {
    const before = await snapshot(h.t);
    const r = await ok<BulkResult>(
      h.call('POST', '/users/mfa-state', {
        items: [
          { userPrincipalName: 'b1@contoso.com', state: 'Disabled' },
          { userPrincipalName: 'b3@contoso.com', state: 'Enforced' },
          { userPrincipalName: 'ghost@contoso.com', state: 'Enforced' },
        ],
        dryRun: true,
      }),
    );
    assert.deepEqual(
      r.rows.map((x) => x.status),
      ['change', 'change', 'error'],
    );
    assert.deepEqual([r.changed, r.unchanged, r.errors, r.applied], [2, 0, 1, false]);
    assert.deepEqual(await snapshot(h.t), before, 'nothing changed, nothing audited');
  });

  const csv = [
    '\uFEFFUsername,MFA Status',
    'c1@contoso.com,Enabled',
    'c2@contoso.com,Sometimes',
    'ghost@contoso.com,Enforced',
    'c3@contoso.com,Enforced',
    'C3@contoso.com,Disabled',
    '"c4@contoso.com",enforced',
    '',
  ].join('\r\n');

  it('reads a CSV with BOM and CRLF: per-row errors with line numbers; dryRun changes nothing', async () => {
    const before = await snapshot(h.t);
    const r = await ok<BulkResult>(h.call('POST', '/users/mfa-state', { csv, dryRun: true }));
    assert.equal(r.applied, false);
    assert.deepEqual(await snapshot(h.t), before);
    assert.deepEqual(
      r.rows.map((x) => [x.line, x.userPrincipalName, x.status]),
      [
        [2, 'c1@contoso.com', 'change'],
        [3, 'c2@contoso.com', 'error'],
        [4, 'ghost@contoso.com', 'error'],
        [5, 'c3@contoso.com', 'error'],
        [6, 'C3@contoso.com', 'error'],
        [7, 'c4@contoso.com', 'change'],
      ],
    );
    const [, bad, ghost, dup1, dup2] = r.rows;
    assert.match(bad!.error!, /"Sometimes" is not an MFA state/);
    assert.equal(bad!.state, null);
    assert.equal(ghost!.error, 'unknown user');
    assert.equal(ghost!.currentState, null);
    assert.match(dup1!.error!, /duplicate row: this user is on lines 5, 6/);
    assert.match(dup2!.error!, /duplicate row: this user is on lines 5, 6/);
    assert.deepEqual([r.changed, r.unchanged, r.errors], [2, 0, 4]);
  });

  it('applies only the good rows of that CSV, audited per user', async () => {
    const since = mark(h.t);
    const r = await ok<BulkResult>(h.call('POST', '/users/mfa-state', { csv }));
    assert.deepEqual([r.changed, r.unchanged, r.errors, r.applied], [2, 0, 4, true]);
    assert.deepEqual(
      await Promise.all(['c1', 'c2', 'c3', 'c4'].map((n) => stateOf(`${n}@contoso.com`))),
      ['Enabled', 'Disabled', 'Disabled', 'Enforced'],
    );
    const audited = await auditSince(h, since, { action: 'mfa_state_set' });
    assert.deepEqual(audited.map((e) => e.userPrincipalName).sort(), [
      'c1@contoso.com',
      'c4@contoso.com',
    ]);
  });

  it('wants exactly one of items and csv, known fields, and a header naming the columns', async () => {
    const before = await snapshot(h.t);
    for (const body of [
      {},
      { items: [], csv: 'Username,MFA Status\n' },
      { items: [{ userPrincipalName: 'c1@contoso.com', state: 'Enforced' }], force: true },
      { csv: 'c1@contoso.com,Enforced\n' },
      { csv: 'Username,MFA Status\n' },
    ])
      await problem(
        h.call('POST', '/users/mfa-state', body),
        400,
        'invalid_request',
        JSON.stringify(body),
      );
    assert.deepEqual(await snapshot(h.t), before);
  });
});

// ===========================================================================
// Methods
// ===========================================================================

describe('admin API: methods', () => {
  const h = useTestApp();
  let ids: string[];
  before(async () => {
    const mia = await addUser(h.t, 'mia@contoso.com', { mfaState: 'Enforced' });
    ids = [await addTotp(h.t, mia.id), await addTotp(h.t, mia.id), await addTotp(h.t, mia.id)];
  });
  const defaults = (items: MethodView[]) => items.filter((m) => m.isDefault).map((m) => m.id);
  const dbDefaults = async () =>
    (
      await h.t.ctx.db.selectFrom('auth_methods').select('id').where('is_default', '=', 1).execute()
    ).map((r) => r.id);

  it('GET /users/{upn}/methods lists them, the first registered as default, without secrets', async () => {
    const res = await h.call('GET', '/users/mia@contoso.com/methods');
    const text = await res.clone().text();
    const { items } = await ok<{ items: MethodView[] }>(res);
    assert.deepEqual(
      items.map((m) => m.id),
      ids,
    );
    assert.ok(items.every((m) => m.methodType === 'PhoneAppOTP'));
    assert.deepEqual(defaults(items), [ids[0]]);
    assert.ok(!text.includes(TOTP.secret), 'no secret');
    await problem(h.call('GET', '/users/ghost@contoso.com/methods'), 404, 'user_not_found');
  });

  it('PUT …/methods/{id}/default makes that one the only default', async () => {
    const { items } = await ok<{ items: MethodView[] }>(
      h.call('PUT', `/users/mia@contoso.com/methods/${ids[2]}/default`),
    );
    assert.deepEqual(defaults(items), [ids[2]]);
    assert.deepEqual(await dbDefaults(), [ids[2]]);
    await problem(h.call('PUT', '/users/mia@contoso.com/methods/nope/default'), 404, 'not_found');
    assert.deepEqual(await dbDefaults(), [ids[2]]);
  });

  it('DELETE …/methods/{id} removes it; deleting the default makes the oldest other one default', async () => {
    const { items } = await ok<{ items: MethodView[] }>(
      h.call('DELETE', `/users/mia@contoso.com/methods/${ids[2]}`),
    );
    assert.deepEqual(
      items.map((m) => m.id),
      [ids[0], ids[1]],
    );
    assert.deepEqual(defaults(items), [ids[0]]);
    assert.deepEqual(await dbDefaults(), [ids[0]]);
    const left = await ok<{ items: MethodView[] }>(
      h.call('DELETE', `/users/mia@contoso.com/methods/${ids[1]}`),
    );
    assert.deepEqual(
      left.items.map((m) => [m.id, m.isDefault]),
      [[ids[0], true]],
    );
    await problem(h.call('DELETE', `/users/mia@contoso.com/methods/${ids[1]}`), 404, 'not_found');
    await problem(
      h.call('DELETE', `/users/ghost@contoso.com/methods/${ids[0]}`),
      404,
      'user_not_found',
    );
  });

  it("cannot reach another user's method through one's own UPN", async () => {
    const other = await addUser(h.t, 'otto@contoso.com');
    const hisId = await addTotp(h.t, other.id);
    await problem(h.call('DELETE', `/users/mia@contoso.com/methods/${hisId}`), 404, 'not_found');
    await problem(
      h.call('PUT', `/users/mia@contoso.com/methods/${hisId}/default`),
      404,
      'not_found',
    );
    assert.equal(await countOf(h.t, 'auth_methods', other.id), 1);
  });
});

// ===========================================================================
// App passwords
// ===========================================================================

describe('admin API: app passwords', () => {
  const h = useTestApp();
  let pat: UserRow;
  let secrets: string[];
  let ids: string[];
  before(async () => {
    pat = await addUser(h.t, 'pat@contoso.com');
    const made = [];
    for (const name of ['Thunderbird', 'Phone mail', 'Calendar']) {
      h.t.clock.advance(1);
      made.push(await createAppPassword(h.t.ctx, pat.id, { name }));
    }
    secrets = made.map((m) => m.password);
    ids = made.map((m) => m.appPassword.id);
  });

  it('GET /users/{upn}/app-passwords lists them, never the secrets', async () => {
    const res = await h.call('GET', '/users/pat@contoso.com/app-passwords');
    const text = await res.clone().text();
    const { items } = await ok<{ items: AppPasswordView[] }>(res);
    assert.deepEqual(
      items.map((a) => [a.id, a.name, a.lastUsedAt]),
      [
        [ids[0], 'Thunderbird', null],
        [ids[1], 'Phone mail', null],
        [ids[2], 'Calendar', null],
      ],
    );
    for (const s of secrets) assert.ok(!text.includes(s) && !text.includes(s.replace(/-/g, '')));
    await problem(h.call('GET', '/users/ghost@contoso.com/app-passwords'), 404, 'user_not_found');
  });

  it('DELETE …/app-passwords/{id} deletes that one', async () => {
    assert.deepEqual(await ok(h.call('DELETE', `/users/pat@contoso.com/app-passwords/${ids[1]}`)), {
      deleted: true,
    });
    assert.equal(await countOf(h.t, 'app_passwords', pat.id), 2);
    const { items } = await ok<{ items: AppPasswordView[] }>(
      h.call('GET', '/users/pat@contoso.com/app-passwords'),
    );
    assert.deepEqual(
      items.map((a) => a.id),
      [ids[0], ids[2]],
    );
    await problem(
      h.call('DELETE', `/users/pat@contoso.com/app-passwords/${ids[1]}`),
      404,
      'not_found',
    );
  });

  it("cannot delete another user's app password through one's own UPN", async () => {
    const quinn = await addUser(h.t, 'quinn@contoso.com');
    const his = (await createAppPassword(h.t.ctx, quinn.id, { name: 'x' })).appPassword.id;
    await problem(
      h.call('DELETE', `/users/pat@contoso.com/app-passwords/${his}`),
      404,
      'not_found',
    );
    assert.equal(await countOf(h.t, 'app_passwords', quinn.id), 1);
  });

  it('DELETE …/app-passwords deletes all of them and says how many', async () => {
    assert.deepEqual(await ok(h.call('DELETE', '/users/pat@contoso.com/app-passwords')), {
      deleted: 2,
    });
    assert.equal(await countOf(h.t, 'app_passwords', pat.id), 0);
    assert.deepEqual(await ok(h.call('DELETE', '/users/pat@contoso.com/app-passwords')), {
      deleted: 0,
    });
    assert.equal(
      await countOf(h.t, 'app_passwords', (await userRow(h.t, 'quinn@contoso.com')).id),
      1,
      "others' are kept",
    );
    await problem(
      h.call('DELETE', '/users/ghost@contoso.com/app-passwords'),
      404,
      'user_not_found',
    );
  });
});

// ===========================================================================
// Remembered devices and "Manage user settings"
// ===========================================================================

describe('admin API: remembered devices and user actions', () => {
  const h = useTestApp();
  let rita: UserRow;
  let sam: UserRow;
  before(async () => {
    rita = await addUser(h.t, 'rita@contoso.com', { mfaState: 'Enforced' });
    sam = await addUser(h.t, 'sam@contoso.com', { mfaState: 'Enabled' });
    await addTotp(h.t, rita.id);
    await addTotp(h.t, rita.id);
    await addTotp(h.t, sam.id);
    for (const name of ['a', 'b']) await createAppPassword(h.t.ctx, rita.id, { name });
    await createAppPassword(h.t.ctx, sam.id, { name: 'c' });
    await rememberDevice(h.t, rita.id);
    await rememberDevice(h.t, rita.id);
    await rememberDevice(h.t, rita.id, -DAY); // expired: skips nothing any more
    await rememberDevice(h.t, sam.id);
  });

  const counts = async (u: UserRow) => [
    await countOf(h.t, 'auth_methods', u.id),
    await countOf(h.t, 'app_passwords', u.id),
    await countOf(h.t, 'remembered_devices', u.id),
  ];

  it('GET /users/{upn}/remembered-devices counts the devices that still skip MFA', async () => {
    assert.deepEqual(await ok(h.call('GET', '/users/rita@contoso.com/remembered-devices')), {
      count: 2,
    });
    assert.deepEqual(await ok(h.call('GET', '/users/sam@contoso.com/remembered-devices')), {
      count: 1,
    });
    await problem(
      h.call('GET', '/users/ghost@contoso.com/remembered-devices'),
      404,
      'user_not_found',
    );
  });

  it('an unknown UPN in the list changes nothing for anyone: 404 user_not_found naming it', async () => {
    const before = await snapshot(h.t);
    for (const action of [
      'reset-methods',
      'delete-app-passwords',
      'restore-remembered-devices',
      'unlock-signin',
    ]) {
      const p = await problem(
        h.call('POST', `/user-actions/${action}`, {
          users: ['rita@contoso.com', 'ghost@contoso.com', 'sam@contoso.com'],
        }),
        404,
        'user_not_found',
        action,
      );
      assert.match(p.detail ?? '', /"ghost@contoso\.com"/);
    }
    assert.deepEqual(await snapshot(h.t), before);
    assert.deepEqual(await counts(rita), [2, 2, 3]);
    assert.equal((await userRow(h.t, 'rita@contoso.com')).remembered_devices_not_before, null);
  });

  it('refuses an empty list or unknown fields (400)', async () => {
    for (const body of [{ users: [] }, { users: ['rita@contoso.com'], also: 1 }, {}])
      await problem(
        h.call('POST', '/user-actions/reset-methods', body),
        400,
        'invalid_request',
        JSON.stringify(body),
      );
    assert.deepEqual(await counts(rita), [2, 2, 3]);
  });

  it('restore-remembered-devices removes the rows and stamps remembered_devices_not_before', async () => {
    mark(h.t);
    const now = h.t.clock.now();
    const r = await ok<{ results: { userPrincipalName: string; removed: number }[] }>(
      h.call('POST', '/user-actions/restore-remembered-devices', {
        users: ['RITA@contoso.com', 'sam@contoso.com'],
      }),
    );
    assert.deepEqual(r.results, [
      { userPrincipalName: 'rita@contoso.com', removed: 3 },
      { userPrincipalName: 'sam@contoso.com', removed: 1 },
    ]);
    for (const u of [rita, sam]) {
      assert.equal(await countOf(h.t, 'remembered_devices', u.id), 0);
      const row = await h.t.ctx.stores.users.findById(u.id);
      assert.equal(Number(row!.remembered_devices_not_before), now);
    }
    assert.deepEqual(await ok(h.call('GET', '/users/rita@contoso.com/remembered-devices')), {
      count: 0,
    });
    assert.deepEqual(await counts(rita), [2, 2, 0], 'methods and app passwords untouched');
  });

  it('delete-app-passwords removes every app password of the listed users', async () => {
    const r = await ok<{ results: { userPrincipalName: string; removed: number }[] }>(
      h.call('POST', '/user-actions/delete-app-passwords', {
        users: ['rita@contoso.com', 'sam@contoso.com'],
      }),
    );
    assert.deepEqual(r.results, [
      { userPrincipalName: 'rita@contoso.com', removed: 2 },
      { userPrincipalName: 'sam@contoso.com', removed: 1 },
    ]);
    assert.deepEqual(await counts(rita), [2, 0, 0]);
    assert.deepEqual(await counts(sam), [1, 0, 0]);
  });

  it('reset-methods removes the methods, so an Enforced user goes through proof-up at next sign-in', async () => {
    const signInPage = async () => {
      const b = new FormClient((req) => h.t.app.request(req));
      await b.page('/');
      return textOf(
        (await b.submit('/signin', { username: 'rita@contoso.com', password: PASSWORD })).html,
      );
    };
    const before = await signInPage();
    assert.match(before, /Verify your identity/);
    assert.doesNotMatch(before, /More information required/);
    const r = await ok<{ results: { userPrincipalName: string; removed: number }[] }>(
      h.call('POST', '/user-actions/reset-methods', { users: ['rita@contoso.com'] }),
    );
    assert.deepEqual(r.results, [{ userPrincipalName: 'rita@contoso.com', removed: 2 }]);
    assert.equal(await countOf(h.t, 'auth_methods', rita.id), 0);
    assert.equal(await countOf(h.t, 'auth_methods', sam.id), 1, "sam's are kept");
    assert.deepEqual(await ok(h.call('GET', '/users/rita@contoso.com/methods')), { items: [] });
    assert.match(await signInPage(), /More information required/);
  });
});

// ===========================================================================
// Service settings
// ===========================================================================

describe('admin API: service settings', () => {
  const h = useTestApp();
  const getSettings = () => ok<ServiceSettings>(h.call('GET', '/settings'));
  const stored = async () => h.t.ctx.stores.settings.get('service');

  it('GET /settings gives every setting, the defaults at first', async () => {
    const s = await getSettings();
    assert.deepEqual(Object.keys(s).sort(), [
      'adminPhishingResistant',
      'allowedMethods',
      'appPasswordsAllowed',
      'blockOnFraud',
      'callTimeoutSeconds',
      'fraudAlertEnabled',
      'helpText',
      'helpUrl',
      'highRiskAction',
      'logo',
      'mailOnAppPassword',
      'mailOnMethodChange',
      'mailOnPasswordChange',
      'namedLocations',
      'organizationName',
      'passwordChangeRevokesAppPasswords',
      'passwordlessSignin',
      'phoneCodeMinutes',
      'proofupGraceDays',
      'pushFatigueLimit',
      'pushFatigueMinutes',
      'rememberDevicesDays',
      'rememberDevicesEnabled',
      'sendLimitPerAddress',
      'sendLimitPerNumber',
      'sendLimitPerUser',
      'systemPreferredMfa',
      'trustedIps',
    ]);
    assert.equal(s.systemPreferredMfa, true, 'system-preferred MFA on for a new installation');
    assert.equal(s.adminPhishingResistant, false);
    assert.ok(s.allowedMethods.includes('PhoneAppOTP'));
    assert.ok(s.allowedMethods.includes('OneWaySMS'));
    assert.equal(s.rememberDevicesDays, 14);
    assert.deepEqual(s.trustedIps, []);
    assert.deepEqual(s.namedLocations, []);
    assert.equal(
      s.passwordlessSignin,
      false,
      'passwordless sign-in is off until an admin allows it',
    );
    assert.equal(s.pushFatigueLimit, 3);
    assert.equal(s.pushFatigueMinutes, 15);
  });

  it('PATCH /settings changes the given settings, persisted, and leaves the rest', async () => {
    const before = await getSettings();
    const patch = {
      allowedMethods: ['PhoneAppOTP', 'OneWaySMS'],
      rememberDevicesEnabled: true,
      rememberDevicesDays: 30,
      trustedIps: ['10.0.0.0/8'],
      namedLocations: ['10.1.0.0/16 Prague office'],
      appPasswordsAllowed: false,
    };
    const after = await ok<ServiceSettings>(h.call('PATCH', '/settings', patch));
    assert.deepEqual(after, { ...before, ...patch });
    assert.deepEqual(await getSettings(), after);
    assert.deepEqual(await stored(), after, 'in the database, not only in a cache');
  });

  it('rememberDevicesDays alone turns remembering on; named together, the switch stays as given', async () => {
    await ok(h.call('PATCH', '/settings', { rememberDevicesEnabled: false }));
    const alone = await ok<ServiceSettings>(
      h.call('PATCH', '/settings', { rememberDevicesDays: 30 }),
    );
    assert.equal(alone.rememberDevicesEnabled, true, 'the days alone mean: remember devices');
    assert.equal(alone.rememberDevicesDays, 30);
    assert.equal(((await stored()) as ServiceSettings).rememberDevicesEnabled, true, 'stored');
    const both = await ok<ServiceSettings>(
      h.call('PATCH', '/settings', { rememberDevicesEnabled: false, rememberDevicesDays: 21 }),
    );
    assert.equal(both.rememberDevicesEnabled, false, 'an explicit off is kept');
    assert.equal(both.rememberDevicesDays, 21);
    const off = await ok<ServiceSettings>(
      h.call('PATCH', '/settings', { rememberDevicesEnabled: false }),
    );
    assert.equal(off.rememberDevicesDays, 21, 'turning it off keeps the days');
  });

  it('refuses bad values and unknown keys with 400 invalid_request, changing nothing', async () => {
    const before = await getSettings();
    const dbBefore = await snapshot(h.t);
    for (const patch of [
      { trustedIps: ['10.0.0.0/33'] },
      { trustedIps: ['not-an-ip/8'] },
      { trustedIps: ['10.0.0.0/8', '300.1.1.1'] },
      { namedLocations: ['10.1.0.0/16'] },
      { namedLocations: ['Prague office'] },
      { namedLocations: ['10.1.0.0/33 Prague office'] },
      { namedLocations: ['10.1.0.0/16 Prague office', '10.1.0.0/16 Brno office'] },
      { namedLocations: ['10.1.0.0/16 Prague, 2nd floor'] },
      { namedLocations: '10.1.0.0/16 Prague office' },
      { rememberDevicesDays: 0 },
      { rememberDevicesDays: 366 },
      { rememberDevicesDays: 1.5 },
      { allowedMethods: ['PhoneAppOTP', 'CarrierPigeon'] },
      { allowedMethods: [] },
      { colour: 'blue' },
      { rememberDevicesDays: 20, colour: 'blue' },
      { phoneCodeMinutes: 0 },
      { appPasswordsAllowed: 'yes' },
    ]) {
      await problem(
        h.call('PATCH', '/settings', patch),
        400,
        'invalid_request',
        JSON.stringify(patch),
      );
    }
    assert.deepEqual(await getSettings(), before);
    assert.deepEqual(await snapshot(h.t), dbBefore, 'nothing stored, nothing audited');
  });

  it('names the offending field in the problem detail', async () => {
    const p = await problem(
      h.call('PATCH', '/settings', { allowedMethods: ['CarrierPigeon'] }),
      400,
      'invalid_request',
    );
    assert.match(p.detail ?? '', /allowedMethods.*Unknown method name/);
    const cidr = await problem(
      h.call('PATCH', '/settings', { trustedIps: ['10.0.0.0/33'] }),
      400,
      'invalid_request',
    );
    assert.match(cidr.detail ?? '', /"10\.0\.0\.0\/33" is not an IP range/);
    const unnamed = await problem(
      h.call('PATCH', '/settings', { namedLocations: ['10.1.0.0/16 Prague', '10.2.0.0/16'] }),
      400,
      'invalid_request',
    );
    assert.match(unnamed.detail ?? '', /namedLocations.*"10\.2\.0\.0\/16" has no name/);
    const twice = await problem(
      h.call('PATCH', '/settings', {
        namedLocations: ['10.1.0.0/16 Prague', '10.1.0.0/16 Brno'],
      }),
      400,
      'invalid_request',
    );
    assert.match(twice.detail ?? '', /10\.1\.0\.0\/16 is named twice/);
  });

  it('accepts IPv6 ranges and stores every range canonically, once', async () => {
    const s = await ok<ServiceSettings>(
      h.call('PATCH', '/settings', {
        trustedIps: ['2001:DB8:0:0:0:0:0:0/32', '2001:db8::/32', '192.0.2.1', ' 10.1.0.0/16 '],
      }),
    );
    assert.deepEqual(s.trustedIps, ['2001:db8::/32', '192.0.2.1/32', '10.1.0.0/16']);
    assert.deepEqual(((await stored()) as ServiceSettings).trustedIps, s.trustedIps);
  });

  it('stores named locations canonically: the range as above, one space, the name', async () => {
    const s = await ok<ServiceSettings>(
      h.call('PATCH', '/settings', {
        namedLocations: [' 2001:DB8:0:0::/48\tBrno   lab ', '192.0.2.1 Reception desk'],
      }),
    );
    assert.deepEqual(s.namedLocations, ['2001:db8::/48 Brno lab', '192.0.2.1/32 Reception desk']);
    assert.deepEqual(((await stored()) as ServiceSettings).namedLocations, s.namedLocations);
  });
});

// ===========================================================================
// Sign-in log
// ===========================================================================

describe('admin API: GET /signins', () => {
  const h = useTestApp();
  let mail: string;
  let vpn: string;
  let times: string[];
  const EVIL_UA = '=HYPERLINK("http://evil.example","click")';

  before(async () => {
    mail = (await createLegacyApp(h.t.ctx, { name: 'Mail' })).id;
    vpn = (await createLegacyApp(h.t.ctx, { name: 'VPN' })).id;
    const events: Parameters<typeof recordSignin>[1][] = [
      {
        upn: 'Alice@Contoso.com',
        userId: null,
        result: 'success',
        reason: 'PhoneAppOTP',
        method: 'PhoneAppOTP',
        client: { ip: '192.0.2.1', userAgent: 'Firefox' },
      },
      {
        upn: 'alice@contoso.com',
        userId: null,
        result: 'failure',
        reason: 'wrong password',
        method: null,
        client: { ip: '192.0.2.1', userAgent: 'Firefox' },
      },
      {
        upn: 'bob@contoso.com',
        userId: null,
        result: 'success',
        reason: 'app password',
        method: 'AppPassword',
        client: { ip: '198.51.100.2', userAgent: EVIL_UA, application: mail },
        front: 'verify',
      },
      {
        upn: 'bob@contoso.com',
        userId: null,
        result: 'interrupted',
        reason: 'MFA required',
        method: null,
        client: { ip: '198.51.100.2', userAgent: null, application: mail },
        front: 'ldap',
      },
      {
        upn: 'carol@contoso.com',
        userId: null,
        result: 'failure',
        reason: 'wrong password',
        method: null,
        client: { ip: '203.0.113.3', userAgent: null, application: vpn },
        front: 'radius',
      },
    ];
    times = [];
    for (const e of events) {
      h.t.clock.advance(60_000);
      times.push(iso(h.t.clock.now()));
      await recordSignin(h.t.ctx, e);
    }
  });

  /** Times (as written) of the entries a query returns, newest first. */
  const timesOf = async (query: string) =>
    (await ok<{ items: SigninView[] }>(h.call('GET', `/signins?${query}`))).items.map((i) =>
      times.indexOf(i.createdDateTime),
    );

  it('lists every entry newest first, with its details', async () => {
    const { items } = await ok<{ items: SigninView[]; nextCursor: string | null }>(
      h.call('GET', '/signins'),
    );
    assert.deepEqual(
      items.map((i) => times.indexOf(i.createdDateTime)),
      [4, 3, 2, 1, 0],
    );
    const bob = items[2]!;
    assert.deepEqual(
      [bob.userPrincipalName, bob.result, bob.additionalDetails, bob.authenticationMethod],
      ['bob@contoso.com', 'success', 'app password', 'AppPassword'],
    );
    assert.deepEqual([bob.ipAddress, bob.application, bob.front], ['198.51.100.2', mail, 'verify']);
    assert.deepEqual(
      [items[1]!.result, items[1]!.failureReason, items[1]!.additionalDetails],
      ['interrupted', 'MFA required', ''],
    );
    assert.equal(items[3]!.failureReason, 'wrong password');
    assert.equal(items[4]!.front, 'browser', 'browser by default');
  });

  it('filters by user (any case), result, method, application and front', async () => {
    assert.deepEqual(await timesOf('user=ALICE@contoso.com'), [1, 0]);
    assert.deepEqual(await timesOf('result=failure'), [4, 1]);
    assert.deepEqual(await timesOf('result=interrupted'), [3]);
    assert.deepEqual(await timesOf('method=PhoneAppOTP'), [0]);
    assert.deepEqual(await timesOf(`application=${mail}`), [3, 2]);
    assert.deepEqual(await timesOf('front=ldap'), [3]);
    assert.deepEqual(await timesOf('front=browser'), [1, 0]);
    assert.deepEqual(await timesOf(`user=bob@contoso.com&front=verify`), [2]);
    assert.deepEqual(await timesOf('user=nobody@contoso.com'), []);
  });

  it('filters by since and until, both inclusive', async () => {
    assert.deepEqual(await timesOf(`since=${times[1]}&until=${times[3]}`), [3, 2, 1]);
    assert.deepEqual(await timesOf(`since=${times[4]}`), [4]);
    assert.deepEqual(await timesOf(`until=${times[0]}`), [0]);
    assert.deepEqual(await timesOf('since=2030-01-01'), []);
    assert.deepEqual(await timesOf('since=2026-11-28'), [4, 3, 2, 1, 0], 'a date is its midnight');
  });

  it('until given as a date takes in that whole day', async () => {
    assert.deepEqual(await timesOf('until=2026-11-28'), [4, 3, 2, 1, 0]);
  });

  it('pages with a cursor, every entry exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: SigninView[]; nextCursor: string | null } = await ok(
        h.call('GET', `/signins?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((i) => times.indexOf(i.createdDateTime)));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [4, 3, 2, 1, 0]);
    const filtered = await ok<{ items: SigninView[]; nextCursor: string | null }>(
      h.call('GET', '/signins?limit=1&user=alice@contoso.com'),
    );
    const rest = await ok<{ items: SigninView[]; nextCursor: string | null }>(
      h.call('GET', `/signins?limit=1&user=alice@contoso.com&cursor=${filtered.nextCursor}`),
    );
    assert.deepEqual(
      [...filtered.items, ...rest.items].map((i) => times.indexOf(i.createdDateTime)),
      [1, 0],
    );
    assert.equal(rest.nextCursor, null);
  });

  it('refuses a bad time, front, result or cursor with 400', async () => {
    for (const q of [
      'since=yesterday',
      'until=31/12/2026',
      'front=carrier',
      'result=maybe',
      'cursor=bm9wZQ',
    ])
      await problem(h.call('GET', `/signins?${q}`), 400, 'invalid_request', q);
  });

  it('format=csv gives every matching entry as CSV with a header, formulas neutralised', async () => {
    const res = await h.call('GET', '/signins?format=csv');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="signins.csv"');
    const rows = parseCsv(await res.text()) as string[][];
    assert.deepEqual(rows[0], [
      'Time',
      'User',
      'Result',
      'Reason',
      'Method',
      'Application',
      'Front',
      'IP address',
      'User agent',
    ]);
    assert.equal(rows.length, 6);
    assert.deepEqual(rows[3], [
      times[2],
      'bob@contoso.com',
      'success',
      'app password',
      'AppPassword',
      mail,
      'verify',
      '198.51.100.2',
      `'${EVIL_UA}`,
    ]);
    assert.ok(
      rows.every((r) => r.every((cell) => !/^[=+\-@]/.test(cell))),
      'no cell is a formula',
    );
    const filtered = parseCsv(
      await (await h.call('GET', '/signins?format=csv&user=bob@contoso.com&front=ldap')).text(),
    ) as string[][];
    assert.deepEqual(
      filtered.slice(1).map((r) => r[0]),
      [times[3]],
    );
  });
});

// ===========================================================================
// Audit log
// ===========================================================================

describe('admin API: GET /audit', () => {
  const h = useTestApp();
  const FORMULA_UPN = '=cmd+1@contoso.com';
  let start: number;
  before(async () => {
    await addUser(h.t, 'amy@contoso.com');
    await addUser(h.t, 'ben@contoso.com');
    await addUser(h.t, FORMULA_UPN);
    // The changes below, one millisecond apart, start after this mark (what
    // set-up wrote, such as a user's creation, comes before it).
    start = mark(h.t);
    h.t.clock.advance(1);
    await ok(h.call('PATCH', '/users/amy@contoso.com', { displayName: 'Amy A' }));
    h.t.clock.advance(1);
    await ok(h.call('PATCH', '/users/ben@contoso.com', { blockCredential: true }));
    h.t.clock.advance(1);
    await ok(h.call('PATCH', `/users/${enc(FORMULA_UPN)}`, { mfaState: 'Enabled' }));
    h.t.clock.advance(1);
    await ok(h.call('PATCH', '/users/amy@contoso.com', { mfaState: 'Enforced' }));
    h.t.clock.advance(1);
    await ok(h.call('PATCH', '/settings', { rememberDevicesDays: 7 }));
  });

  it('lists entries newest first, with actor, action, target and detail', async () => {
    const items = await auditSince(h, start + 1);
    assert.deepEqual(
      items.map((e) => [e.action, e.userPrincipalName]),
      [
        ['settings_changed', null],
        ['mfa_state_set', 'amy@contoso.com'],
        ['mfa_state_set', FORMULA_UPN],
        ['user_blocked', 'ben@contoso.com'],
        ['user_updated', 'amy@contoso.com'],
      ],
    );
    assert.ok(items.every((e) => e.actor === 'token ops'));
    assert.deepEqual(items[4]!.detail, { field: 'display_name', from: 'amy', to: 'Amy A' });
    assert.deepEqual(items[0]!.detail, {
      rememberDevicesDays: { from: 14, to: 7 },
      rememberDevicesEnabled: { from: false, to: true },
    });
  });

  it('filters by user (any case), actor and action, and by time', async () => {
    const amy = await auditSince(h, start, { user: 'AMY@contoso.com' });
    assert.deepEqual(
      amy.map((e) => e.action),
      ['mfa_state_set', 'user_updated'],
    );
    const states = await auditSince(h, start, { action: 'mfa_state_set' });
    assert.deepEqual(
      states.map((e) => e.userPrincipalName),
      ['amy@contoso.com', FORMULA_UPN],
    );
    assert.equal((await auditSince(h, start, { actor: 'TOKEN OPS' })).length, 5);
    assert.equal((await auditSince(h, start, { actor: 'cli' })).length, 0);
    const all = await ok<{ items: AuditView[] }>(h.call('GET', '/audit?actor=cli&limit=1000'));
    assert.deepEqual(
      all.items.map((e) => e.action),
      ['api_token_created', 'api_token_created'],
      'the two tokens made before the tests, by cli',
    );
    const until = await ok<{ items: AuditView[] }>(
      h.call('GET', `/audit?until=${iso(start + 2)}&since=${iso(start + 1)}`),
    );
    assert.deepEqual(
      until.items.map((e) => e.action),
      ['user_blocked', 'user_updated'],
    );
    await problem(h.call('GET', '/audit?since=soon'), 400, 'invalid_request');
  });

  it('pages with a cursor, every entry exactly once', async () => {
    const everything = (await ok<{ items: AuditView[] }>(h.call('GET', '/audit?limit=1000'))).items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditView[]; nextCursor: string | null } = await ok(
        h.call('GET', `/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      everything.map((e) => e.id),
    );
    assert.equal(new Set(seen).size, seen.length);
  });

  it('format=csv gives the entries as CSV with a header, formulas neutralised', async () => {
    const res = await h.call('GET', `/audit?format=csv&since=${iso(start + 1)}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="audit.csv"');
    const rows = parseCsv(await res.text()) as string[][];
    assert.deepEqual(rows[0], ['Time', 'Actor', 'IP address', 'Action', 'User', 'Detail']);
    assert.equal(rows.length, 6);
    const formula = rows.find((r) => r[3] === 'mfa_state_set' && r[4]!.includes('cmd'));
    assert.equal(formula?.[4], `'${FORMULA_UPN}`);
    assert.deepEqual(JSON.parse(rows[5]![5]!), { field: 'display_name', from: 'amy', to: 'Amy A' });
    assert.deepEqual(rows[5]!.slice(1, 5), ['token ops', '', 'user_updated', 'amy@contoso.com']);
    const only = parseCsv(
      await (
        await h.call('GET', `/audit?format=csv&user=ben@contoso.com&since=${iso(start)}`)
      ).text(),
    ) as string[][];
    assert.deepEqual(
      only.slice(1).map((r) => r[3]),
      ['user_blocked'],
    );
  });
});

// ===========================================================================
// API tokens
// ===========================================================================

describe('admin API: tokens', () => {
  const h = useTestApp();
  const TOKEN = /^pcl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
  let made: { token: string; apiToken: ApiTokenView };

  it('GET /tokens lists the tokens with their use, never a secret', async () => {
    const res = await h.call('GET', '/tokens');
    const text = await res.clone().text();
    // Both were made at the same instant: listApiTokens orders by created_at
    // alone, so their order is the database's choice — compare by name.
    const { items } = await ok<{ items: ApiTokenView[] }>(res);
    const byName = [...items].sort((a, b) => a.name.localeCompare(b.name));
    assert.deepEqual(
      byName.map((i) => [i.name, i.scope, i.rights, i.createdBy, i.lastUsedAt]),
      [
        ['auditor', 'read', [], 'cli', null],
        ['ops', 'read-write', [], 'cli', iso(h.t.clock.now())],
      ],
      'ops was last used by this very request; auditor never',
    );
    for (const tok of [h.token, h.readToken]) {
      const secret = TOKEN.exec(tok)![2]!;
      assert.ok(!text.includes(secret), 'no secret');
      assert.ok(!text.includes(sha256(secret)), 'no secret hash');
    }
    for (const i of items)
      assert.deepEqual(Object.keys(i).sort(), [
        'createdAt',
        'createdBy',
        'id',
        'lastUsedAt',
        'name',
        'rights',
        'scope',
      ]);
  });

  it('POST /tokens creates one and returns the token, once', async () => {
    made = await ok(
      h.call('POST', '/tokens', { name: 'backup job', scope: 'read', personalData: false }),
      201,
    );
    const m = TOKEN.exec(made.token);
    assert.ok(m, made.token);
    assert.equal(made.apiToken.id, m[1]);
    assert.deepEqual(
      [made.apiToken.name, made.apiToken.scope, made.apiToken.rights, made.apiToken.createdBy],
      ['backup job', 'read', [], 'token ops'],
    );
    const row = await h.t.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', m[1]!)
      .executeTakeFirstOrThrow();
    assert.equal(row.secret_hash, sha256(m[2]!), 'only the hash is stored');
    assert.ok(!JSON.stringify(row).includes(m[2]!));
    const list = await (await h.call('GET', '/tokens')).text();
    assert.ok(list.includes('backup job') && !list.includes(m[2]!), 'listed, never shown again');
    await ok(h.call('GET', '/users', undefined, bearer(made.token)));
    await problem(h.call('POST', '/tokens', { name: 'x' }, bearer(made.token)), 403, 'forbidden');
    const rw = await ok<{ apiToken: ApiTokenView }>(
      h.call('POST', '/tokens', { name: 'deployer' }),
      201,
    );
    assert.deepEqual([rw.apiToken.scope, rw.apiToken.rights], ['read-write', []]);
  });

  it('refuses a token without a name, with a bad scope or unknown fields (400)', async () => {
    const before = await snapshot(h.t);
    for (const body of [
      { name: '' },
      { name: '   ' },
      { name: 'x', scope: 'admin' },
      { name: 'x', rights: ['personal-data'] },
      {},
    ])
      await problem(h.call('POST', '/tokens', body), 400, 'invalid_request', JSON.stringify(body));
    assert.deepEqual(await snapshot(h.t), before);
  });

  it('DELETE /tokens/{id} revokes it at once: the token then gets 401', async () => {
    assert.deepEqual(await ok(h.call('DELETE', `/tokens/${made.apiToken.id}`)), { revoked: true });
    await problem(h.call('GET', '/users', undefined, bearer(made.token)), 401, 'unauthorized');
    const { items } = await ok<{ items: ApiTokenView[] }>(h.call('GET', '/tokens'));
    assert.ok(!items.some((i) => i.id === made.apiToken.id));
    await problem(h.call('DELETE', `/tokens/${made.apiToken.id}`), 404, 'not_found');
  });

  it('a token may revoke itself, and is refused from then on', async () => {
    const self = await createApiToken(h.t.ctx, cliActor(), { name: 'short-lived' });
    await ok(h.call('DELETE', `/tokens/${self.apiToken.id}`, undefined, bearer(self.token)));
    await problem(h.call('GET', '/tokens', undefined, bearer(self.token)), 401, 'unauthorized');
  });
});

// ===========================================================================
// Applications
// ===========================================================================

describe('admin API: applications', () => {
  const h = useTestApp();
  const RADIUS_SECRET = 'a radius shared secret';

  it('POST /applications registers a legacy application; the RADIUS secret is never shown', async () => {
    const res = await h.call('POST', '/applications', {
      name: 'VPN',
      fronts: ['radius', 'ldap'],
      radiusSecret: RADIUS_SECRET,
    });
    const text = await res.clone().text();
    const app = await ok<ApplicationView>(res, 201);
    assert.match(app.id, /^app-[0-9a-f]{12}$/);
    assert.deepEqual(
      [app.name, app.kind, app.fronts, app.hasRadiusSecret],
      ['VPN', 'legacy', ['radius', 'ldap'], true],
    );
    assert.ok(!text.includes(RADIUS_SECRET));
    const row = await h.t.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', app.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.radius_secret_sealed && !row.radius_secret_sealed.includes(RADIUS_SECRET));
    const mail = await ok<ApplicationView>(h.call('POST', '/applications', { name: 'Mail' }), 201);
    assert.deepEqual(
      mail.fronts,
      ['verify', 'forward-auth', 'ldap', 'radius'],
      'every front by default',
    );
    assert.equal(mail.hasRadiusSecret, false);
  });

  it('GET /applications lists them by name', async () => {
    const { items } = await ok<{ items: ApplicationView[] }>(h.call('GET', '/applications'));
    assert.deepEqual(
      items.map((a) => a.name),
      ['Mail', 'VPN'],
    );
    assert.ok(!JSON.stringify(items).includes(RADIUS_SECRET));
  });

  it('refuses a missing name, an unknown front or a short RADIUS secret (400)', async () => {
    const before = await snapshot(h.t);
    for (const body of [
      { name: '' },
      { name: 'x', fronts: ['smtp'] },
      { name: 'x', radiusSecret: 'short' },
      { fronts: ['ldap'] },
    ])
      await problem(
        h.call('POST', '/applications', body),
        400,
        'invalid_request',
        JSON.stringify(body),
      );
    assert.deepEqual(await snapshot(h.t), before);
  });
});

// ===========================================================================
// The audit trail
// ===========================================================================

describe('admin API: every change is audited with action, actor and target', () => {
  const h = useTestApp();
  let w: { methods: string[]; appPassword: string; spareToken: string };
  before(async () => {
    // Another administrator, so that blocking tara once she is one is allowed.
    await addUser(h.t, 'root@contoso.com', { isAdmin: true });
    const tara = await addUser(h.t, 'tara@contoso.com');
    await addUser(h.t, 'gone@contoso.com');
    w = {
      methods: [await addTotp(h.t, tara.id), await addTotp(h.t, tara.id)],
      appPassword: (await createAppPassword(h.t.ctx, tara.id, { name: 'a' })).appPassword.id,
      spareToken: (await createApiToken(h.t.ctx, cliActor(), { name: 'spare' })).apiToken.id,
    };
    await createAppPassword(h.t.ctx, tara.id, { name: 'b' });
    await rememberDevice(h.t, tara.id);
  });

  const T = '/users/tara@contoso.com';
  const steps: {
    what: string;
    request: () => [method: string, path: string, body?: unknown];
    status?: number;
    action: string;
    target: string | null;
    detail?: Record<string, unknown>;
  }[] = [
    {
      what: 'PATCH displayName',
      request: () => ['PATCH', T, { displayName: 'Tara T' }],
      action: 'user_updated',
      target: 'tara@contoso.com',
      detail: { field: 'display_name', from: 'tara', to: 'Tara T' },
    },
    {
      what: 'PATCH preferredLanguage',
      request: () => ['PATCH', T, { preferredLanguage: 'nl' }],
      action: 'user_updated',
      target: 'tara@contoso.com',
      detail: { field: 'preferred_language', from: '', to: 'nl' },
    },
    {
      what: 'PATCH isAdmin',
      request: () => ['PATCH', T, { isAdmin: true }],
      action: 'user_updated',
      target: 'tara@contoso.com',
      detail: { field: 'is_admin', from: 0, to: 1 },
    },
    {
      what: 'PATCH blockCredential true',
      request: () => ['PATCH', T, { blockCredential: true }],
      action: 'user_blocked',
      target: 'tara@contoso.com',
    },
    {
      what: 'PATCH blockCredential false',
      request: () => ['PATCH', T, { blockCredential: false }],
      action: 'user_unblocked',
      target: 'tara@contoso.com',
    },
    {
      what: 'PATCH mfaState',
      request: () => ['PATCH', T, { mfaState: 'Enabled' }],
      action: 'mfa_state_set',
      target: 'tara@contoso.com',
      detail: { field: 'mfa_state', from: 'Disabled', to: 'Enabled' },
    },
    {
      what: 'PATCH strongAuthenticationRequirements',
      request: () => ['PATCH', T, { strongAuthenticationRequirements: [] }],
      action: 'mfa_state_set',
      target: 'tara@contoso.com',
      detail: { from: 'Enabled', to: 'Disabled' },
    },
    {
      what: 'POST /users/mfa-state',
      request: () => [
        'POST',
        '/users/mfa-state',
        { items: [{ userPrincipalName: 'tara@contoso.com', state: 'Enforced' }] },
      ],
      action: 'mfa_state_set',
      target: 'tara@contoso.com',
      detail: { to: 'Enforced', via: 'bulk' },
    },
    {
      what: 'POST reset-password',
      request: () => ['POST', `${T}/reset-password`],
      action: 'password_reset',
      target: 'tara@contoso.com',
    },
    {
      what: 'PUT method default',
      request: () => ['PUT', `${T}/methods/${w.methods[1]}/default`],
      action: 'default_method_set',
      target: 'tara@contoso.com',
      detail: { methodType: 'PhoneAppOTP' },
    },
    {
      what: 'DELETE method',
      request: () => ['DELETE', `${T}/methods/${w.methods[0]}`],
      action: 'method_deleted',
      target: 'tara@contoso.com',
      detail: { methodType: 'PhoneAppOTP' },
    },
    {
      what: 'DELETE one app password',
      request: () => ['DELETE', `${T}/app-passwords/${w.appPassword}`],
      action: 'app_password_deleted',
      target: 'tara@contoso.com',
      detail: { name: 'a' },
    },
    {
      what: 'DELETE all app passwords',
      request: () => ['DELETE', `${T}/app-passwords`],
      action: 'app_passwords_deleted',
      target: 'tara@contoso.com',
      detail: { removed: 1 },
    },
    {
      what: 'POST /user-actions/reset-methods',
      request: () => ['POST', '/user-actions/reset-methods', { users: ['tara@contoso.com'] }],
      action: 'methods_reset',
      target: 'tara@contoso.com',
      detail: { removed: 1 },
    },
    {
      what: 'POST /user-actions/delete-app-passwords',
      request: () => [
        'POST',
        '/user-actions/delete-app-passwords',
        { users: ['tara@contoso.com'] },
      ],
      action: 'app_passwords_deleted',
      target: 'tara@contoso.com',
      detail: { removed: 0 },
    },
    {
      what: 'POST /user-actions/restore-remembered-devices',
      request: () => [
        'POST',
        '/user-actions/restore-remembered-devices',
        { users: ['tara@contoso.com'] },
      ],
      action: 'remembered_devices_restored',
      target: 'tara@contoso.com',
      detail: { removed: 1 },
    },
    {
      what: 'POST /user-actions/unlock-signin',
      request: () => ['POST', '/user-actions/unlock-signin', { users: ['tara@contoso.com'] }],
      action: 'signin_unlocked',
      target: 'tara@contoso.com',
      detail: { removed: 0 },
    },
    {
      what: 'PATCH /settings',
      request: () => [
        'PATCH',
        '/settings',
        { rememberDevicesDays: 21, trustedIps: ['10.0.0.0/8'] },
      ],
      action: 'settings_changed',
      target: null,
      detail: {
        rememberDevicesDays: { from: 14, to: 21 },
        trustedIps: { from: [], to: ['10.0.0.0/8'] },
        rememberDevicesEnabled: { from: false, to: true },
      },
    },
    {
      what: 'POST /tokens',
      request: () => ['POST', '/tokens', { name: 'ci', scope: 'read' }],
      status: 201,
      action: 'api_token_created',
      target: null,
      detail: { name: 'ci', scope: 'read' },
    },
    {
      what: 'DELETE /tokens/{id}',
      request: () => ['DELETE', `/tokens/${w.spareToken}`],
      action: 'api_token_revoked',
      target: null,
      detail: { name: 'spare' },
    },
    {
      what: 'POST /applications',
      request: () => ['POST', '/applications', { name: 'Wiki', fronts: ['forward-auth'] }],
      status: 201,
      action: 'application_created',
      target: null,
      detail: { name: 'Wiki', fronts: ['forward-auth'] },
    },
    {
      what: 'DELETE /users/{upn}',
      request: () => ['DELETE', '/users/gone@contoso.com'],
      action: 'user_deleted',
      target: 'gone@contoso.com',
    },
  ];

  for (const s of steps) {
    it(`${s.what} → ${s.action}`, async () => {
      const since = mark(h.t);
      const [method, path, body] = s.request();
      await ok(h.call(method, path, body), s.status ?? 200);
      const entries = await auditSince(h, since, {
        actor: 'token ops',
        action: s.action,
        ...(s.target ? { user: s.target } : {}),
      });
      assert.equal(entries.length, 1, JSON.stringify(entries));
      const e = entries[0]!;
      assert.equal(e.action, s.action);
      assert.equal(e.actor, 'token ops');
      assert.equal(e.userPrincipalName, s.target);
      assert.equal(e.at, iso(since));
      for (const [k, v] of Object.entries(s.detail ?? {}))
        assert.deepEqual(e.detail[k], v, `detail.${k}`);
    });
  }

  it('POST /users → an entry naming the new user', async () => {
    const since = mark(h.t);
    await ok(
      h.call('POST', '/users', {
        userPrincipalName: 'new@contoso.com',
        password: 'long enough pw',
      }),
      201,
    );
    const entries = await auditSince(h, since, { user: 'new@contoso.com' });
    assert.equal(entries.length, 1, 'one entry for the new user');
    assert.equal(entries[0]!.actor, 'token ops');
    assert.equal(entries[0]!.action, 'user_created');
  });

  it('failed or refused changes leave no entry', async () => {
    const since = mark(h.t);
    await problem(h.call('PATCH', T, { displayName: '' }), 400, 'invalid_request');
    await problem(h.call('PATCH', '/settings', { rememberDevicesDays: 0 }), 400, 'invalid_request');
    await problem(
      h.call('POST', '/user-actions/reset-methods', { users: ['ghost@contoso.com'] }),
      404,
      'user_not_found',
    );
    await problem(h.call('PATCH', T, { displayName: 'x' }, bearer(h.readToken)), 403, 'forbidden');
    assert.deepEqual(await auditSince(h, since), []);
  });
});

// ===========================================================================
// Guard rails
// ===========================================================================

describe('admin API: guard rails', () => {
  const h = useTestApp();
  before(async () => {
    await addUser(h.t, 'root@contoso.com', { isAdmin: true, displayName: 'Root' });
    // An administrator who cannot sign in does not count.
    await addUser(h.t, 'blocked.admin@contoso.com', { isAdmin: true });
    await h.t.ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('upn_normalized', '=', 'blocked.admin@contoso.com')
      .execute();
    await addUser(h.t, 'nick@contoso.com');
  });

  it('the last administrator who can sign in cannot be blocked, demoted or deleted (409); nothing changes', async () => {
    const before = await snapshot(h.t);
    for (const [method, body] of [
      ['PATCH', { blockCredential: true }],
      ['PATCH', { isAdmin: false }],
      ['PATCH', { displayName: 'Changed', isAdmin: false }],
      ['DELETE', undefined],
    ] as const) {
      const p = await problem(
        h.call(method, '/users/root@contoso.com', body),
        409,
        'conflict',
        `${method} ${JSON.stringify(body)}`,
      );
      assert.match(p.detail ?? '', /only administrator/);
    }
    assert.deepEqual(await snapshot(h.t), before, 'not even the display name');
  });

  it('once another administrator can sign in, the first may be demoted — and the other is then the last', async () => {
    await ok(h.call('PATCH', '/users/nick@contoso.com', { isAdmin: true }));
    const root = await ok<UserView>(h.call('PATCH', '/users/root@contoso.com', { isAdmin: false }));
    assert.equal(root.isAdmin, false);
    await problem(h.call('DELETE', '/users/nick@contoso.com'), 409, 'conflict');
    await problem(
      h.call('PATCH', '/users/nick@contoso.com', { blockCredential: true }),
      409,
      'conflict',
    );
    assert.equal((await userRow(h.t, 'nick@contoso.com')).is_admin, 1);
    assert.equal((await userRow(h.t, 'nick@contoso.com')).blocked, 0);
  });

  it('PATCH with unknown fields is 400 and changes nothing', async () => {
    const before = await snapshot(h.t);
    for (const body of [
      { displayName: 'Nick', colour: 'blue' },
      { password: 'new password!' },
      { externalId: 'set by SCIM only' },
      { is_admin: 1 },
    ]) {
      await problem(
        h.call('PATCH', '/users/nick@contoso.com', body),
        400,
        'invalid_request',
        JSON.stringify(body),
      );
    }
    await problem(h.call('PATCH', '/settings', { trustedIPs: [] }), 400, 'invalid_request');
    assert.deepEqual(await snapshot(h.t), before);
  });

  it('PATCH userPrincipalName renames the user; a taken or bad name changes nothing', async () => {
    await addUser(h.t, 'rena@contoso.com');
    await problem(
      h.call('PATCH', '/users/rena@contoso.com', { userPrincipalName: 'NICK@contoso.com' }),
      409,
      'upn_taken',
    );
    await problem(
      h.call('PATCH', '/users/rena@contoso.com', { userPrincipalName: 'not a name' }),
      400,
      'invalid_upn',
    );
    const renamed = await ok<UserView>(
      h.call('PATCH', '/users/rena@contoso.com', { userPrincipalName: 'renata@contoso.com' }),
    );
    assert.equal(renamed.userPrincipalName, 'renata@contoso.com');
    await problem(h.call('GET', '/users/rena@contoso.com'), 404, 'user_not_found');
    const audit = await ok<{ items: AuditView[] }>(h.call('GET', '/audit?user=rena@contoso.com'));
    assert.ok(
      audit.items.some(
        (a) =>
          a.action === 'user_updated' && JSON.stringify(a.detail).includes('renata@contoso.com'),
      ),
    );
  });

  it('a malformed JSON body is 400, never a 500', async () => {
    const res = await h.t.app.request('/api/v1/users/nick@contoso.com', {
      method: 'PATCH',
      headers: { ...bearer(h.token), 'content-type': 'application/json' },
      body: '{"displayName": ',
    });
    assert.equal(res.status, 400);
  });
});

describe('admin API: authentication methods policy', () => {
  const h = useTestApp();

  it('reads the policy the allowed methods make, and changes one method by group name', async () => {
    const engineering = (await createGroup(h.t.ctx, cliActor(), { displayName: 'Engineering' })).id;
    const start = await ok<MethodsPolicy>(h.call('GET', '/methods-policy'));
    assert.deepEqual(start, fromAllowedMethods(methodTypes));
    const changed = await ok<MethodsPolicy>(
      h.call('PATCH', '/methods-policy/passkey', { include: ['Engineering'] }),
    );
    assert.deepEqual(changed.passkey.include, [engineering], 'kept by id');
    assert.deepEqual(changed.totp, start.totp, 'other methods as they were');
    assert.deepEqual(await ok(h.call('GET', '/methods-policy')), changed);
    // A whole policy back, as GET gave it.
    assert.deepEqual(await ok(h.call('PUT', '/methods-policy', start)), start);
  });

  it('refuses what makes no sense, saying why, and changes nothing', async () => {
    const before = await ok<MethodsPolicy>(h.call('GET', '/methods-policy'));
    const p = await problem(
      h.call('PATCH', '/methods-policy/sms', { include: ['Nobody here'] }),
      400,
      'invalid_request',
    );
    assert.match(p.detail ?? '', /Nobody here/);
    await problem(h.call('PATCH', '/methods-policy/fido', { enabled: true }), 404, 'not_found');
    const attestation = await problem(
      h.call('PATCH', '/methods-policy/passkey', { attestationRequired: true }),
      400,
      'invalid_request',
    );
    assert.match(attestation.detail ?? '', /PORTCULLIS_PASSKEY_ATTESTATION_ROOTS/);
    await problem(
      h.call('PATCH', '/methods-policy/passkey', { allowedAaguids: ['yubikey'] }),
      400,
      'invalid_request',
    );
    await problem(h.call('PATCH', '/methods-policy/voice', { phones: [] }), 400, 'invalid_request');
    await problem(
      h.call('PATCH', '/methods-policy/totp', { colour: 'red' }),
      400,
      'invalid_request',
    );
    await problem(
      h.call('PUT', '/methods-policy', { ...before, totp: undefined }),
      400,
      'invalid_request',
    );
    assert.deepEqual(await ok(h.call('GET', '/methods-policy')), before);
  });
});

describe('admin API: Temporary Access Pass', () => {
  const h = useTestApp();
  const P = '/users/tess@contoso.com/temporary-access-pass';

  it('issues a pass shown once, reads it without the pass, revokes it; mistakes are 400 or 404', async () => {
    await addUser(h.t, 'tess@contoso.com', { mfaState: 'Enforced' });
    const off = await problem(h.call('POST', P, {}), 400, 'invalid_request');
    assert.match(off.detail ?? '', /methods policy does not give/);
    await ok(h.call('PATCH', '/methods-policy/temporaryAccessPass', { enabled: true }));
    const issued = await ok<{ temporaryAccessPass: string; id: string; oneTime: boolean }>(
      h.call('POST', P, { lifetimeMinutes: 120, oneTime: true, length: 12 }),
      201,
    );
    assert.equal(issued.temporaryAccessPass.length, 12);
    assert.equal(issued.oneTime, true);
    const read = await ok<Record<string, unknown>>(h.call('GET', P));
    assert.equal(read.id, issued.id);
    assert.equal(read.lifetimeMinutes, 120);
    assert.equal(read.state, 'active');
    assert.ok(
      !('temporaryAccessPass' in read) &&
        !JSON.stringify(read).includes(issued.temporaryAccessPass),
    );
    await problem(h.call('POST', P, { lifetimeMinutes: 5 }), 400, 'invalid_request');
    await problem(h.call('POST', P, { colour: 'red' }), 400, 'invalid_request');
    await problem(h.call('POST', P, {}, bearer(h.readToken)), 403, 'forbidden');
    await problem(
      h.call('POST', '/users/nobody@contoso.com/temporary-access-pass', {}),
      404,
      'user_not_found',
    );
    await ok(h.call('DELETE', P));
    await problem(h.call('GET', P), 404, 'not_found');
    await problem(h.call('DELETE', P), 404, 'not_found');
    const actions = (
      await h.t.ctx.db.selectFrom('audit_log').select(['action', 'actor']).execute()
    ).filter((a) => a.action.startsWith('tap_'));
    assert.deepEqual(
      actions.map((a) => [a.action, a.actor]),
      [
        ['tap_created', 'token ops'],
        ['tap_revoked', 'token ops'],
      ],
    );
  });
});
