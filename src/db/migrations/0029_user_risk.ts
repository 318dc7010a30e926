import type { Kysely } from 'kysely';

// User risk (issue 21): "report suspicious activity" raises a user's risk to
// high, as Microsoft's Identity Protection keeps it — its level, its state
// (at risk, remediated by a password change, dismissed by an administrator)
// and the detail of the last change, with when. Only additions: an older node
// keeps working beside a newer one (it only records fraud_reported_at).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('risk_level', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('risk_state', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema.alterTable('users').addColumn('risk_detail', 'text').execute();
  await db.schema.alterTable('users').addColumn('risk_at', 'bigint').execute();
}
