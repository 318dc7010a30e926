// SQLite for Kysely: one connection that writes, another that reads. Write
// transactions take the write lock when they begin and — when several worker
// processes share the file — take turns at writing (./write-turns.ts).
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type Kysely,
  type Dialect as KyselyDialect,
  type QueryResult,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { WriteTurns } from './write-turns.ts';

/** Runs statements on one better-sqlite3 connection (what Kysely's own SqliteConnection does). */
function run<R>(db: SQLite.Database, q: CompiledQuery): QueryResult<R> {
  const stmt = db.prepare(q.sql);
  if (stmt.reader) return { rows: stmt.all(q.parameters) as R[] };
  const { changes, lastInsertRowid } = stmt.run(q.parameters);
  return {
    numAffectedRows: BigInt(changes),
    insertId: BigInt(lastInsertRowid),
    rows: [],
  };
}

/** One at a time on the writing connection: a transaction holds it from BEGIN to COMMIT. */
class Mutex {
  #held: Promise<void> | null = null;
  #release: (() => void) | null = null;
  async lock(): Promise<void> {
    while (this.#held) await this.#held;
    this.#held = new Promise((resolve) => (this.#release = resolve));
  }
  unlock(): void {
    const release = this.#release;
    this.#held = null;
    this.#release = null;
    release?.();
  }
}

/** What Kysely holds between acquiring and releasing a connection: in a transaction or not. */
class Handle implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly driver: SplitSqliteDriver) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, q);
  }
  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(q.query))
      throw new Error('Sqlite driver only supports streaming of select queries');
    for (const row of this.driver.reading(this).prepare(q.sql).iterate(q.parameters))
      yield { rows: [row as R] };
  }
}

/**
 * Reads that are not part of a write transaction go to a connection of their
 * own (WAL lets it read the last commit while a write is under way), so they
 * never wait behind a write transaction, a group commit, or another worker's
 * turn. Writes share one connection, one at a time (as Kysely's own SQLite
 * driver does with everything):
 * - Kysely begins SQLite transactions with a plain (deferred) BEGIN. A
 *   deferred transaction that reads and then writes, while another process (a
 *   second node on the same file, or the command line) wrote in between,
 *   fails at once with SQLITE_BUSY_SNAPSHOT: the busy timeout cannot help, as
 *   waiting would not make its snapshot current. BEGIN IMMEDIATE takes the
 *   write lock first, so a transaction waits its turn and then sees the
 *   latest data.
 * - With `turns` (workers of one server), a write asks for the turn before it
 *   waits for the connection, so waiting for another process never holds up
 *   this one's other work.
 */
class SplitSqliteDriver implements Driver {
  readonly #writer: SQLite.Database;
  readonly #reader: SQLite.Database | undefined;
  readonly #turns: WriteTurns | undefined;
  readonly #writing = new Mutex();

  constructor(writer: SQLite.Database, reader?: SQLite.Database, turns?: WriteTurns) {
    this.#writer = writer;
    this.#reader = reader;
    this.#turns = turns;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  /** The connection a statement outside a transaction reads on. */
  reading(handle: Handle): SQLite.Database {
    return handle.inTransaction || !this.#reader ? this.#writer : this.#reader;
  }

  async execute<R>(handle: Handle, q: CompiledQuery): Promise<QueryResult<R>> {
    if (handle.inTransaction) return run<R>(this.#writer, q);
    if (this.#reader && this.#writer.prepare(q.sql).readonly) return run<R>(this.#reader, q);
    // A write on its own: the turn, then the connection, for this one statement.
    await this.#turns?.take();
    try {
      await this.#writing.lock();
      try {
        return run<R>(this.#writer, q);
      } finally {
        this.#writing.unlock();
      }
    } finally {
      this.#turns?.give();
    }
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const handle = connection as Handle;
    await this.#turns?.take();
    try {
      await this.#writing.lock();
      try {
        run(this.#writer, CompiledQuery.raw('begin immediate'));
      } catch (e) {
        this.#writing.unlock();
        throw e;
      }
    } catch (e) {
      this.#turns?.give();
      throw e;
    }
    handle.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    run(this.#writer, CompiledQuery.raw('commit'));
    this.#end(connection as Handle);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      // SQLite may have rolled back already (a failed commit, SQLITE_FULL): nothing to undo then.
      if (this.#writer.inTransaction) run(this.#writer, CompiledQuery.raw('rollback'));
    } finally {
      this.#end(connection as Handle);
    }
  }

  #end(handle: Handle): void {
    if (!handle.inTransaction) return;
    handle.inTransaction = false;
    this.#writing.unlock();
    this.#turns?.give();
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#reader?.close();
    this.#writer.close();
  }
}

/** Kysely's SQLite dialect over SplitSqliteDriver. */
export class SplitSqliteDialect implements KyselyDialect {
  constructor(
    private readonly config: {
      writer: SQLite.Database;
      reader?: SQLite.Database;
      turns?: WriteTurns;
    },
  ) {}
  createDriver(): Driver {
    return new SplitSqliteDriver(this.config.writer, this.config.reader, this.config.turns);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own signature
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
