import type { Kysely } from 'kysely';

// RADIUS MFA for VPNs (issue 20, item 5).
// - `applications.radius_mode`: `app-password` (what the RADIUS front always did:
//   an app password, or the account password where the MFA state allows) or
//   `mfa` (the account password, then the user's second factor: an
//   Access-Challenge for a code, or an approval on the phone).
// - `applications.radius_message_authenticator`: 1 (the default, as before)
//   drops Access-Requests without a Message-Authenticator (Blast-RADIUS,
//   CVE-2024-3596); 0 accepts them from clients too old to send one.
// - `radius_states`: the State of each Access-Challenge (only its hash), bound
//   to the user, the application and the sign-in attempt, used once.
// - `radius_requests`: the Access-Requests being answered or answered a moment
//   ago, so a retransmission (same client, identifier and authenticator; RFC
//   5080 §2.2.2) is answered from the same work on any node, never started again.
// Only additions: an older node keeps working beside a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('radius_mode', 'text', (c) => c.notNull().defaultTo('app-password'))
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('radius_message_authenticator', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('radius_states')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('flow_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('radius_states_expires')
    .on('radius_states')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('radius_requests')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('reply', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('radius_requests_expires')
    .on('radius_requests')
    .column('expires_at')
    .execute();
}
