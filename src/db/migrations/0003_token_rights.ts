import type { Kysely } from 'kysely';

// Admin API tokens carry rights beyond the basic admin API, e.g. "personal-data"
// (full phone numbers instead of masked ones).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('rights', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
