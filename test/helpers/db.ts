import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';

/** The database the suite runs on: PostgreSQL when PORTCULLIS_DATABASE_URL says so, else SQLite. */
export const pgUrl = process.env.PORTCULLIS_DATABASE_URL?.startsWith('postgres')
  ? process.env.PORTCULLIS_DATABASE_URL
  : undefined;
export const onPostgres = pgUrl !== undefined;
/** Test schemas start with this; scripts/run-tests.js drops them before a run. */
export const TEST_SCHEMA_PREFIX = 't_';

export interface TestDatabase {
  config: Config;
  /** Environment variables that point a child process at the same database. */
  env: Record<string, string>;
  pgSchema: string | undefined;
  drop(): Promise<void>;
}

/**
 * A fresh, isolated database for one test: a new SQLite file in a temporary
 * data directory, or a new schema in the PostgreSQL database (`sqlite`: a
 * SQLite file whatever the suite runs on, for what only SQLite has).
 */
export async function freshDatabase(
  env: Record<string, string> = {},
  opts: { sqlite?: boolean } = {},
): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portcullis-test-'));
  let pgSchema: string | undefined;
  let databaseUrl = `sqlite:${path.join(dataDir, 'portcullis.db')}`;
  if (pgUrl && !opts.sqlite) {
    pgSchema = `${TEST_SCHEMA_PREFIX}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${pgSchema}`);
    await client.end();
    const u = new URL(pgUrl);
    u.searchParams.set('options', `-c search_path=${pgSchema}`);
    databaseUrl = u.toString();
  }
  const fullEnv = {
    PORTCULLIS_DATA_DIR: dataDir,
    PORTCULLIS_DATABASE_URL: databaseUrl,
    PORTCULLIS_SECRET_KEY: 'a'.repeat(64),
    PORTCULLIS_LOG_LEVEL: 'warn',
    PORTCULLIS_HOST: '127.0.0.1',
    // Test files run side by side on one PostgreSQL: small pools keep under max_connections.
    PORTCULLIS_DATABASE_POOL_SIZE: '3',
    ...env,
  };
  return {
    config: loadConfig(fullEnv),
    env: fullEnv,
    pgSchema,
    async drop() {
      // PostgreSQL schemas are left for scripts/run-tests.js to drop before the
      // next run: dropping one while another test's Kysely migrator introspects
      // the catalog makes that migrator fail ("relation … does not exist").
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
