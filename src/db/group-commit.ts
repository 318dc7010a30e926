import type { Db } from './index.ts';

type Write = (db: Db) => Promise<unknown>;
interface Pending {
  write: Write;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export interface GroupCommit {
  /** Runs `write` in the next shared transaction; resolves once it is committed. */
  write(write: Write): Promise<void>;
}

/**
 * Group commit for small writes that need not share the caller's transaction
 * (the legacy fronts' sign-in log entries and last-used stamps): everything
 * queued in one turn of the event loop is committed in one transaction. Each
 * caller still waits for its own write to be committed, so nothing is
 * acknowledged before it is stored — but a busy front pays one commit for many
 * attempts instead of one each.
 */
export function groupCommit(db: Db): GroupCommit {
  let queue: Pending[] = [];
  let scheduled = false;

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const p of batch) await p.write(trx);
      });
      for (const p of batch) p.resolve();
    } catch {
      // One bad write must not take the others with it: each on its own.
      for (const p of batch) await p.write(db).then(p.resolve, p.reject);
    }
  }

  return {
    write: (write) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ write, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      }),
  };
}
