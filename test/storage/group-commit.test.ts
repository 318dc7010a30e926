// The group commit (src/db/group-commit.ts) on SQLite: work whose statements
// run at once (`runNow`, no trip through Kysely) shares a transaction with
// Kysely's writes, answers with what it returned once committed, and a work
// that throws undoes all of its own statements and nothing of the others'.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { type GroupCommit, groupCommit } from '../../src/db/group-commit.ts';
import { openDatabase } from '../../src/db/index.ts';
import type { WriteNow } from '../../src/db/sqlite-dialect.ts';

describe('group commit with statements run at once (SQLite)', () => {
  let dir: string;
  let db: Kysely<Record<string, Record<string, unknown>>>;
  let commits: GroupCommit;
  let runNow: NonNullable<GroupCommit['runNow']>;
  const names = async () =>
    (await db.selectFrom('t').select('name').orderBy('id').execute()).map((r) => r.name);
  const insert = (w: WriteNow, name: string) => w.query('insert into t (name) values (?)', [name]);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'portcullis-group-commit-'));
    const opened = openDatabase(`sqlite://${path.join(dir, 'db.sqlite')}`);
    db = opened.db as unknown as typeof db;
    commits = groupCommit(opened.db, undefined, opened.writeNow);
    runNow = commits.runNow!;
    await sql`create table t (id integer primary key, name text unique not null)`.execute(db);
  });
  beforeEach(() => sql`delete from t`.execute(db));
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits both kinds of work queued together, each answering with its own result', async () => {
    const results = await Promise.all([
      runNow((w) => {
        insert(w, 'a');
        return 'first';
      }),
      commits.run(async (trx) => {
        await (trx as unknown as typeof db).insertInto('t').values({ name: 'b' }).execute();
        return 'second';
      }),
      // Sees the writes before it in its batch: one transaction.
      runNow((w) => {
        insert(w, 'c');
        return w.query('select count(*) as n from t', []);
      }),
    ]);
    assert.deepEqual(results, ['first', 'second', [{ n: 3 }]]);
    assert.deepEqual(await names(), ['a', 'b', 'c']);
  });

  it('undoes all of a work that throws, and nothing of the others in its batch', async () => {
    const [a, broken, c] = await Promise.allSettled([
      runNow((w) => insert(w, 'a')),
      runNow((w) => {
        insert(w, 'half');
        insert(w, 'a'); // unique: throws
      }),
      runNow((w) => insert(w, 'c')),
    ]);
    assert.equal(a.status, 'fulfilled');
    assert.equal(broken.status, 'rejected');
    assert.equal(c.status, 'fulfilled');
    assert.deepEqual(await names(), ['a', 'c']);
  });

  it('gives a work queued alone a transaction of its own', async () => {
    await assert.rejects(
      runNow((w) => {
        insert(w, 'alone');
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.deepEqual(await names(), []);
  });

  it('runs a lone write PostgreSQL undid to break a deadlock once more; any other failure once only', async () => {
    const crossed = (code: string) => Object.assign(new Error('undone'), { code });
    let tries = 0;
    const name = await commits.run(async (trx) => {
      tries++;
      if (tries === 1) throw crossed('40P01');
      await (trx as unknown as typeof db).insertInto('t').values({ name: 'after' }).execute();
      return 'after';
    });
    assert.equal(name, 'after');
    assert.equal(tries, 2);
    assert.deepEqual(await names(), ['after']);
    let others = 0;
    await assert.rejects(
      commits.run(async () => {
        others++;
        throw crossed('23505');
      }),
      /undone/,
    );
    assert.equal(others, 1);
  });
});
