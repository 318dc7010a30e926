import type { Kysely } from 'kysely';

// The OAuth device authorization grant (RFC 8628, issue 22): a device polls
// the token endpoint while its user signs in elsewhere. One row per device
// code (by its hash) says when it may poll next and at what interval; a poll
// that comes sooner hears slow_down and the interval grows by five seconds
// (§3.5). A new table: an older node beside a newer one knows no device flow.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oauth_device_polls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}
