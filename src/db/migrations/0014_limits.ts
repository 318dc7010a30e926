import type { Kysely } from 'kysely';

// One table for every guessing limit (issue 15): a row per key ("password:<upn>",
// "code:<user id>", "attempt:<flow id>", "ip:<address>", …) counting consecutive
// failures, reservations in flight included (`inflight` says how many of them
// are still being judged). Each row carries the rule it was
// last reserved under, so one statement can reserve keys of different rules.
// `subject` is the lowercased UPN the key belongs to (an administrator's unlock
// clears them all); null for address keys. Replaces `throttles` (its counts
// are transient: starting them over on upgrade costs an attacker nothing).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('inflight', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_at', 'bigint', (c) => c.notNull())
    .addColumn('blocked_until', 'bigint', (c) => c.notNull())
    .addColumn('free', 'integer', (c) => c.notNull())
    .addColumn('lock_at', 'integer')
    .addColumn('reset_after', 'bigint')
    .execute();
  await db.schema.createIndex('limits_subject').on('limits').column('subject').execute();
  await db.schema.dropTable('throttles').execute();
}
