import type { Kysely } from 'kysely';

// Step-up: a sign-in flow can carry a requirement from the application it is
// for (multi-factor authentication whatever the user's state), and can start
// from an existing session's password instead of asking for it again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('signin_flows')
    .addColumn('require_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('signin_flows')
    .addColumn('step_up', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
