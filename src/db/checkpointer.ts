import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in the worker: its own connection to the file, checkpointing now and then.
const SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
`;

/**
 * Copies SQLite's write-ahead log into the database file on a thread of its
 * own. SQLite otherwise does it inside whichever commit crosses 1000 pages —
 * on the event loop, where a busy front pays for it in every request (about
 * half of a commit's time under the legacy-front benchmark). A passive
 * checkpoint from another connection waits for no one and blocks no one.
 * The server's connection keeps a far larger automatic threshold as a
 * safety net, should this thread ever fall behind.
 */
export function startCheckpointer(file: string, everyMs = 250): { stop(): Promise<number> } {
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { file, everyMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
  });
  // Never keeps the process alive, and an error there is no reason to stop serving.
  worker.unref();
  worker.on('error', () => {});
  return { stop: () => worker.terminate() };
}

/** Automatic checkpoint threshold (pages) while the checkpointer runs. */
export const BACKSTOP_CHECKPOINT_PAGES = 16_000;
