import type { Kysely } from 'kysely';

// Administration: where an audited action came from, token scopes, a password
// the user must change at next sign-in (admin reset), and remembered devices
// (filled by the "remember MFA on this device" work; admins can already count
// and forget them).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('ip', 'text').execute();
  // The target's UPN as it was: the entry outlives the user.
  await db.schema.alterTable('audit_log').addColumn('target', 'text').execute();
  await db.schema
    .createIndex('audit_log_target')
    .on('audit_log')
    .columns(['target_user_id', 'at'])
    .execute();

  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('read-write'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('created_by', 'text').execute();

  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('remembered_devices_not_before', 'bigint')
    .execute();

  await db.schema
    .createTable('remembered_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('remembered_devices_user')
    .on('remembered_devices')
    .column('user_id')
    .execute();

  // Sign-in log filters (result, application) scan by time; the user filter has its index.
  await db.schema.createIndex('signin_log_upn').on('signin_log').columns(['upn', 'at']).execute();
}
