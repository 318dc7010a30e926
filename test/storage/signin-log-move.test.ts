// The sign-in log in two parts behind one view (migration 0023): entries
// arrive in the recent part and are moved into the indexed, kept part.
// Readers see every entry exactly once whichever part holds it — in order,
// page after page — moves running beside writers lose and repeat nothing, a
// move carries on, batch after batch, until none are left, and an insert into the view (an older node's) lands in the
// recent part.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { recordSignin } from '../../src/flows/signin-log.ts';
import { MOVE_BATCH, moveSigninLog, signinLogStore } from '../../src/storage/signin-log.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('the sign-in log’s two parts', () => {
  let t: TestApp;
  const count = async (table: 'signin_log' | 'signin_log_recent' | 'signin_log_kept') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const move = () => moveSigninLog(t.ctx.db, t.ctx.dialect);
  const log = (upn: string, reason = 'test', store = t.ctx.stores.signinLog) =>
    recordSignin(
      t.ctx,
      {
        upn,
        userId: null,
        result: 'failure',
        reason,
        method: null,
        client: { ip: '192.0.2.1', userAgent: null },
        front: 'verify',
      },
      store,
    );

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('shows every entry once, in order, page after page, wherever it is', async () => {
    for (let i = 0; i < 30; i++) {
      t.clock.advance(1);
      await log(`page${i % 3}@contoso.com`, `entry ${i}`);
      if (i === 9 || i === 19) assert.equal(await move(), 10);
    }
    assert.equal(await count('signin_log_kept'), 20);
    assert.equal(await count('signin_log_recent'), 10);
    const seen: string[] = [];
    let before: { at: number; id: string } | undefined;
    for (;;) {
      const page = await t.ctx.stores.signinLog.list({ limit: 7, ...(before ? { before } : {}) });
      if (page.length === 0) break;
      seen.push(...page.map((r) => r.reason));
      before = { at: page.at(-1)!.at, id: page.at(-1)!.id };
    }
    assert.deepEqual(
      seen,
      Array.from({ length: 30 }, (_, i) => `entry ${29 - i}`),
    );
    const one = await t.ctx.stores.signinLog.list({ upn: 'page1@contoso.com', limit: 100 });
    assert.equal(one.length, 10);
    assert.equal(await move(), 10);
    assert.equal(await count('signin_log_recent'), 0);
    assert.deepEqual(
      (await t.ctx.stores.signinLog.list({ limit: 100 })).map((r) => r.reason),
      seen,
      'the same after the last move',
    );
  });

  it('loses and repeats nothing while moves run beside writers', async () => {
    const before = await count('signin_log');
    let moving = true;
    const mover = (async () => {
      while (moving) {
        await move();
        // SQLite answers at once: without a turn of the event loop, no write would ever commit.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.ctx.groupCommit.write((db) =>
          log(`busy${i % 7}@contoso.com`, `busy ${i}`, signinLogStore(db)),
        ),
      ),
    );
    moving = false;
    await mover;
    const reasons = (
      await t.ctx.db
        .selectFrom('signin_log')
        .select('reason')
        .where('reason', 'like', 'busy %')
        .execute()
    ).map((r) => r.reason);
    assert.equal(reasons.length, 200);
    assert.equal(new Set(reasons).size, 200);
    assert.equal(await count('signin_log'), before + 200);
  });

  it('moves a backlog of more than one batch, all of it', async () => {
    const waiting = await count('signin_log_recent');
    const n = MOVE_BATCH + 25;
    const rows = Array.from({ length: n }, (_, i) => ({
      id: `bulk-${String(i).padStart(6, '0')}`,
      at: t.clock.now(),
      upn: 'bulk@contoso.com',
      user_id: null,
      result: 'failure' as const,
      reason: 'bulk',
      method: null,
      client_ip: null,
      user_agent: null,
      application: null,
      front: 'verify',
    }));
    for (let i = 0; i < n; i += 500)
      await t.ctx.db
        .insertInto('signin_log_recent')
        .values(rows.slice(i, i + 500))
        .execute();
    assert.equal(await move(), n + waiting);
    assert.equal(await count('signin_log_recent'), 0);
    assert.equal(
      Number(
        (
          await t.ctx.db
            .selectFrom('signin_log_kept')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('reason', '=', 'bulk')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      n,
    );
  });

  it('takes an insert into the view (an older node’s) into the recent part', async () => {
    const recent = await count('signin_log_recent');
    await t.ctx.db
      .insertInto('signin_log')
      .values({
        id: 'older-node-1',
        at: t.clock.now(),
        upn: 'old@contoso.com',
        user_id: null,
        result: 'success',
        reason: 'from an older node',
        method: null,
        client_ip: null,
        user_agent: null,
        application: null,
        front: 'browser',
      })
      .execute();
    assert.equal(await count('signin_log_recent'), recent + 1);
    const [row] = await t.ctx.stores.signinLog.list({ upn: 'old@contoso.com', limit: 1 });
    assert.equal(row?.reason, 'from an older node');
  });

  it('reads the newest entries through the kept part’s time index, not a sort of all of it', async () => {
    const plan =
      t.ctx.dialect === 'sqlite'
        ? (
            await sql<{
              detail: string;
            }>`explain query plan select * from signin_log order by at desc, id desc limit 50`.execute(
              t.ctx.db,
            )
          ).rows
            .map((r) => r.detail)
            .join('\n')
        : (
            await sql<{
              'QUERY PLAN': string;
            }>`explain select * from signin_log order by at desc, id desc limit 50`.execute(
              t.ctx.db,
            )
          ).rows
            .map((r) => r['QUERY PLAN'])
            .join('\n');
    assert.match(plan, /signin_log_at/, plan);
  });
});
