import type { Kysely } from 'kysely';

// Temporary Access Passes (issue 21): a pass an administrator issues so a
// user can sign in (and register methods) without any other method — on
// their first day, or after losing their phone. One per user: a new one
// replaces the old. Only the pass's HMAC is kept. A one-time pass is spent
// by one conditional update (`used_at`), so two sign-ins racing with it
// cannot both succeed. Only an addition: an older node keeps working beside
// a newer one (it does not offer passes).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('temporary_access_passes')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('pass_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('one_time', 'integer', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('temporary_access_passes_expires')
    .on('temporary_access_passes')
    .column('expires_at')
    .execute();
}
