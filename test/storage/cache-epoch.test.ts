// The cache epoch (migration 0022, src/services/cache.ts): every change a
// check's cached reads depend on moves it on in the same transaction — made
// by the services, or by hand in SQL — and the writes of every check (the
// sign-in log, limits, last-used stamps) do not, or no cache would last.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recordSignin } from '../../src/flows/signin-log.ts';
import { setAppAccess } from '../../src/services/app-access.ts';
import {
  createAppPassword,
  deleteAppPassword,
  stampAppPasswordUse,
} from '../../src/services/app-passwords.ts';
import { createLegacyApp } from '../../src/services/applications.ts';
import { cliActor } from '../../src/services/audit.ts';
import { EpochCache } from '../../src/services/cache.ts';
import { createGroup } from '../../src/services/groups.ts';
import { updateServiceSettings } from '../../src/services/settings.ts';
import { setBlocked } from '../../src/services/user-admin.ts';
import { readCacheEpoch } from '../../src/storage/cache-epoch.ts';
import { groupsStore } from '../../src/storage/groups.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('the cache epoch', () => {
  let t: TestApp;
  let userId: string;
  let app: string;
  const epoch = () => readCacheEpoch(t.ctx.db);
  /** Whether `change` moved the epoch on. */
  const moves = async (change: () => Promise<unknown>) => {
    const before = await epoch();
    await change();
    return (await epoch()) > before;
  };
  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'cache@contoso.com' });
    userId = (await t.ctx.stores.users.findByUpn('cache@contoso.com'))!.id;
    app = (await createLegacyApp(t.ctx, { name: 'Mail' })).id;
  });
  after(() => t.close());

  it('moves on with every change a check reads', async () => {
    let made = '';
    const user = { id: userId, upn: 'cache@contoso.com' };
    const changes: [string, () => Promise<unknown>][] = [
      [
        'an app password made',
        async () =>
          (made = (await createAppPassword(t.ctx, userId, { name: 'Phone' })).appPassword.id),
      ],
      ['an app password deleted', () => deleteAppPassword(t.ctx, cliActor(), user, made)],
      ['a user blocked', () => setBlocked(t.ctx, cliActor(), 'cache@contoso.com', true)],
      ['a user unblocked', () => setBlocked(t.ctx, cliActor(), 'cache@contoso.com', false)],
      ['service settings', () => updateServiceSettings(t.ctx, { appPasswordsAllowed: false })],
      ['an assignment', () => setAppAccess(t.ctx, app, { groups: ['Mail users'] })],
      [
        'a group member added',
        async () =>
          t.ctx.db
            .insertInto('group_members')
            .values({
              group_id: (await groupsStore(t.ctx.db).findByName('Mail users'))!.id,
              user_id: userId,
              added_at: 1,
            })
            .execute(),
      ],
      ['an application opened', () => setAppAccess(t.ctx, app, { allUsers: true })],
      [
        'an MFA state set by hand in SQL',
        () => sql`update users set mfa_state = 'Enforced' where id = ${userId}`.execute(t.ctx.db),
      ],
      [
        'a password hash set by hand in SQL',
        () => sql`update users set password_hash = 'x' where id = ${userId}`.execute(t.ctx.db),
      ],
    ];
    await createGroup(t.ctx, cliActor(), { displayName: 'Mail users' });
    for (const [what, change] of changes) assert.ok(await moves(change), what);
    await updateServiceSettings(t.ctx, { appPasswordsAllowed: true });
  });

  it('stands still for what every check writes: the log, the limits, last use, last sign-in', async () => {
    const made = await createAppPassword(t.ctx, userId, { name: 'Laptop' });
    const appPassword = await t.ctx.db
      .selectFrom('app_passwords')
      .select(['id', 'last_used_at', 'last_used_ip'])
      .where('id', '=', made.appPassword.id)
      .executeTakeFirstOrThrow();
    const writes: [string, () => Promise<unknown>][] = [
      ['a last-used stamp', () => stampAppPasswordUse(t.ctx.db, appPassword, '192.0.2.1', 5)],
      [
        'a last sign-in',
        () => sql`update users set last_signin_at = 7 where id = ${userId}`.execute(t.ctx.db),
      ],
      [
        'a sign-in log entry',
        () =>
          recordSignin(t.ctx, {
            upn: 'cache@contoso.com',
            userId,
            result: 'success',
            reason: 'test',
            method: null,
            client: { ip: null, userAgent: null },
            front: 'verify',
          }),
      ],
      [
        'a reservation and its settlement',
        async () => {
          const key = {
            key: 'legacy:cache@contoso.com',
            subject: null,
            rule: { free: 5, lockAt: null, resetAfterMs: null },
          };
          await t.ctx.stores.limits.reserve([key], 1);
          await t.ctx.stores.limits.settle([key.key], []);
        },
      ],
    ];
    for (const [what, write] of writes) assert.equal(await moves(write), false, what);
  });
});

describe('EpochCache', () => {
  it('keeps an entry while the epoch stands, reads it again once it moves, and keeps no misses', async () => {
    let n = 0;
    const cache = new EpochCache(async () => n);
    let loads = 0;
    const load = async () => ++loads;
    assert.equal(await cache.get('a', load), 1);
    assert.equal(await cache.get('a', load), 1, 'kept');
    n++;
    assert.equal(await cache.get('a', load), 2, 'the epoch moved: read again');
    const view = await cache.view();
    n++;
    assert.equal(await view.get('a', load), 2, 'a view keeps the epoch it read');
    assert.equal(await cache.get('a', load), 3);
    let misses = 0;
    const miss = async () => {
      misses++;
      return undefined;
    };
    await cache.get('nobody', miss);
    await cache.get('nobody', miss);
    assert.equal(misses, 2, 'a miss is read again');
    await assert.rejects(cache.get('broken', () => Promise.reject(new Error('down'))));
    assert.equal(await cache.get('broken', async () => 'up'), 'up', 'a failure is not kept');
  });

  it('keeps at most its bound, the least recently used going first', async () => {
    const cache = new EpochCache(async () => 0, 2);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load);
    await cache.get('c', load);
    assert.equal(loads, 3);
    await cache.get('a', load);
    assert.equal(loads, 3, 'a was used last: kept');
    await cache.get('b', load);
    assert.equal(loads, 4, 'b went');
  });
});
