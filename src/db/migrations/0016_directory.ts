import type { Kysely } from 'kysely';

// Users from a directory (issue 17). `source` says where a user and their
// password come from: `local` (the hash in password_hash) or `directory` (an
// LDAP entry, found again by `directory_id`, checked by binding as
// `directory_dn`; password_hash stays empty). `blocked_by` tells a block by an
// administrator from one by the directory (an account disabled or gone there),
// which only the directory lifts; `directory_blocked_at` dates the latter, for
// deletion after PORTCULLIS_DIRECTORY_DELETE_AFTER_DAYS. `directory_state` is
// the MFA state the directory's groups last gave: a state still equal to it was
// not set by hand. Sync runs are recorded for the portal, and `leases` lets one
// node at a time run a periodic job. Only additions: an older node keeps working.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('local'))
    .execute();
  for (const [name, type] of [
    ['directory_id', 'text'],
    ['directory_dn', 'text'],
    ['directory_mail', 'text'],
    ['directory_mobile_sealed', 'text'],
    ['directory_state', 'text'],
    ['blocked_by', 'text'],
    ['directory_blocked_at', 'bigint'],
  ] as const)
    await db.schema.alterTable('users').addColumn(name, type).execute();
  await db.schema
    .createIndex('users_directory_id')
    .on('users')
    .column('directory_id')
    .unique()
    .execute();
  await db.schema
    .createTable('directory_sync_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unblocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('directory_sync_runs_started')
    .on('directory_sync_runs')
    .column('started_at')
    .execute();
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}
