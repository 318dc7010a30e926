// Groups through the admin API: members all or nothing, the administrator role
// a group carries (and that one always remains), MFA state for every member,
// directory groups kept as the directory says, and what is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/services/api-tokens.ts';
import { cliActor } from '../../src/services/audit.ts';
import { createGroup, type GroupView } from '../../src/services/groups.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('groups (admin API)', () => {
  let t: TestApp;
  let token: string;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const isAdmin = async (upn: string) => (await t.ctx.stores.users.findByUpn(upn))!.is_admin === 1;
  const members = async (group: string) =>
    (
      (await call('GET', `/groups/${encodeURIComponent(group)}/members`)).body.items as {
        userPrincipalName: string;
      }[]
    ).map((m) => m.userPrincipalName);

  before(async () => {
    t = await createTestApp();
    token = (await createApiToken(t.ctx, cliActor(), { name: 'ops' })).token;
    for (const u of ['ann', 'bob', 'cat', 'dan', 'eve'])
      await t.addUser({ upn: `${u}@contoso.com`, isAdmin: u === 'ann' });
  });
  after(() => t.close());

  it('creates a group with members; lists with counts and search; pages members', async () => {
    const r = await call('POST', '/groups', {
      displayName: 'Sales',
      description: 'People who sell',
      members: ['bob@contoso.com', 'CAT@contoso.com'],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal((r.body as unknown as GroupView).memberCount, 2);
    await call('POST', '/groups', { displayName: 'Support' });
    const list = (await call('GET', '/groups?search=sal')).body.items as GroupView[];
    assert.deepEqual(
      list.map((g) => [g.displayName, g.memberCount, g.source]),
      [['Sales', 2, 'local']],
    );
    const first = await call('GET', '/groups/sales/members?limit=1');
    assert.equal((first.body.items as unknown[]).length, 1);
    const rest = await call('GET', `/groups/Sales/members?limit=1&cursor=${first.body.nextCursor}`);
    assert.deepEqual(
      [
        ...(first.body.items as { userPrincipalName: string }[]),
        ...(rest.body.items as { userPrincipalName: string }[]),
      ].map((m) => m.userPrincipalName),
      ['bob@contoso.com', 'cat@contoso.com'],
    );
    assert.equal(rest.body.nextCursor, null);
    const byId = await call('GET', `/groups/${(r.body as unknown as GroupView).id}`);
    assert.equal(byId.body.displayName, 'Sales');
  });

  it('names are unique in any case; a bad name or unknown group is a clear error', async () => {
    const dup = await call('POST', '/groups', { displayName: 'SALES' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.code, 'group_name_taken');
    const bad = await call('POST', '/groups', { displayName: '  ' });
    assert.equal(bad.status, 400);
    const ghost = await call('GET', '/groups/Nobody');
    assert.equal(ghost.status, 404);
    assert.equal(ghost.body.code, 'group_not_found');
  });

  it('member changes are all or nothing and audited with the user', async () => {
    const unknown = await call('POST', '/groups/Sales/members', {
      add: ['dan@contoso.com', 'ghost@contoso.com'],
      remove: ['bob@contoso.com'],
    });
    assert.equal(unknown.status, 404);
    assert.match(String(unknown.body.detail), /ghost@contoso\.com/);
    assert.deepEqual(await members('Sales'), ['bob@contoso.com', 'cat@contoso.com'], 'unchanged');
    const both = await call('POST', '/groups/Sales/members', {
      add: ['dan@contoso.com'],
      remove: ['DAN@contoso.com'],
    });
    assert.equal(both.status, 400);
    const done = await call('POST', '/groups/Sales/members', {
      add: ['dan@contoso.com'],
      remove: ['bob@contoso.com'],
    });
    assert.equal(done.status, 200);
    assert.deepEqual(await members('Sales'), ['cat@contoso.com', 'dan@contoso.com']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor'])
      .where('action', 'in', ['group_member_added', 'group_member_removed'])
      .orderBy('at')
      .execute();
    assert.deepEqual(
      audit
        .slice(-2)
        .map((a) => [a.action, a.target, a.actor])
        .sort(),
      [
        ['group_member_added', 'dan@contoso.com', 'token ops'],
        ['group_member_removed', 'bob@contoso.com', 'token ops'],
      ],
    );
  });

  it('a group with the administrator role makes its members administrators while they are in it', async () => {
    assert.equal(await isAdmin('cat@contoso.com'), false);
    await call('PATCH', '/groups/Sales', { adminRole: true });
    assert.equal(await isAdmin('cat@contoso.com'), true);
    const user = await call('GET', '/users/cat@contoso.com');
    assert.equal(user.body.isAdmin, true);
    // Taking the user's own role away leaves the group's.
    await call('PATCH', '/users/cat@contoso.com', { isAdmin: false });
    assert.equal(await isAdmin('cat@contoso.com'), true, 'still through Sales');
    // A user with the role themselves keeps it after leaving the group.
    await call('PATCH', '/users/dan@contoso.com', { isAdmin: true });
    await call('POST', '/groups/Sales/members', { remove: ['dan@contoso.com', 'cat@contoso.com'] });
    assert.equal(await isAdmin('cat@contoso.com'), false);
    assert.equal(await isAdmin('dan@contoso.com'), true, 'given the role themselves');
    await call('PATCH', '/users/dan@contoso.com', { isAdmin: false });
  });

  it('an administrator who can sign in always remains: group changes that would leave none are refused', async () => {
    await call('POST', '/groups', {
      displayName: 'Admins',
      adminRole: true,
      members: ['eve@contoso.com'],
    });
    // ann (the role herself) steps down: eve, through Admins, remains.
    assert.equal((await call('PATCH', '/users/ann@contoso.com', { isAdmin: false })).status, 200);
    for (const [method, path, body] of [
      ['POST', '/groups/Admins/members', { remove: ['eve@contoso.com'] }],
      ['PATCH', '/groups/Admins', { adminRole: false }],
      ['DELETE', '/groups/Admins', undefined],
    ] as const) {
      const r = await call(method, path, body);
      assert.equal(r.status, 409, `${method} ${path}: ${JSON.stringify(r.body)}`);
      assert.match(String(r.body.detail), /no administrator who can sign in/);
    }
    assert.equal(await isAdmin('eve@contoso.com'), true, 'nothing changed');
    assert.deepEqual(await members('Admins'), ['eve@contoso.com']);
    await call('PATCH', '/users/ann@contoso.com', { isAdmin: true });
  });

  it('two removals at once cannot leave no administrator (the check holds under concurrency)', async () => {
    await call('PATCH', '/users/ann@contoso.com', { isAdmin: false });
    await call('POST', '/groups/Admins/members', { add: ['dan@contoso.com'] });
    // Now dan and eve are the administrators, both through Admins; each request removes one.
    const [a, b] = await Promise.all([
      call('POST', '/groups/Admins/members', { remove: ['dan@contoso.com'] }),
      call('POST', '/groups/Admins/members', { remove: ['eve@contoso.com'] }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const admins = await t.ctx.db
      .selectFrom('users')
      .select('upn')
      .where('is_admin', '=', 1)
      .execute();
    assert.equal(admins.length, 1, 'exactly one administrator remains');
    await call('PATCH', '/users/ann@contoso.com', { isAdmin: true });
  });

  it('sets the MFA state of every member in one go, audited by group', async () => {
    const r = await call('POST', '/groups/Admins/mfa-state', { state: 'Enforced' });
    assert.equal(r.status, 200);
    assert.equal(r.body.members, (await members('Admins')).length);
    for (const upn of await members('Admins'))
      assert.equal((await t.ctx.stores.users.findByUpn(upn))!.mfa_state, 'Enforced');
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'mfa_state_set')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(entry.detail, /"via":"group Admins"/);
  });

  it("a directory group's name and members are the directory's; its role may be given", async () => {
    await createGroup(t.ctx, cliActor(), {
      displayName: 'From AD',
      source: 'directory',
      directoryId: 'abc',
    });
    for (const [method, path, body] of [
      ['POST', '/groups/From%20AD/members', { add: ['bob@contoso.com'] }],
      ['PATCH', '/groups/From%20AD', { displayName: 'Renamed' }],
      ['DELETE', '/groups/From%20AD', undefined],
    ] as const) {
      const r = await call(method, path, body);
      assert.equal(r.status, 409, `${method} ${path}`);
      assert.equal(r.body.code, 'managed_by_directory');
    }
    assert.equal((await call('PATCH', '/groups/From%20AD', { adminRole: true })).status, 200);
  });

  it('deleting a user takes them out of their groups; deleting a group keeps its members', async () => {
    await call('POST', '/groups/Support/members', { add: ['bob@contoso.com', 'cat@contoso.com'] });
    await call('DELETE', '/users/bob@contoso.com');
    assert.deepEqual(await members('Support'), ['cat@contoso.com']);
    assert.equal((await call('DELETE', '/groups/Support')).status, 200);
    assert.ok(await t.ctx.stores.users.findByUpn('cat@contoso.com'));
    assert.equal((await call('GET', '/groups/Support')).status, 404);
  });
});
