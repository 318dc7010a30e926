// SQLite transactions that take the write lock when they begin, and — when
// several worker processes share the file — take turns at writing (./write-turns.ts).
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import type { WriteTurns } from './write-turns.ts';

/**
 * Kysely begins SQLite transactions with a plain (deferred) BEGIN. A deferred
 * transaction that reads and then writes, while another process (a second node
 * on the same file, or the command line) wrote in between, fails at once with
 * SQLITE_BUSY_SNAPSHOT: the busy timeout cannot help, as waiting would not
 * make its snapshot current. BEGIN IMMEDIATE takes the write lock first, so a
 * transaction waits its turn (busy_timeout) and then sees the latest data.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #turns: WriteTurns | undefined;
  readonly #database: SQLite.Database;
  /** In a transaction (holding the turn): its statements need no turn of their own. */
  #inTransaction = false;
  #holding = false;

  constructor(config: SqliteDialectConfig & { database: SQLite.Database }, turns?: WriteTurns) {
    super(config);
    this.#turns = turns;
    this.#database = config.database;
  }

  async #take(): Promise<void> {
    await this.#turns?.take();
    this.#holding = true;
  }
  #give(): void {
    if (!this.#holding) return;
    this.#holding = false;
    this.#turns?.give();
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    if (!this.#turns) return connection;
    // A statement that writes, outside a transaction, takes the turn for itself.
    return {
      executeQuery: async <R>(q: CompiledQuery): Promise<QueryResult<R>> => {
        if (this.#inTransaction || this.#database.prepare(q.sql).reader)
          return connection.executeQuery<R>(q);
        await this.#take();
        try {
          return await connection.executeQuery<R>(q);
        } finally {
          this.#give();
        }
      },
      streamQuery: (q, chunkSize) => connection.streamQuery(q, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#take();
    this.#inTransaction = true;
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } catch (e) {
      this.#inTransaction = false;
      this.#give();
      throw e;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.#inTransaction = false;
    this.#give();
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.#inTransaction = false;
      this.#give();
    }
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { database: SQLite.Database };
  readonly #turns: WriteTurns | undefined;

  constructor(config: SqliteDialectConfig & { database: SQLite.Database }, turns?: WriteTurns) {
    super(config);
    this.#config = config;
    this.#turns = turns;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#turns);
  }
}
