// SCIM 2.0 conformance, over HTTP against a real `portcullis serve`: the
// request sequences in test/fixtures/scim (the RFC's own examples, and what
// Microsoft Entra provisioning and Okta send, each naming its source) are
// played in order. Every User and Group the server returns is also checked by
// an independent SCIM implementation (SCIMMY's schema definitions), so a
// resource that passes our expectations but breaks RFC 7643 still fails.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import SCIMMY from 'scimmy';
import { FormClient, textOf } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server.ts';

const FIXTURES = new URL('../fixtures/scim/', import.meta.url);
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PORTCULLIS = 'urn:portcullis:params:scim:schemas:extension:2.0:';

interface Step {
  name: string;
  source: string;
  note?: string;
  request: { method: string; path: string; body?: unknown; rawBody?: string };
  expect: {
    status: number;
    body?: unknown;
    absent?: string[];
    headers?: Record<string, string>;
    userNames?: string[];
  };
  absentInResources?: string[];
  save?: Record<string, string>;
  signsIn?: { userName: string; password: string };
}

type Json = Record<string, unknown>;

const at = (v: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Json)[k] : undefined), v);

/** Partial match (fixtures/scim/README.md): what the fixture names must be there, as it says. */
function matches(actual: unknown, expected: unknown, where: string): string | null {
  if (expected === null || typeof expected !== 'object')
    return actual === expected
      ? null
      : `${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${where}: expected ${expected.length} item(s), got ${JSON.stringify(actual)}`;
    const free = [...actual];
    for (const [i, e] of expected.entries()) {
      const k = free.findIndex((a) => matches(a, e, '') === null);
      if (k < 0)
        return `${where}[${i}]: nothing matches ${JSON.stringify(e)} in ${JSON.stringify(actual)}`;
      free.splice(k, 1);
    }
    return null;
  }
  if (!actual || typeof actual !== 'object')
    return `${where}: expected an object, got ${JSON.stringify(actual)}`;
  for (const [k, v] of Object.entries(expected)) {
    const problem = matches((actual as Json)[k], v, `${where}.${k}`);
    if (problem) return problem;
  }
  return null;
}

// The independent check: SCIMMY's RFC 7643 definitions (core, enterprise).
// (SCIMMY's typings want an instance; its code takes the class, as its README shows.)
SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as never, false);
function conforms(resource: Json, what: string): void {
  const schemas = (resource.schemas as string[]).filter((s) => !s.startsWith(PORTCULLIS));
  const plain = Object.fromEntries(
    Object.entries(resource).filter(([k]) => !k.startsWith(PORTCULLIS)),
  );
  const definition = schemas.includes(USER)
    ? SCIMMY.Schemas.User.definition
    : schemas.includes(GROUP)
      ? SCIMMY.Schemas.Group.definition
      : null;
  if (!definition) return;
  try {
    definition.coerce({ ...plain, schemas }, 'out');
  } catch (e) {
    assert.fail(
      `${what}: not a valid ${schemas[0]} per SCIMMY: ${(e as Error).message}\n${JSON.stringify(resource)}`,
    );
  }
}

describe('SCIM 2.0 over HTTP (RFC 7644 examples, Microsoft Entra and Okta sequences)', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let token: string;
  let adminToken: string;
  const vars: Record<string, string> = {};
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? `{{${k}}}`);
  const fillJson = (v: unknown) =>
    v === undefined ? undefined : JSON.parse(fill(JSON.stringify(v)));

  before(async () => {
    db = await freshDatabase();
    const make = async (args: string[]) => {
      const r = await runCli(['token', 'create', '--json', ...args], db.env);
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { token: string }).token;
    };
    token = await make(['--name', 'entra', '--scope', 'scim']);
    adminToken = await make(['--name', 'ops']);
    server = await startServerProcess(db.env);
    vars.base = `${server.url}/scim/v2`;
  });
  after(async () => {
    await server?.stop();
    await db?.drop();
  });

  const request = (method: string, path: string, body?: string, auth = token) =>
    fetch(`${server.url}/scim/v2${path}`, {
      method,
      headers: {
        authorization: `Bearer ${auth}`,
        accept: 'application/scim+json',
        ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
      },
      ...(body !== undefined ? { body } : {}),
    });

  it('answers only tokens of scope "scim", in SCIM\'s error form', async () => {
    const none = await fetch(`${server.url}/scim/v2/Users`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(none.headers.get('content-type'), 'application/scim+json');
    const body = (await none.json()) as Json;
    assert.deepEqual(body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    assert.equal(body.status, '401');
    const admin = await request('GET', '/Users', undefined, adminToken);
    assert.equal(admin.status, 403, 'an admin token is not a SCIM token');
    const wrong = await request('GET', '/Users', undefined, `${token.slice(0, -2)}xx`);
    assert.equal(wrong.status, 401);
    // And the other way round: a SCIM token cannot use the admin API.
    const api = await fetch(`${server.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(api.status, 403);
  });

  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const fixture = JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as {
      source: string;
      /** Users found are compared among those whose userName starts so (the files share a server). */
      scope?: string;
      steps: Step[];
    };
    describe(`${file}: ${fixture.source.split(' — ')[0]!.slice(0, 90)}`, () => {
      for (const step of fixture.steps) {
        it(`${step.name} (${step.source})`, async () => {
          const body =
            step.request.rawBody ??
            (step.request.body !== undefined
              ? JSON.stringify(fillJson(step.request.body))
              : undefined);
          const res = await request(step.request.method, fill(step.request.path), body);
          const text = await res.text();
          const what = `${step.request.method} ${fill(step.request.path)}`;
          assert.equal(res.status, step.expect.status, `${what}: ${text.slice(0, 600)}`);
          if (res.status === 204) {
            assert.equal(text, '', 'no content');
            return;
          }
          assert.equal(res.headers.get('content-type'), 'application/scim+json', what);
          const json = JSON.parse(text) as Json;
          for (const [k, field] of Object.entries(step.save ?? {}))
            vars[k] = String(at(json, field));
          if (step.expect.body !== undefined) {
            const problem = matches(json, fillJson(step.expect.body), 'body');
            assert.equal(problem, null, `${what}: ${problem}\n${text.slice(0, 1500)}`);
          }
          for (const path of step.expect.absent ?? [])
            assert.equal(at(json, path), undefined, `${what}: ${path} is absent`);
          for (const [h, v] of Object.entries(step.expect.headers ?? {})) {
            for (const [k, field] of Object.entries(step.save ?? {}))
              vars[k] ??= String(at(json, field));
            assert.equal(res.headers.get(h), fill(v), `${what}: header ${h}`);
          }
          const resources = Array.isArray(json.Resources)
            ? (json.Resources as Json[])
            : json.id
              ? [json]
              : [];
          if (step.expect.userNames)
            assert.deepEqual(
              resources
                .map((r) => r.userName as string)
                .filter((n) => !fixture.scope || n.startsWith(fixture.scope))
                .sort(),
              [...step.expect.userNames].sort(),
              `${what}: the users found`,
            );
          for (const r of resources) {
            for (const path of step.absentInResources ?? [])
              assert.equal(at(r, path), undefined, `${what}: ${path} left out`);
            // Projected answers may leave out required attributes on purpose.
            if (
              !/[?&](attributes|excludedAttributes)=/.test(step.request.path) &&
              !step.absentInResources
            )
              conforms(r, what);
          }
          for (const [k, field] of Object.entries(step.save ?? {}))
            vars[k] = String(at(json, field));
          if (step.signsIn) {
            // The password a provisioning system set signs the user in.
            const b = new FormClient((r) => fetch(r), server.url);
            await b.page('/');
            const page = await b.submit('/signin', {
              username: step.signsIn.userName,
              password: step.signsIn.password,
            });
            assert.doesNotMatch(textOf(page.html), /incorrect/i, 'the new password works');
          }
        });
      }
    });
  }
});
