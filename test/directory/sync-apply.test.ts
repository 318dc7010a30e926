// Applying a sync user by user: when one user's change cannot be made (here,
// demoting the only administrator who can sign in), that user is reported and
// left as they were, and the other users' changes in the same batch are made.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import { type AppContext, closeContext, createContext } from '../../src/context.ts';
import { migrate } from '../../src/db/index.ts';
import { directoryOf } from '../../src/directory/index.ts';
import { syncDirectory } from '../../src/directory/sync.ts';
import { createLogger } from '../../src/log.ts';
import { cliActor } from '../../src/services/audit.ts';
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
const GROUP = `cn=portcullis-admins,ou=groups,${SUFFIX}`;

describe('directory sync, user by user', { skip: requireTool(slapdAvailable(), 'slapd') }, () => {
  let slapd: Slapd;
  let db: TestDatabase;
  let ctx: AppContext;
  const sync = () => syncDirectory(ctx, directoryOf(ctx)!, { trigger: 'cli', actor: cliActor() });
  const row = (upn: string) => ctx.stores.users.findByUpn(upn);

  before(async () => {
    slapd = await startSlapd({
      suffix: SUFFIX,
      ldif: [
        `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people\n`,
        `dn: ou=groups,${SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n`,
        person(SUFFIX, { uid: 'ada', password: 'x password 1', mail: 'ada@contoso.com' }),
        person(SUFFIX, { uid: 'bob', password: 'x password 1', mail: 'bob@contoso.com' }),
        `dn: ${GROUP}\nobjectClass: groupOfNames\ncn: portcullis-admins\nmember: uid=ada,ou=people,${SUFFIX}\n`,
      ].join('\n'),
    });
    db = await freshDatabase({
      PORTCULLIS_DIRECTORY_URL: slapd.url,
      PORTCULLIS_DIRECTORY_BASE_DN: SUFFIX,
      PORTCULLIS_DIRECTORY_BIND_DN: slapd.serviceDn,
      PORTCULLIS_DIRECTORY_BIND_PASSWORD: SERVICE_PASSWORD,
      PORTCULLIS_DIRECTORY_ADMIN_GROUPS: 'portcullis-admins',
    });
    ctx = createContext(db.config, { log: createLogger('silent') });
    await migrate(ctx.db, ctx.dialect);
  });
  after(async () => {
    await closeContext(ctx);
    await db.drop();
    await slapd?.close();
  });

  it('keeps the only administrator and reports why; the rest of the batch is applied', async () => {
    await sync();
    assert.equal((await row('ada@contoso.com'))!.is_admin, 1, 'the only administrator');
    // ada leaves the admin group, and bob's name changes: one batch of two changes.
    await slapd.modify(async (c) => {
      await c.modify(GROUP, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'member', values: [`uid=bob,ou=people,${SUFFIX}`] }),
        }),
      ]);
      await c.modify(`uid=bob,ou=people,${SUFFIX}`, [
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'displayName', values: ['Bob Builder'] }),
        }),
      ]);
    });
    // bob, blocked by hand, becomes an administrator who cannot sign in: ada
    // stays the only one who can.
    await ctx.db
      .updateTable('users')
      .set({ blocked: 1 })
      .where('upn', '=', 'bob@contoso.com')
      .execute();
    const r = await sync();
    assert.deepEqual(
      r.errors.map((e) => e.message),
      [
        'ada@contoso.com: ada@contoso.com is the only administrator who can sign in: removing the administrator role (not in an admin group) would lock everyone out. Make another user an administrator first.',
      ],
    );
    assert.equal((await row('ada@contoso.com'))!.is_admin, 1, 'left as she was');
    const bob = (await row('bob@contoso.com'))!;
    assert.equal(bob.display_name, 'Bob Builder', 'applied beside the failure');
    assert.equal(bob.is_admin, 1);
    const run = await ctx.db
      .selectFrom('directory_sync_runs')
      .select(['status', 'updated'])
      .orderBy('started_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(run, { status: 'partial', updated: 1 });
  });
});
