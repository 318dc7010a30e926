// The SQLite driver keeps the statements it compiled (src/db/sqlite-dialect.ts):
// a kept statement must behave as a fresh one would — after the schema
// changes, while the same text is being streamed, and past the cache's bound.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';

describe('kept SQLite statements', () => {
  let dir: string;
  let db: Kysely<Record<string, Record<string, unknown>>>;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'portcullis-statements-'));
    db = openDatabase(`sqlite://${path.join(dir, 'db.sqlite')}`).db as unknown as typeof db;
    await sql`create table t (id integer primary key, name text)`.execute(db);
    await sql`insert into t (name) values ('a'), ('b'), ('c')`.execute(db);
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a kept "select *" sees a column added after it was compiled', async () => {
    const all = () => db.selectFrom('t').selectAll().orderBy('id').execute();
    assert.deepEqual(Object.keys((await all())[0]!), ['id', 'name']);
    await sql`alter table t add column note text default 'n'`.execute(db);
    assert.deepEqual((await all())[0], { id: 1, name: 'a', note: 'n' });
  });

  it('writes through a view whose trigger came after the reader last loaded the schema', async () => {
    // Each statement below is first compiled on the reading connection (to
    // learn whether it writes), so the reader loads the schema between them.
    await sql`create table kept (x)`.execute(db);
    await sql`create table recent (x)`.execute(db);
    await sql`create view both_parts as select x from kept union all select x from recent`.execute(
      db,
    );
    await sql`create trigger both_parts_insert instead of insert on both_parts begin insert into recent values (new.x); end`.execute(
      db,
    );
    await sql`insert into both_parts (x) values (1)`.execute(db);
    assert.deepEqual((await sql`select x from recent`.execute(db)).rows, [{ x: 1 }]);
  });

  it('runs a text again while the same text is being streamed', async () => {
    const q = db.selectFrom('t').select('name').orderBy('id');
    const seen: string[] = [];
    for await (const row of q.stream()) {
      seen.push(row.name as string);
      // The same text, run to its end on the same connection, mid-stream.
      assert.equal((await q.execute()).length, 3);
    }
    assert.deepEqual(seen, ['a', 'b', 'c']);
  });

  it('answers right for more texts than it keeps, writes and reads alike', async () => {
    for (let i = 0; i < 1200; i++) {
      // A literal makes each text new: the oldest kept ones go.
      const name = `n${i}`;
      await sql`insert into t (name) values (${sql.lit(name)})`.execute(db);
      const row = await sql<{
        name: string;
      }>`select name from t where name = ${sql.lit(name)}`.execute(db);
      assert.equal(row.rows[0]?.name, name);
    }
    const n = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
    assert.equal(n.rows[0]!.n, 1203);
  });
});
