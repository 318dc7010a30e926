// The schema's version: which migrations a database has, which this code knows,
// and moving it forward. A database migrated by a newer Portcullis is refused
// (its code may rely on what this one does not know), with the version to run.
import { Migrator, sql } from 'kysely';
import { type Clock, systemClock } from '../clock.ts';
import { ConfigError } from '../config/error.ts';
import { version } from '../version.ts';
import type { Db, Dialect } from './index.ts';
import { migrationProvider } from './migrations/index.ts';

/** The database was migrated by a newer Portcullis than this one. */
export class SchemaNewerError extends ConfigError {}

export interface SchemaStatus {
  /** Migrations the database has, oldest first. */
  applied: string[];
  /** Migrations this code has and the database lacks. */
  pending: string[];
  /** Migrations the database has and this code does not know (a newer release's). */
  unknown: string[];
  /** The last migration this code knows. */
  latest: string;
  /** The Portcullis version that last migrated the database, and when (epoch ms). */
  lastRelease: { version: string; migratedAt: number } | null;
}

const known = async () => Object.keys(await migrationProvider.getMigrations()).sort();

async function tableExists(db: Db, dialect: Dialect, name: string): Promise<boolean> {
  const { rows } =
    dialect === 'postgres'
      ? await sql<{ t: string | null }>`select to_regclass(${name}) as t`.execute(db)
      : await sql<{
          t: string | null;
        }>`select name as t from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return rows.length > 0 && rows[0]!.t !== null;
}

export async function schemaStatus(db: Db, dialect: Dialect): Promise<SchemaStatus> {
  const names = await known();
  const applied = (await tableExists(db, dialect, 'kysely_migration'))
    ? (
        await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
      ).rows.map((r) => r.name)
    : [];
  const has = new Set(applied);
  const knows = new Set(names);
  let lastRelease: SchemaStatus['lastRelease'] = null;
  if (await tableExists(db, dialect, 'releases')) {
    const row = await db
      .selectFrom('releases')
      .select(['version', 'migrated_at'])
      .orderBy('migrated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (row) lastRelease = { version: row.version, migratedAt: Number(row.migrated_at) };
  }
  return {
    applied,
    pending: names.filter((n) => !has.has(n)),
    unknown: applied.filter((n) => !knows.has(n)),
    latest: names.at(-1)!,
    lastRelease,
  };
}

/** Refuses a schema from a newer release, in words an administrator can act on. */
export function assertNotNewer(status: SchemaStatus): void {
  if (status.unknown.length === 0) return;
  const by =
    status.lastRelease && status.lastRelease.version !== version
      ? `Portcullis ${status.lastRelease.version}`
      : 'a newer Portcullis';
  throw new SchemaNewerError(
    `The database was upgraded by ${by}: it has migration ${status.unknown.join(', ')}, which ` +
      `Portcullis ${version} does not know (it knows up to ${status.latest}). Run ${by} here as ` +
      'well; to go back to this version, restore the backup taken before the upgrade.',
  );
}

/**
 * Brings the schema up to this code's latest migration; returns the migrations
 * applied (none when it was up to date). Several processes may call it at once:
 * Kysely's migrator takes a lock (an advisory lock on PostgreSQL). The clock
 * dates the release's row in `releases`.
 */
export async function migrate(
  db: Db,
  dialect: Dialect,
  clock: Clock = systemClock,
): Promise<string[]> {
  const before = await schemaStatus(db, dialect);
  assertNotNewer(before);
  if (before.pending.length === 0) return [];
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
  const migratedAt = clock.now();
  await db
    .insertInto('releases')
    .values({ version, migrated_at: migratedAt })
    .onConflict((oc) => oc.column('version').doUpdateSet({ migrated_at: migratedAt }))
    .execute();
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
