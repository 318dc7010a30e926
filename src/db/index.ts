// Storage: opens the database (SQLite or PostgreSQL) behind one Kysely instance.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from './checkpointer.ts';
import type { Database } from './schema.ts';
import { Connection, SplitSqliteDialect, type WriteNow } from './sqlite-dialect.ts';
import type { WriteTurns } from './write-turns.ts';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /**
   * For the guessing limits' counts (src/storage/limits.ts). On PostgreSQL a
   * pool of its own whose commits do not wait for the disk
   * (`synchronous_commit = off`): every guess from one address writes that
   * address's row, so the row lock would otherwise be held through a disk
   * flush per guess and serialise a mail server's sign-ins. A database crash
   * may forget the last fraction of a second of counts — never a success or
   * a change of anything else. Destroying `db` closes it too. On SQLite, `db`.
   */
  counters: Db;
  /**
   * The cache epoch (migration 0022) read straight from SQLite's reading
   * connection, without a trip through Kysely: every check and token request
   * reads it, and the trip costs several times the read. Absent elsewhere.
   */
  cacheEpoch?: () => number;
  /** SQLite: statements run at once inside a group commit (src/db/group-commit.ts `runNow`). */
  writeNow?: WriteNow;
}

let pgModule: typeof pg | undefined;
/** The PostgreSQL driver, loaded on first use: a command on SQLite never loads it. */
function pgDriver(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg;
    // int8 (bigint) and numeric counts come back from pg as strings; every bigint we
    // store is a millisecond time or a counter, well inside Number's safe range.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
}

export interface OpenOptions {
  pgPoolSize?: number;
  /** SQLite: checkpoint the write-ahead log on a thread of its own (the server; not a CLI call). */
  backgroundCheckpoint?: boolean;
  /** SQLite: take turns at writing with the other workers of this server (src/workers.ts). */
  writeTurns?: WriteTurns;
}

function pgPool(url: string, max: number, options?: string): pg.Pool {
  // Settings go in the URL's `options`, after any it has (a URL's own would replace ours).
  let connectionString = url;
  if (options) {
    const u = new URL(url);
    u.searchParams.set(
      'options',
      [u.searchParams.get('options'), options].filter(Boolean).join(' '),
    );
    connectionString = u.toString();
  }
  const pool = new (pgDriver().Pool)({ connectionString, max, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  // Nor one that is checked out: pg's pool listens only to idle clients, and a
  // connection closed between two queries (after a query failed with 57P01 at
  // shutdown) is an 'error' event on the client itself. The query in flight
  // has its own error (→ 503), and the pool drops the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function openDatabase(url: string, opts: OpenOptions = {}): OpenedDatabase {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const max = opts.pgPoolSize ?? 10;
    const pool = pgPool(url, max);
    const counters = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: pgPool(url, Math.max(2, Math.ceil(max / 2)), '-c synchronous_commit=off'),
      }),
    });
    const both = {
      connect: () => pool.connect(),
      end: async () => {
        await Promise.all([pool.end(), counters.destroy()]);
      },
    };
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: both }) }),
      dialect: 'postgres',
      counters,
    };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const open = () => {
    const sqlite = new SQLite(file);
    // WAL lets readers and one writer work at once; the busy timeout makes
    // concurrent writers (several processes) wait instead of failing.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // What PostgreSQL's portcullis_fold (migration 0018) does: lower case, accents gone.
    sqlite.function('portcullis_fold', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? foldAccents(s) : s,
    );
    return sqlite;
  };
  const sqlite = open();
  // Reads outside write transactions have a connection of their own (src/db/sqlite-dialect.ts);
  // an in-memory database is one connection's alone.
  const reader = file === ':memory:' ? undefined : open();
  reader?.pragma('query_only = ON');
  let checkpointer: { stop(): Promise<number> } | undefined;
  if (opts.backgroundCheckpoint && file !== ':memory:') {
    checkpointer = startCheckpointer(file);
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  }
  const writer = new Connection(sqlite);
  const db = new Kysely<Database>({
    dialect: new SplitSqliteDialect({
      writer,
      ...(reader ? { reader: new Connection(reader) } : {}),
      onClose: () => void checkpointer?.stop(),
      ...(opts.writeTurns ? { turns: opts.writeTurns } : {}),
    }),
  });
  let epoch: SQLite.Statement | undefined;
  const cacheEpoch = reader
    ? () => {
        // Prepared on first use: the table exists once the database is migrated.
        epoch ??= reader.prepare('select n from cache_epoch where id = 1').pluck();
        return Number(epoch.get() ?? 0);
      }
    : undefined;
  return {
    db,
    dialect: 'sqlite',
    counters: db,
    writeNow: writer,
    ...(cacheEpoch ? { cacheEpoch } : {}),
  };
}

export { migrate } from './migrate.ts';

/** True when an error means the database is unreachable (→ 503, not 500). */
export function isDatabaseUnavailable(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | null;
  if (!err || typeof err !== 'object') return false;
  const codes = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EPIPE',
    '57P01',
    '57P02',
    '57P03',
    '08006',
    '08001',
    '08003',
    '53300',
    'SQLITE_BUSY',
    'SQLITE_LOCKED',
    'SQLITE_CANTOPEN',
    'SQLITE_IOERR',
    'SQLITE_FULL',
  ];
  // SQLite's extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE, …) start with the primary one.
  if (err.code && codes.some((c) => err.code === c || err.code!.startsWith(`${c}_`))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|connection is closed|database connection is not open/i.test(
    err.message ?? '',
  );
}

/**
 * True when PostgreSQL refused a value we passed it: SQLSTATE class 22, data
 * exception — text with a NUL byte (22021), a number out of range (22003), and
 * the like. Such a value came from the request (→ 400, not 500).
 */
export function isRefusedValue(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/**
 * True when PostgreSQL undid a statement only because another transaction
 * crossed it — a deadlock (40P01) or a serialization failure (40001): run
 * again, it will most likely go through.
 */
export function isCrossedWrite(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** Lower case without accents ("Dvořák" → "dvorak"), for search. */
export function foldAccents(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
