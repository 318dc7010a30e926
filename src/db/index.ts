// Storage: opens the database (SQLite or PostgreSQL) behind one Kysely instance.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
}

// int8 (bigint) and numeric counts come back from pg as strings; every bigint we
// store is a millisecond time or a counter, well inside Number's safe range.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface OpenOptions {
  pgPoolSize?: number;
}

export function openDatabase(url: string, opts: OpenOptions = {}): OpenedDatabase {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.pgPoolSize ?? 10,
      connectionTimeoutMillis: 5000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    // Nor one that is checked out: pg's pool listens only to idle clients, and a
    // connection closed between two queries (after a query failed with 57P01 at
    // shutdown) is an 'error' event on the client itself. The query in flight
    // has its own error (→ 503), and the pool drops the broken client on release.
    pool.on('connect', (client) => client.on('error', () => {}));
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      dialect: 'postgres',
    };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers and one writer work at once; the busy timeout makes
  // concurrent writers (several processes) wait instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  return {
    db: new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
    }),
    dialect: 'sqlite',
  };
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, so
 * keep them by SQL text (the set of distinct queries is small and fixed).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (!stmt) {
            stmt = target.prepare(source);
            if (cache.size < 500) cache.set(source, stmt);
          }
          return stmt;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function migrate(db: Db, dialect: Dialect): Promise<void> {
  // Kysely looks for its bookkeeping tables by name in every schema; pin them to
  // ours so two Portcullis schemas in one PostgreSQL database never mix.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration failed${failed ? ` at ${failed.migrationName}` : ''}`, {
      cause: error,
    });
  }
}

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
