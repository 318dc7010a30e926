// SQLite transactions that take the write lock when they begin.
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Kysely begins SQLite transactions with a plain (deferred) BEGIN. A deferred
 * transaction that reads and then writes, while another process (a second node
 * on the same file, or the command line) wrote in between, fails at once with
 * SQLITE_BUSY_SNAPSHOT: the busy timeout cannot help, as waiting would not
 * make its snapshot current. BEGIN IMMEDIATE takes the write lock first, so a
 * transaction waits its turn (busy_timeout) and then sees the latest data.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
