import type { Kysely } from 'kysely';

// Security info: when the session last proved a second factor (changes to
// methods need one within minutes); a sign-in that asked to remember this
// device; when an Enabled user first postponed registration (enrolment grace).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('mfa_at', 'bigint').execute();
  await db.schema
    .alterTable('signin_flows')
    .addColumn('remember_device', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('signin_flows')
    .addColumn('proofup_postponed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('proofup_postponed_at', 'bigint').execute();
}
