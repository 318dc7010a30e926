import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';

/** Writes about 1 MB (well under SQLite's own 1000-page checkpoint) and returns the file's size after `waitMs`. */
async function sizeAfterWrites(
  backgroundCheckpoint: boolean,
  waitMs: number,
): Promise<[number, number]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'portcullis-ckpt-'));
  const file = path.join(dir, 'p.db');
  const { db } = openDatabase(`sqlite:${file}`, { backgroundCheckpoint });
  try {
    await sql`create table filler (v text)`.execute(db);
    const before = statSync(file).size;
    for (let i = 0; i < 64; i++)
      await sql`insert into filler values (${'x'.repeat(16_000)})`.execute(db);
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline && statSync(file).size <= before + 512_000)
      await new Promise((r) => setTimeout(r, 50));
    return [before, statSync(file).size];
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('SQLite checkpoints', () => {
  it("the server's connection has the write-ahead log copied into the database file off its own thread", async () => {
    const [before, after] = await sizeAfterWrites(true, 5000);
    assert.ok(after > before + 512_000, `database file grew from ${before} to ${after} bytes`);
  });

  it('without the checkpointer the writes stay in the log until SQLite reaches its threshold', async () => {
    const [before, after] = await sizeAfterWrites(false, 600);
    assert.ok(after < before + 512_000, `database file stayed at ${after} bytes`);
  });
});
