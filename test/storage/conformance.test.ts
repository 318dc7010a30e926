import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';
import { prepared } from '../../src/db/prepared.ts';
import { totpStepsStore } from '../../src/methods/totp/steps.ts';
import type { LimitRule } from '../../src/policy/limits.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { freshDatabase, onPostgres } from '../helpers/db.ts';

/** A limit key: 5 free failures, no lock, no reset, no account — unless said otherwise. */
const limitKey = (key: string, rule: Partial<LimitRule> = {}, subject: string | null = null) => ({
  key,
  subject,
  rule: { free: 5, lockAt: null, resetAfterMs: null, ...rule },
});

const sessionRow = (id: string, expiresAt: number) => ({
  id_hash: id,
  csrf_token: 'c',
  user_id: null,
  flow_id: null,
  amr: null,
  auth_time: null,
  mfa_at: null,
  created_at: 0,
  expires_at: expiresAt,
});

// One conformance suite for the stores, run on SQLite and (in CI) PostgreSQL.
describe(`storage conformance (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  let userId: string;
  before(async () => {
    t = await createTestApp();
    await t.addUser({ upn: 'store@contoso.com' });
    userId = (await t.ctx.stores.users.findByUpn('STORE@contoso.com'))!.id;
  });
  after(() => t.close());

  it('finds users by UPN case-insensitively and refuses a duplicate in another case', async () => {
    assert.equal((await t.ctx.stores.users.findByUpn('Store@Contoso.COM'))?.id, userId);
    await assert.rejects(t.addUser({ upn: 'STORE@CONTOSO.COM' }), { code: 'upn_taken' });
  });

  it('searches users by any part of the user name or display name, any case, also after renames', async () => {
    await t.addUser({ upn: 'zoe.quinn@fabrikam.com', displayName: 'Zoë Quinn-Smith' });
    await t.addUser({ upn: 'q@x.io', displayName: 'Q' });
    const find = async (search: string) =>
      (await t.ctx.stores.users.list({ search, limit: 10 })).map((u) => u.upn);
    assert.deepEqual(await find('QUINN'), ['zoe.quinn@fabrikam.com']);
    assert.deepEqual(await find('n-sm'), ['zoe.quinn@fabrikam.com']);
    assert.deepEqual(await find('x.i'), ['q@x.io']);
    assert.deepEqual(await find('q@'), ['q@x.io'], 'short terms too');
    assert.deepEqual(await find('100%_'), []);
    await t.ctx.db
      .updateTable('users')
      .set({ display_name: 'Zoë Jones' })
      .where('upn_normalized', '=', 'zoe.quinn@fabrikam.com')
      .execute();
    assert.deepEqual(await find('smith'), [], 'the index follows renames');
    assert.deepEqual(await find('jones'), ['zoe.quinn@fabrikam.com']);
    await t.ctx.db.deleteFrom('users').where('upn_normalized', '=', 'q@x.io').execute();
    assert.deepEqual(await find('x.io'), []);
  });

  it('searches without regard to accents: "Dvorak" finds "Dvořák", and the other way round', async () => {
    await t.addUser({ upn: 'antonin@contoso.cz', displayName: 'Antonín Dvořák' });
    await t.addUser({ upn: 'bozena@contoso.cz', displayName: 'Božena Němcová' });
    const find = async (search: string) =>
      (await t.ctx.stores.users.list({ search, limit: 10 })).map((u) => u.upn);
    assert.deepEqual(await find('Dvorak'), ['antonin@contoso.cz'], 'through the index');
    assert.deepEqual(await find('DVOŘÁK'), ['antonin@contoso.cz']);
    assert.deepEqual(await find('antonin dvo'), ['antonin@contoso.cz']);
    assert.deepEqual(await find('Bo'), ['bozena@contoso.cz'], 'a short term (no index)');
    assert.deepEqual(await find('zě'), ['bozena@contoso.cz']);
    assert.deepEqual(await find('nemcova'), ['bozena@contoso.cz']);
    assert.deepEqual(await find('dvorakova'), []);
  });

  it('claims a TOTP step exactly once, even when many claims race', async () => {
    const steps = totpStepsStore(t.ctx.db);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => steps.claim(userId, 1234, 1)),
    );
    assert.equal(results.filter(Boolean).length, 1);
    assert.equal(await steps.claim(userId, 1235, 1), true);
  });

  it('reserves no more guesses than a limit allows, however many race (reserve, then judge)', async () => {
    const key = limitKey('race-free');
    const got = await Promise.all(
      Array.from({ length: 30 }, () => t.ctx.stores.limits.reserve([key], 1_000)),
    );
    const counts = got.flatMap((m) => [...m.values()]).sort((a, b) => a - b);
    assert.deepEqual(counts, [1, 2, 3, 4, 5], 'the free five, then the wait');
    assert.equal((await t.ctx.stores.limits.reserve([key], 2_999)).size, 0, 'still waiting');
    assert.equal((await t.ctx.stores.limits.reserve([key], 3_000)).get('race-free'), 6);
    assert.equal((await t.ctx.stores.limits.reserve([key], 3_001)).size, 0, 'a longer wait');
  });

  it('locks a key at its limit until a success or an unlock clears it, whatever the wait', async () => {
    const key = limitKey('race-lock', { free: 3, lockAt: 3 }, 'lock@contoso.com');
    const got = await Promise.all(
      Array.from({ length: 12 }, () => t.ctx.stores.limits.reserve([key], 1_000)),
    );
    assert.equal(got.filter((m) => m.size > 0).length, 3);
    assert.equal((await t.ctx.stores.limits.reserve([key], 1e12)).size, 0, 'no wait opens a lock');
    assert.equal(
      (await t.ctx.stores.limits.closedFor('lock@contoso.com', 1e12)).length,
      1,
      'shown as closed',
    );
    assert.equal(await t.ctx.stores.limits.clearSubject('lock@contoso.com'), 1);
    assert.equal((await t.ctx.stores.limits.reserve([key], 1e12)).get('race-lock'), 1);
    await t.ctx.stores.limits.settle(['race-lock'], []);
    assert.equal((await t.ctx.stores.limits.find(['race-lock']))[0]!.failures, 0);
  });

  it('sets no wait before the free failures are spent, so a node whose clock reads earlier is not refused', async () => {
    const key = limitKey('skew');
    assert.equal((await t.ctx.stores.limits.reserve([key], 10_000)).get('skew'), 1);
    assert.equal((await t.ctx.stores.limits.reserve([key], 10_002)).get('skew'), 2);
    assert.equal(
      (await t.ctx.stores.limits.reserve([key], 9_990)).get('skew'),
      3,
      'an earlier clock',
    );
  });

  it('tells guesses in flight from guesses judged', async () => {
    const key = limitKey('judged');
    await t.ctx.stores.limits.reserve([key], 1_000);
    await t.ctx.stores.limits.reserve([key], 1_000);
    const row = async () => (await t.ctx.stores.limits.find(['judged']))[0]!;
    assert.deepEqual([(await row()).failures, (await row()).inflight], [2, 2]);
    await t.ctx.stores.limits.settle([], [], ['judged']);
    assert.deepEqual([(await row()).failures, (await row()).inflight], [2, 1], 'wrong: kept');
    await t.ctx.stores.limits.settle([], ['judged']);
    assert.deepEqual([(await row()).failures, (await row()).inflight], [1, 0], 'void: given back');
  });

  it('gives reserved slots back, restarts quiet address keys, and reserves several keys in one go', async () => {
    const a = limitKey('multi-a', { free: 2, resetAfterMs: 60_000 });
    const b = limitKey('multi-b', { free: 1, lockAt: 1 });
    assert.deepEqual([...(await t.ctx.stores.limits.reserve([a, b], 1_000)).keys()].sort(), [
      'multi-a',
      'multi-b',
    ]);
    const second = await t.ctx.stores.limits.reserve([a, b], 1_000);
    assert.deepEqual([...second.keys()], ['multi-a'], 'b refused, a reserved');
    await t.ctx.stores.limits.settle([], ['multi-a']);
    assert.equal((await t.ctx.stores.limits.find(['multi-a']))[0]!.failures, 1, 'given back');
    assert.equal(
      (await t.ctx.stores.limits.reserve([a], 200_000)).get('multi-a'),
      1,
      'restarts after a quiet period',
    );
  });

  it('ends a flow once and hands its pending registration to one of many racing callers', async () => {
    const f = {
      id: 'flow-1',
      user_id: userId,
      factors: '[]',
      failed_codes: 0,
      pending_sealed: 'sealed',
      return_to: null,
      client_ip: null,
      user_agent: null,
      created_at: 0,
      expires_at: 10_000,
      ended_at: null,
      require_mfa: 0,
      strength: 'none' as const,
      step_up: 0,
      remember_device: 0,
      proofup_postponed: 0,
      campaign_snoozed: 0,
    };
    await t.ctx.stores.flows.insert(f);
    const taken = await Promise.all(
      Array.from({ length: 10 }, () => t.ctx.stores.flows.takePending('flow-1', 'sealed')),
    );
    assert.equal(taken.filter(Boolean).length, 1);
    const ended = await Promise.all(
      Array.from({ length: 10 }, () => t.ctx.stores.flows.end('flow-1', 5)),
    );
    assert.equal(ended.filter(Boolean).length, 1);
    assert.equal(await t.ctx.stores.flows.findActive('flow-1', 5), undefined);
  });

  it('rotates a session id in one step: the old id stops working', async () => {
    await t.ctx.stores.sessions.insert(sessionRow('old', 1000));
    const rotated = await t.ctx.stores.sessions.rotate('old', 'new', { user_id: userId });
    assert.equal(rotated?.user_id, userId);
    assert.equal(await t.ctx.stores.sessions.find('old', 1), undefined);
    assert.equal((await t.ctx.stores.sessions.find('new', 1))?.user_id, userId);
    assert.equal(
      await t.ctx.stores.sessions.find('new', 1000),
      undefined,
      'expired sessions are not found',
    );
  });

  it('counts racing wrong tries of a code exactly and fails it at five; a racing right code is consumed once', async () => {
    const now = t.clock.now();
    const row = (id: string) => ({
      id,
      flow_id: 'f',
      user_id: userId,
      method_type: 'OneWaySMS',
      registration_id: null,
      code_hash: 'h',
      status: 'pending' as const,
      attempts: 0,
      created_at: now,
      expires_at: now + 60_000,
      resolved_at: null,
    });
    await t.ctx.stores.challenges.insert(row('c1'));
    const tries = await Promise.all(
      Array.from({ length: 8 }, () => t.ctx.stores.challenges.addAttempt('c1', 5, now)),
    );
    assert.deepEqual([...tries].sort((a, b) => a - b).slice(0, 5), [1, 2, 3, 4, 5]);
    assert.equal((await t.ctx.stores.challenges.find('c1'))?.status, 'failed');
    assert.equal(
      await t.ctx.stores.challenges.consumeCode('c1', 'h', now),
      false,
      'a failed code is dead',
    );
    await t.ctx.stores.challenges.insert(row('c2'));
    const wins = await Promise.all(
      Array.from({ length: 8 }, () => t.ctx.stores.challenges.consumeCode('c2', 'h', now)),
    );
    assert.equal(wins.filter(Boolean).length, 1);
  });

  it('keeps one default method per user', async () => {
    const row = (id: string, isDefault: number) => ({
      id,
      user_id: userId,
      method_type: 'PhoneAppOTP',
      is_default: isDefault,
      secret_sealed: null,
      details: '{}',
      created_at: 1,
      last_used_at: null,
    });
    await t.ctx.stores.methods.add(row('m1', 1));
    await t.ctx.stores.methods.add(row('m2', 1));
    const list = await t.ctx.stores.methods.listForUser(userId);
    assert.deepEqual(
      list.map((m) => [m.id, m.is_default]),
      [
        ['m2', 1],
        ['m1', 0],
      ],
    );
  });
});

describe('housekeeping', () => {
  it('deletes expired sessions, old flows, quiet limits and day-old TOTP steps, and nothing current', async () => {
    const { housekeeping } = await import('../../src/services/housekeeping.ts');
    const t = await createTestApp();
    try {
      await t.addUser({ upn: 'hk@contoso.com' });
      const userId = (await t.ctx.stores.users.findByUpn('hk@contoso.com'))!.id;
      const now = t.clock.now();
      const steps = totpStepsStore(t.ctx.db);
      await steps.claim(userId, 1, now - 25 * 3_600_000);
      await steps.claim(userId, 2, now - 60_000);
      await t.ctx.stores.sessions.insert(sessionRow('gone', now - 1));
      await t.ctx.stores.sessions.insert(sessionRow('kept', now + 60_000));
      const address = { free: 100, lockAt: null, resetAfterMs: 15 * 60_000 };
      const account = { free: 5, lockAt: 100, resetAfterMs: null };
      const limits = t.ctx.stores.limits;
      await limits.reserve([{ key: 'old', subject: null, rule: address }], now - 3_600_000);
      await limits.reserve([{ key: 'new', subject: null, rule: address }], now);
      await limits.reserve([{ key: 'stale', subject: 'a', rule: account }], now - 31 * 86_400_000);
      await limits.reserve([{ key: 'fresh', subject: 'a', rule: account }], now - 86_400_000);
      await limits.reserve([{ key: 'zero', subject: 'a', rule: account }], now);
      await limits.settle(['zero'], []);
      for (const [id, expires] of [
        ['old', now - 1],
        ['live', now + 60_000],
      ] as const)
        await t.ctx.db
          .insertInto('oidc_payloads')
          .values({
            model: 'AccessToken',
            id,
            payload: '{}',
            grant_id: null,
            uid: null,
            user_code: null,
            expires_at: expires,
            consumed_at: null,
          })
          .execute();
      await housekeeping(t.ctx);
      assert.deepEqual(
        (await t.ctx.db.selectFrom('oidc_payloads').select('id').execute()).map((r) => r.id),
        ['live'],
        'expired OpenID Connect records go',
      );
      assert.equal(await steps.claim(userId, 2, now), false, 'a recent step stays used');
      assert.equal(await steps.claim(userId, 1, now), true, 'a day-old step was forgotten');
      const ids = (await t.ctx.db.selectFrom('sessions').select('id_hash').execute()).map(
        (r) => r.id_hash,
      );
      assert.deepEqual(ids, ['kept']);
      assert.deepEqual(
        (await limits.find(['old', 'new', 'stale', 'fresh', 'zero'])).map((r) => r.key).sort(),
        ['fresh', 'new'],
        'quiet address keys, month-old account keys and cleared keys go',
      );
    } finally {
      await t.close();
    }
  });
});

describe(`group commit (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('group commit: each caller waits for its own write, and a bad write fails alone', async () => {
    const row = (id: string) => ({
      id,
      at: 1,
      upn: 'gc@contoso.com',
      user_id: null,
      result: 'failure' as const,
      reason: 'test',
      method: null,
      client_ip: null,
      user_agent: null,
      application: null,
      front: 'verify',
    });
    const insert = (id: string) =>
      t.ctx.groupCommit.write((db) => db.insertInto('signin_log').values(row(id)).execute());
    await insert('gc-dup');
    const outcomes = await Promise.allSettled([insert('gc-1'), insert('gc-dup'), insert('gc-2')]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const ids = await t.ctx.db
      .selectFrom('signin_log')
      .select('id')
      .where('upn', '=', 'gc@contoso.com')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      ids.map((r) => r.id),
      ['gc-1', 'gc-2', 'gc-dup'],
    );
  });

  it('group commit: writes queued while a group commits go together into the next; a lone write needs no transaction', async () => {
    const seen: unknown[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = t.ctx.groupCommit.write(async (db) => {
      seen.push(db);
      await held;
    });
    await new Promise((r) => setImmediate(r));
    // The first group is being written: these two wait for it, then share one transaction.
    const later = [1, 2].map(() => t.ctx.groupCommit.write(async (db) => void seen.push(db)));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(seen.length, 1, 'nothing runs beside a group being written');
    release();
    await Promise.all([first, ...later]);
    assert.equal(seen[0], t.ctx.db, 'a lone write runs on the database itself');
    assert.equal(seen[1], seen[2], 'writes queued meanwhile share one transaction');
    assert.notEqual(seen[1], t.ctx.db);
  });
});

describe(`prepared queries (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it("compile once per shape and bind each call's values, repeated and in any order, to their places", async () => {
    let built = 0;
    const pick = prepared((db, slot, n: number) => {
      built++;
      // Value 0 twice and after value 1: the binding follows the SQL, not the numbering.
      const list = Array.from({ length: n }, (_, i) => slot(i + 1));
      return db
        .selectFrom('limits')
        .select('key')
        .where((eb) => eb.or([eb('key', 'in', list), eb('subject', '=', slot(0))]))
        .where('key', '!=', slot(0))
        .orderBy('key');
    });
    const at = t.clock.now();
    await t.ctx.stores.limits.reserve(
      ['p-a', 'p-b', 'p-c', 'p-d'].map((key) => limitKey(key, {}, key === 'p-d' ? 'owner' : null)),
      at,
    );
    const keys = async (values: unknown[]) =>
      (await pick(t.ctx.db, values.length - 1, values)).rows.map((r) => r.key);
    assert.deepEqual(await keys(['owner', 'p-a', 'p-c']), ['p-a', 'p-c', 'p-d']);
    assert.deepEqual(await keys(['nobody', 'p-b', 'p-c']), ['p-b', 'p-c']);
    assert.deepEqual(await keys(['p-a', 'p-a']), []);
    assert.deepEqual(await keys(['x', 'p-a', 'p-b', 'p-c']), ['p-a', 'p-b', 'p-c']);
    assert.equal(built, 3, 'one compilation per shape (2, 1 and 3 keys)');
    const stray = prepared((db) =>
      db.selectFrom('limits').select('key').where('key', '=', 'literal'),
    );
    await assert.rejects(stray(t.ctx.db, 0, []), /not a slot/);
  });

  it(
    onPostgres
      ? 'counts guesses on a pool that does not wait for the disk, closed with the database'
      : 'counts guesses on the same SQLite database',
    async () => {
      const database = await freshDatabase();
      const { db, counters } = openDatabase(database.config.databaseUrl, { pgPoolSize: 2 });
      try {
        if (onPostgres) {
          const setting = async (d: typeof db) =>
            (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(d)).rows[0]
              ?.synchronous_commit;
          assert.equal(await setting(counters), 'off');
          assert.equal(await setting(db), 'on', 'everything else waits for the disk');
        } else {
          assert.equal(counters, db);
        }
      } finally {
        await db.destroy();
        await database.drop();
      }
      if (onPostgres)
        await assert.rejects(sql`select 1`.execute(counters), 'destroying db closed counters');
    },
  );
});
