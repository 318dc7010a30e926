import { type Kysely, sql } from 'kysely';

// Portcullis Authenticator (PhoneAppNotification): the app's devices (a P-256
// public key and the hash of a device token), one-time activation codes, and
// sign-in requests approved on the device with number matching.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('authenticator_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint')
    .execute();

  await db.schema
    .createTable('authenticator_activations')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .execute();

  await db.schema
    .createTable('push_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('client_ip', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('resolved_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('push_requests_flow')
    .on('push_requests')
    .columns(['flow_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('push_requests_user')
    .on('push_requests')
    .columns(['user_id', 'created_at'])
    .execute();
  // MFA fatigue: at most one pending request per user, kept by the database.
  await db.schema
    .createIndex('push_requests_one_pending')
    .on('push_requests')
    .column('user_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}
