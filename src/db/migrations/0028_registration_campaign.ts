import type { Kysely } from 'kysely';

// Registration campaign (issue 21): how often each user has said "Not now" to
// setting up a stronger method, and until when they are not asked again; and,
// on a sign-in flow, that its user said it in this sign-in (a campaign that
// snoozes for 0 days still lets that sign-in finish). Only additions: an
// older node keeps working beside a newer one (it asks no one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaign_snoozes')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('snoozes', 'integer', (c) => c.notNull())
    .addColumn('snoozed_until', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('signin_flows')
    .addColumn('campaign_snoozed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
