import { type Db, isCrossedWrite } from './index.ts';
import type { WriteNow } from './sqlite-dialect.ts';
import type { WriteTurns } from './write-turns.ts';

type Write = (db: Db) => Promise<unknown>;
/** Through Kysely (`run`), or statements run at once (`runNow`). */
type Work = { write: Write } | { now: (w: WriteNow) => unknown };
interface Pending {
  work: Work;
  result?: unknown;
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommit {
  /** Runs `write` in the next shared transaction; resolves once it is committed. */
  write(write: Write): Promise<void>;
  /** `write` that answers: resolves with what `work` returned, once it is committed. */
  run<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * SQLite: `work` inside the next shared transaction, its statements run at
   * once on the writing connection (no trip through Kysely, src/db/prepared.ts
   * `now`); resolves with what it returned, once committed. A throw undoes the
   * whole of `work`. Absent on PostgreSQL.
   */
  runNow?: <T>(work: (w: WriteNow) => T) => Promise<T>;
}

/**
 * Group commit for small writes that need not share the caller's transaction
 * (the legacy fronts' sign-in log entries and last-used stamps, SQLite's
 * limit counts): what is queued while the previous group commits is
 * committed in one transaction. Each caller still waits for its own write to
 * be committed, so nothing is acknowledged before it is stored — but a busy
 * front pays one commit for many attempts instead of one each. One group at a
 * time: a group grows while the one before it is being written (or waits
 * for its turn, `turns`), and a lone write goes without BEGIN and COMMIT (on
 * PostgreSQL, two round trips fewer).
 */
export function groupCommit(db: Db, turns?: WriteTurns, writeNow?: WriteNow): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;
  let flushing = false;

  const schedule = () => {
    if (scheduled || flushing || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => void flush());
  };

  async function flush(): Promise<void> {
    scheduled = false;
    flushing = true;
    // Workers sharing a SQLite file write in turns: what queues while this one
    // waits for its turn joins the batch.
    await turns?.take();
    const batch = queue;
    queue = [];
    try {
      if (batch.length === 1) {
        const p = batch[0]!;
        await alone(p).then(p.resolve, p.reject);
        return;
      }
      await db.transaction().execute(async (trx) => {
        for (const p of batch)
          p.result = 'now' in p.work ? p.work.now(writeNow!) : await p.work.write(trx);
      });
      for (const p of batch) p.resolve(p.result);
    } catch {
      // One bad write must not take the others with it: each on its own.
      for (const p of batch) await alone(p).then(p.resolve, p.reject);
    } finally {
      turns?.give();
      flushing = false;
      schedule();
    }
  }

  /**
   * A write on its own: statements run at once still need a transaction of
   * their own. One that PostgreSQL undid to break a deadlock with another
   * node's write is run once more (it was undone whole).
   */
  const alone = async ({ work }: Pending): Promise<unknown> => {
    const once = () =>
      'now' in work ? db.transaction().execute(async () => work.now(writeNow!)) : work.write(db);
    try {
      return await once();
    } catch (e) {
      if (!isCrossedWrite(e)) throw e;
      return once();
    }
  };

  const queued = <T>(work: Work) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      schedule();
    });
  const run = <T>(write: (db: Db) => Promise<T>) => queued<T>({ write });

  return {
    run,
    write: async (write) => void (await run(write)),
    ...(writeNow ? { runNow: <T>(now: (w: WriteNow) => T) => queued<T>({ now }) } : {}),
  };
}
