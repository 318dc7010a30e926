import type { Kysely } from 'kysely';

// Web Push: one push subscription per Portcullis Authenticator device (its
// push service endpoint and the keys its notifications are encrypted to).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authenticator_push_subscriptions')
    .addColumn('device_id', 'text', (c) =>
      c.primaryKey().references('authenticator_devices.id').onDelete('cascade'),
    )
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
