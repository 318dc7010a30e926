// SQLite with another process writing: a transaction that reads and then
// writes must wait its turn, not fail with SQLITE_BUSY_SNAPSHOT, and lose no
// update. (Runs on a SQLite file of its own in both passes of the suite.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { migrate, openDatabase } from '../../src/db/index.ts';

const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const put = db.prepare("insert into settings (key, value, updated_at) values ('writer', ?, 0) on conflict (key) do update set value = excluded.value");
parentPort.postMessage('ready');
let n = 0;
const end = Date.now() + workerData.ms;
while (Date.now() < end) put.run(String(n++));
db.close();
parentPort.postMessage(n);
`;

describe('SQLite transactions beside another writer', () => {
  it('read-then-write transactions all commit, none lost, while another connection writes non-stop', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-writers-'));
    const file = path.join(dir, 'portcullis.db');
    const { db } = openDatabase(`sqlite:${file}`);
    try {
      await migrate(db, 'sqlite');
      await db
        .insertInto('settings')
        .values({ key: 'counter', value: '0', updated_at: 0 })
        .execute();
      const worker = new Worker(WRITER, {
        eval: true,
        workerData: {
          file,
          ms: 1500,
          module: createRequire(import.meta.url).resolve('better-sqlite3'),
        },
      });
      const writes = new Promise<number>((resolve, reject) => {
        worker.on('message', (m) => typeof m === 'number' && resolve(m));
        worker.on('error', reject);
      });
      await new Promise((r) => worker.once('message', r));
      const errors: string[] = [];
      let done = 0;
      const end = Date.now() + 1000;
      while (Date.now() < end) {
        try {
          await db.transaction().execute(async (trx) => {
            const row = await trx
              .selectFrom('settings')
              .select('value')
              .where('key', '=', 'counter')
              .executeTakeFirstOrThrow();
            // Let the other writer in between the read and the write, if it can.
            await new Promise((r) => setImmediate(r));
            await trx
              .updateTable('settings')
              .set({ value: String(Number(row.value) + 1) })
              .where('key', '=', 'counter')
              .execute();
          });
          done++;
        } catch (e) {
          errors.push((e as { code?: string }).code ?? String(e));
        }
      }
      assert.ok((await writes) > 0, 'the other connection wrote meanwhile');
      assert.deepEqual(errors.slice(0, 3), [], `${errors.length} transactions failed`);
      const final = await db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'counter')
        .executeTakeFirstOrThrow();
      assert.equal(Number(final.value), done, 'no update lost');
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
