import type { Kysely } from 'kysely';

// Which Portcullis versions have migrated this database, and when: `portcullis
// migrate --check` shows the last, and an older node that finds a newer schema
// names the version it must be upgraded to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('migrated_at', 'bigint', (c) => c.notNull())
    .execute();
}
