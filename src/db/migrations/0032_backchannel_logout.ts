import type { Kysely } from 'kysely';

// OpenID Connect Back-Channel Logout 1.0 (issue 22): signing out of
// Portcullis, or an administrator ending a user's sessions, signs them out of
// the applications that registered a back-channel logout URI.
// - applications.backchannel_logout_uri: where its logout tokens go.
// - oidc_payloads.account_id and login_ts: whose provider session a record
//   is, and the sign-in it came from (found without reading every payload).
//   Sessions stored before this have neither: they simply expire.
// - oidc_logouts: provider sessions ended (deleted in the transaction that
//   ended the Portcullis sessions they came from), with what their
//   applications are to be told; each node sends what it claims.
// Only additions: an older node beside a newer one ignores them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('backchannel_logout_uri', 'text').execute();
  await db.schema.alterTable('oidc_payloads').addColumn('account_id', 'text').execute();
  await db.schema.alterTable('oidc_payloads').addColumn('login_ts', 'bigint').execute();
  await db.schema
    .createIndex('oidc_payloads_account')
    .on('oidc_payloads')
    .columns(['account_id', 'model'])
    .execute();
  await db.schema
    .createTable('oidc_logouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // JSON: each ended session's applications ({ clientId, sid, grantId, persistsLogout }).
    .addColumn('sessions', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}
