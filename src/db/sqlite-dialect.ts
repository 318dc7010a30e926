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

/**
 * A connection and the statements compiled on it, by their text: Kysely hands
 * the same few texts over and over, and compiling is much of a small
 * statement's cost. SQLite recompiles a kept statement by itself after a
 * schema change. Texts with inlined values could be endless, so the least
 * recently used go beyond `MAX_STATEMENTS`. A streamed query compiles its own
 * (a kept statement being iterated could not run again until read through).
 */
export class Connection implements WriteNow {
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(readonly db: SQLite.Database) {}
  query(text: string, values: readonly unknown[]): unknown[] {
    const stmt = this.statement(text);
    if (stmt.reader) return stmt.all(values);
    stmt.run(values);
    return [];
  }
  statement(text: string): SQLite.Statement {
    let stmt = this.#statements.get(text);
    if (stmt) this.#statements.delete(text);
    else {
      stmt = this.db.prepare(text);
      if (this.#statements.size >= MAX_STATEMENTS)
        this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(text, stmt);
    return stmt;
  }
}
const MAX_STATEMENTS = 500;

/**
 * Statements run at once, without a trip through Kysely, on SQLite's writing
 * connection — only inside a write transaction that holds it (a group
 * commit's `runNow`, src/db/group-commit.ts), where they join its changes.
 */
export interface WriteNow {
  /** Runs a statement: the rows it returns (none for a write). */
  query(sql: string, values: readonly unknown[]): unknown[];
}

/** Runs a statement on one connection (what Kysely's own SqliteConnection does). */
function run<R>(c: Connection, q: CompiledQuery, stmt = c.statement(q.sql)): QueryResult<R> {
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
    // A statement of its own: a kept one could not run again until this one is read through.
    for (const row of this.driver.reading(this).db.prepare(q.sql).iterate(q.parameters))
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
  readonly #writer: Connection;
  readonly #reader: Connection | undefined;
  readonly #turns: WriteTurns | undefined;
  readonly #writing = new Mutex();

  readonly #onClose: (() => void) | undefined;

  constructor(config: SplitSqliteConfig) {
    this.#writer = config.writer;
    this.#reader = config.reader;
    this.#turns = config.turns;
    this.#onClose = config.onClose;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  /** The connection a statement outside a transaction reads on. */
  reading(handle: Handle): Connection {
    return handle.inTransaction || !this.#reader ? this.#writer : this.#reader;
  }

  async execute<R>(handle: Handle, q: CompiledQuery): Promise<QueryResult<R>> {
    if (handle.inTransaction) return run<R>(this.#writer, q);
    const read = this.#readOnly(q.sql);
    if (read) return run<R>(this.#reader!, q, read);
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

  /**
   * The reading connection's statement for `text` if it only reads. One the
   * reader cannot compile goes to the writer, which says why if it cannot
   * either: SQLite compiles against the schema it last loaded, and a reader
   * that loaded it half-way through a migration (compiling one of its
   * statements, to learn that it writes) can take a view for one without
   * the trigger that lets it be written to.
   */
  #readOnly(text: string): SQLite.Statement | undefined {
    try {
      const stmt = this.#reader?.statement(text);
      return stmt?.readonly ? stmt : undefined;
    } catch {
      return undefined;
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
      if (this.#writer.db.inTransaction) run(this.#writer, CompiledQuery.raw('rollback'));
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
    this.#onClose?.();
    this.#reader?.db.close();
    this.#writer.db.close();
  }
}

interface SplitSqliteConfig {
  writer: Connection;
  /** Absent for an in-memory database, which is one connection's alone. */
  reader?: Connection;
  /** Workers of one server sharing the file. */
  turns?: WriteTurns;
  /** Before the connections close (a background checkpointer stops). */
  onClose?: () => void;
}

/** Kysely's SQLite dialect over SplitSqliteDriver. */
export class SplitSqliteDialect implements KyselyDialect {
  constructor(private readonly config: SplitSqliteConfig) {}
  createDriver(): Driver {
    return new SplitSqliteDriver(this.config);
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
