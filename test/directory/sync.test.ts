// The directory sync against a real OpenLDAP slapd: users created from more
// than 1000 entries (paged), attributes updated, groups mapped to the admin role
// and MFA states, accounts disabled or gone blocked (sessions ended) and
// unblocked when enabled again, a dry run that changes nothing, and the faults
// an administrator can make, each with a clear message and nothing half-done.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change, Client, SizeLimitExceededError } from 'ldapts';
import { loadConfig } from '../../src/config/load.ts';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { directoryOf } from '../../src/directory/index.ts';
import { syncDirectory } from '../../src/directory/sync.ts';
import { isAppError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { cliActor } from '../../src/services/audit.ts';
import { editGroupMembers, groupMembers, updateGroup } from '../../src/services/groups.ts';
import { createUser } from '../../src/services/users.ts';
import { freshDatabase, type TestDatabase } from '../helpers/db.ts';
import { requireTool } from '../helpers/server.ts';
import {
  person,
  SERVICE_PASSWORD,
  type Slapd,
  slapdAvailable,
  startSlapd,
} from '../helpers/slapd.ts';

const SUFFIX = 'dc=contoso,dc=com';
const MANY = 1100;

function ldif(): string {
  const people = [
    person(SUFFIX, {
      uid: 'ada',
      password: 'ada password 1',
      mail: 'ada@contoso.com',
      displayName: 'Ada Lovelace',
      mobile: '+44 7700 900123',
      preferredLanguage: 'en-GB, en;q=0.8',
    }),
    person(SUFFIX, {
      uid: 'bob',
      password: 'bob password 1',
      mail: 'bob@contoso.com',
      cn: 'Bob Cn',
    }),
    person(SUFFIX, { uid: 'eve', password: 'eve password 1', mail: 'eve@contoso.com' }),
    person(SUFFIX, { uid: 'nomail', password: 'x password 1' }),
    person(SUFFIX, { uid: 'twin1', password: 'x password 1', mail: 'twin@contoso.com' }),
    person(SUFFIX, { uid: 'twin2', password: 'x password 1', mail: 'twin@contoso.com' }),
    person(SUFFIX, { uid: 'local', password: 'x password 1', mail: 'local@contoso.com' }),
    `${person(SUFFIX, { uid: 'gone', password: 'x password 1', mail: 'off@contoso.com' }).trim()}\nemployeeType: disabled\n`,
  ];
  for (let i = 0; i < MANY; i++)
    people.push(
      `dn: uid=u${i},ou=people,${SUFFIX}\nobjectClass: inetOrgPerson\nuid: u${i}\ncn: User ${i}\nsn: u\nmail: u${i}@contoso.com\n`,
    );
  return [
    `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
    `dn: ou=groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n`,
    ...people,
    `dn: cn=portcullis-admins,ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: portcullis-admins\nmember: uid=ada,ou=people,${SUFFIX}\n`,
    // Nested: eve is Enforced through a group inside the group.
    `dn: cn=mfa-enforced,ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: mfa-enforced\nmember: cn=finance,ou=groups,${SUFFIX}\n`,
    `dn: cn=finance,ou=groups,${SUFFIX}\nobjectClass: groupOfNames\ncn: finance\nmember: uid=eve,ou=people,${SUFFIX}\n`,
    `dn: cn=mfa-enabled,ou=groups,${SUFFIX}\nobjectClass: posixGroup\ncn: mfa-enabled\ngidNumber: 5000\nmemberUid: bob\n`,
  ].join('\n');
}

describe('directory sync from OpenLDAP', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let db: TestDatabase;
  let ctx: AppContext;
  const env = (extra: Record<string, string> = {}) => ({
    PORTCULLIS_DIRECTORY_URL: slapd.url,
    PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
    PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
    PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
    PORTCULLIS_DIRECTORY_DISABLED_FILTER: '(employeeType=disabled)',
    PORTCULLIS_DIRECTORY_ADMIN_GROUPS: 'portcullis-admins',
    PORTCULLIS_DIRECTORY_ENFORCED_GROUPS: `cn=mfa-enforced,ou=groups,${SUFFIX}`,
    PORTCULLIS_DIRECTORY_ENABLED_GROUPS: 'mfa-enabled',
    ...extra,
  });
  /** Another context on the same database, with other directory settings. */
  const context = (extra: Record<string, string>) =>
    createContext(loadConfig({ ...db.env, ...extra }), { log: createLogger('silent') });
  const sync = (c: AppContext, dryRun = false) =>
    syncDirectory(c, directoryOf(c)!, { dryRun, trigger: 'cli', actor: cliActor() });
  const user = (c: AppContext, upn: string) => c.stores.users.findByUpn(upn);

  before(async () => {
    slapd = await startSlapd({ suffix: SUFFIX, ldif: ldif() });
    db = await freshDatabase(env());
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
    // A local administrator, and a local user whose UPN an entry also has.
    await createUser(ctx, { upn: 'root@contoso.com', password: 'root password 1', isAdmin: true });
    await createUser(ctx, { upn: 'local@contoso.com', password: 'local password 1' });
  });
  after(async () => {
    await closeContext(ctx);
    await db.drop();
    await slapd?.close();
  });

  it('a dry run says what would change and changes nothing', async () => {
    const r = await sync(ctx, true);
    assert.equal(r.dryRun, true);
    assert.equal(r.created, MANY + 3);
    assert.equal(await user(ctx, 'ada@contoso.com'), undefined);
    const runs = await ctx.db.selectFrom('directory_sync_runs').selectAll().execute();
    assert.equal(runs.length, 0);
  });

  it('creates the users in scope from more than 1000 entries (paged), with their attributes and groups', async () => {
    // The directory gives at most 1000 entries to a search that is not paged.
    const c = new Client({ url: slapd.url });
    await c.bind(slapd.serviceDn, SERVICE_PASSWORD);
    await assert.rejects(
      c.search(SUFFIX, { filter: '(objectClass=inetOrgPerson)', attributes: ['1.1'] }),
      SizeLimitExceededError,
    );
    await c.unbind();
    const r = await sync(ctx);
    assert.equal(r.entries, MANY + 8);
    assert.equal(r.created, MANY + 3, JSON.stringify(r.errors));
    const ada = (await user(ctx, 'ada@contoso.com'))!;
    assert.equal(ada.source, 'directory');
    assert.equal(ada.display_name, 'Ada Lovelace');
    assert.equal(ada.preferred_language, 'en-GB');
    assert.equal(ada.is_admin, 1);
    assert.equal(ada.password_hash, '');
    assert.match(ada.directory_id!, /^[0-9a-f-]{36}$/);
    assert.equal(ada.directory_dn, `uid=ada,ou=people,${SUFFIX}`);
    assert.ok(ada.directory_mobile_sealed && !ada.directory_mobile_sealed.includes('7700'));
    assert.equal((await user(ctx, 'bob@contoso.com'))!.display_name, 'Bob Cn');
    assert.equal((await user(ctx, 'bob@contoso.com'))!.mfa_state, 'Enabled');
    assert.equal((await user(ctx, 'eve@contoso.com'))!.mfa_state, 'Enforced', 'nested group');
    assert.equal((await user(ctx, 'u1099@contoso.com'))!.mfa_state, 'Disabled');
    assert.equal(await user(ctx, 'off@contoso.com'), undefined, 'a disabled entry is not created');
    // The local user keeps its password and is not taken over.
    assert.equal((await user(ctx, 'local@contoso.com'))!.source, 'local');
    const messages = r.errors.map((e) => `${e.entry}: ${e.message}`).join('\n');
    assert.match(messages, /uid=nomail.*has no mail/);
    assert.match(messages, /uid=twin1.*Several entries have the user name twin@contoso\.com/);
    assert.match(messages, /uid=twin2/);
    assert.match(messages, /uid=local.*already a local user/);
    const run = await ctx.db
      .selectFrom('directory_sync_runs')
      .selectAll()
      .executeTakeFirstOrThrow();
    assert.equal(run.status, 'partial');
    assert.equal(run.created, MANY + 3);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('target', '=', 'ada@contoso.com')
      .execute();
    assert.deepEqual(audit, [{ action: 'user_created', actor: 'cli' }]);
  });

  it('a second sync with nothing changed changes nothing', async () => {
    const r = await sync(ctx);
    assert.equal(
      r.created + r.updated + r.blocked + r.unblocked + r.deleted,
      0,
      JSON.stringify(r.changes),
    );
    assert.equal(r.unchanged, MANY + 3);
  });

  it('updates attributes, renames, follows group changes, blocks and unblocks', async () => {
    const eve = (await user(ctx, 'eve@contoso.com'))!;
    // eve's session, to see the block end it.
    await ctx.db
      .insertInto('sessions')
      .values({
        id_hash: 'eve-session',
        csrf_token: 'x',
        user_id: eve.id,
        flow_id: null,
        amr: null,
        auth_time: null,
        created_at: Date.now(),
        expires_at: Date.now() + 3_600_000,
        mfa_at: null,
      })
      .execute();
    // An administrator sets bob Enforced by hand: the groups must not lower it.
    await ctx.db
      .updateTable('users')
      .set({ mfa_state: 'Enforced' })
      .where('upn', '=', 'bob@contoso.com')
      .execute();
    await slapd.modify(async (c) => {
      await c.modify(`uid=ada,ou=people,${SUFFIX}`, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'displayName', values: ['Ada King'] }),
        }),
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'mail', values: ['ada.king@contoso.com'] }),
        }),
      ]);
      await c.modify(`uid=eve,ou=people,${SUFFIX}`, [
        new Change({
          operation: 'add',
          modification: new Attribute({ type: 'employeeType', values: ['disabled'] }),
        }),
      ]);
      await c.del(`uid=u5,ou=people,${SUFFIX}`);
      await c.modify(`cn=mfa-enabled,ou=groups,${SUFFIX}`, [
        new Change({
          operation: 'delete',
          modification: new Attribute({ type: 'memberUid', values: ['bob'] }),
        }),
        new Change({
          operation: 'add',
          modification: new Attribute({ type: 'memberUid', values: ['u7'] }),
        }),
      ]);
    });
    const r = await sync(ctx);
    assert.deepEqual(r.errors.length, 4, JSON.stringify(r.errors));
    const ada = (await user(ctx, 'ada.king@contoso.com'))!;
    assert.equal(
      ada.id,
      (
        await ctx.db
          .selectFrom('users')
          .select('id')
          .where('directory_dn', '=', `uid=ada,ou=people,${SUFFIX}`)
          .executeTakeFirstOrThrow()
      ).id,
    );
    assert.equal(ada.display_name, 'Ada King');
    assert.equal(await user(ctx, 'ada@contoso.com'), undefined, 'renamed, not copied');
    const eveAfter = (await user(ctx, 'eve@contoso.com'))!;
    assert.equal(eveAfter.blocked, 1);
    assert.equal(eveAfter.blocked_by, 'directory');
    const sessions = await ctx.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', eve.id)
      .execute();
    assert.deepEqual(sessions, [], 'blocking ends the sessions');
    const u5 = (await user(ctx, 'u5@contoso.com'))!;
    assert.equal(u5.blocked, 1, 'gone from the directory: blocked');
    assert.equal(
      (await user(ctx, 'bob@contoso.com'))!.mfa_state,
      'Enforced',
      'a hand-set state stays',
    );
    assert.equal((await user(ctx, 'u7@contoso.com'))!.mfa_state, 'Enabled');
    assert.equal(r.blocked, 2);

    // Enabled again in the directory: unblocked. An admin's own block stays.
    await ctx.db
      .updateTable('users')
      .set({ blocked: 1, blocked_by: 'admin' })
      .where('upn', '=', 'u9@contoso.com')
      .execute();
    await slapd.modify((c) =>
      c.modify(`uid=eve,ou=people,${SUFFIX}`, [
        new Change({
          operation: 'delete',
          modification: new Attribute({ type: 'employeeType', values: ['disabled'] }),
        }),
      ]),
    );
    const again = await sync(ctx);
    assert.equal(again.unblocked, 1);
    assert.equal((await user(ctx, 'eve@contoso.com'))!.blocked, 0);
    assert.equal((await user(ctx, 'u9@contoso.com'))!.blocked, 1);
    // u7 leaves the group the state came from: it goes back down.
    await slapd.modify((c) =>
      c.modify(`cn=mfa-enabled,ou=groups,${SUFFIX}`, [
        new Change({
          operation: 'delete',
          modification: new Attribute({ type: 'memberUid', values: ['u7'] }),
        }),
      ]),
    );
    await sync(ctx);
    assert.equal((await user(ctx, 'u7@contoso.com'))!.mfa_state, 'Disabled');
  });

  it("mirrors the groups named in PORTCULLIS_DIRECTORY_GROUPS, nested members too; their name and members stay the directory's", async () => {
    const c = context({
      PORTCULLIS_DIRECTORY_GROUPS: `mfa-enforced;cn=portcullis-admins,ou=groups,${SUFFIX}`,
    });
    try {
      const r = await sync(c);
      assert.deepEqual(
        r.errors.filter((e) => /Group/.test(e.message)),
        [],
      );
      const groups = await c.db
        .selectFrom('groups')
        .selectAll()
        .orderBy('name_normalized')
        .execute();
      assert.deepEqual(
        groups.map((g) => [g.display_name, g.source]),
        [
          ['mfa-enforced', 'directory'],
          ['portcullis-admins', 'directory'],
        ],
      );
      const members = async (name: string) =>
        (await groupMembers(c, name)).items.map((m) => m.userPrincipalName);
      // eve is in finance, which is inside mfa-enforced.
      assert.deepEqual(await members('mfa-enforced'), ['eve@contoso.com']);
      assert.deepEqual(
        await members('portcullis-admins'),
        ['ada.king@contoso.com'],
        'renamed earlier',
      );
      await assert.rejects(
        editGroupMembers(c, cliActor(), 'mfa-enforced', { add: ['root@contoso.com'] }),
        /comes from the directory/,
      );
      // Portcullis's own part may be set: the role.
      await updateGroup(c, cliActor(), 'mfa-enforced', { adminRole: true });
      assert.equal((await user(c, 'eve@contoso.com'))!.is_admin, 1);

      await slapd.modify((l) =>
        l.modify(`cn=finance,ou=groups,${SUFFIX}`, [
          new Change({
            operation: 'add',
            modification: new Attribute({
              type: 'member',
              values: [`uid=bob,ou=people,${SUFFIX}`],
            }),
          }),
        ]),
      );
      await sync(c);
      assert.deepEqual(await members('mfa-enforced'), ['bob@contoso.com', 'eve@contoso.com']);
      assert.equal((await user(c, 'bob@contoso.com'))!.is_admin, 1, 'the role follows membership');
    } finally {
      await closeContext(c);
    }
    // No longer named: the mirror goes, and with it the role it gave.
    const d = context({ PORTCULLIS_DIRECTORY_GROUPS: 'portcullis-admins' });
    try {
      await sync(d);
      assert.deepEqual(
        (await d.db.selectFrom('groups').select('display_name').execute()).map(
          (g) => g.display_name,
        ),
        ['portcullis-admins'],
      );
      assert.equal((await user(d, 'bob@contoso.com'))!.is_admin, 0);
    } finally {
      await closeContext(d);
    }
  });

  it('deletes users gone for the configured number of days', async () => {
    const c = context({ PORTCULLIS_DIRECTORY_DELETE_AFTER_DAYS: '0' });
    try {
      const r = await sync(c);
      assert.ok(r.deleted >= 1, JSON.stringify(r.changes));
      assert.equal(await user(c, 'u5@contoso.com'), undefined);
    } finally {
      await closeContext(c);
    }
  });

  it('refuses a wrong service password, a missing group and a filter that matches nothing, changing nothing', async () => {
    const before = await ctx.db
      .selectFrom('users')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, string>, RegExp][] = [
      [{ PORTCULLIS_DIRECTORY_BIND_PASSWORD: 'wrong' }, /refused the service account/],
      [
        { PORTCULLIS_DIRECTORY_ADMIN_GROUPS: 'no-such-group' },
        /Group "no-such-group" not found under/,
      ],
      [{ PORTCULLIS_DIRECTORY_USER_FILTER: '(uid=nobody-at-all)' }, /matched no entry/],
      [
        { PORTCULLIS_DIRECTORY_ATTRIBUTES: 'mobile=mobilePhone, language=preferedLanguage' },
        /schema has no attribute for mobile=mobilePhone, language=preferedLanguage: correct PORTCULLIS_DIRECTORY_ATTRIBUTES/,
      ],
    ];
    for (const [extra, message] of cases) {
      const c = context(extra);
      try {
        await assert.rejects(
          sync(c),
          (e: unknown) => isAppError(e) && message.test(e.publicMessage),
        );
      } finally {
        await closeContext(c);
      }
    }
    const after = await ctx.db
      .selectFrom('users')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
