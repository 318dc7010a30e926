// Workers sharing a SQLite file take turns at writing (src/db/write-turns.ts):
// the driver asks for the turn before a write transaction or a lone write,
// never for a read, and the turn is the process's, shared by whatever in it
// writes meanwhile.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';
import { WriteTurns } from '../../src/db/write-turns.ts';

/** A channel that grants at once and notes what was asked. */
function recordingChannel() {
  const events: string[] = [];
  let release: (() => void) | undefined;
  return {
    events,
    /** Holds the next grant until `grant()`. */
    hold: false,
    grant: () => release?.(),
    ask(this: { hold: boolean }) {
      events.push('ask');
      if (!this.hold) return Promise.resolve();
      return new Promise<void>((resolve) => (release = resolve));
    },
    giveBack: () => events.push('give back'),
  };
}

describe('write turns', () => {
  it('asks once while anything in the process holds the turn, and gives it back after the last', async () => {
    const channel = recordingChannel();
    channel.hold = true;
    const turns = new WriteTurns(channel);
    let firstIn = false;
    let secondIn = false;
    const first = turns.take().then(() => (firstIn = true));
    const second = turns.take().then(() => (secondIn = true));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([firstIn, secondIn], [false, false], 'nobody writes before the grant');
    channel.grant();
    await Promise.all([first, second]);
    turns.give();
    assert.deepEqual(channel.events, ['ask'], 'still held by the second');
    turns.give();
    assert.deepEqual(channel.events, ['ask', 'give back']);
    channel.hold = false;
    await turns.with(async () => {});
    assert.deepEqual(channel.events, ['ask', 'give back', 'ask', 'give back']);
  });

  it('is taken by the SQLite driver for write transactions and lone writes, not for reads', async () => {
    const channel = recordingChannel();
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-turns-'));
    const { db } = openDatabase(`sqlite:${path.join(dir, 'db')}`, {
      writeTurns: new WriteTurns(channel),
    });
    try {
      await sql`create table t (n integer)`.execute(db);
      assert.deepEqual(channel.events, ['ask', 'give back']);
      channel.events.length = 0;
      await sql`select count(*) from t`.execute(db);
      assert.deepEqual(channel.events, [], 'a read needs no turn');
      await db.transaction().execute(async (trx) => {
        await sql`insert into t values (1)`.execute(trx);
        await sql`insert into t values (2)`.execute(trx);
        assert.deepEqual(channel.events, ['ask'], 'one turn for the whole transaction');
      });
      assert.deepEqual(channel.events, ['ask', 'give back']);
      channel.events.length = 0;
      await assert.rejects(
        db.transaction().execute(async (trx) => {
          await sql`insert into t values (3)`.execute(trx);
          throw new Error('changed my mind');
        }),
      );
      assert.deepEqual(channel.events, ['ask', 'give back'], 'given back after a rollback too');
      const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
      assert.equal(rows[0]!.n, 2);
    } finally {
      await db.destroy();
    }
  });
});
