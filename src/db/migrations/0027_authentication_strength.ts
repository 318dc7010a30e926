import { type Kysely, sql } from 'kysely';

// Authentication strengths (issue 21): what an OpenID Connect application
// requires (`none`, `mfa`, `passwordless`, `phishing-resistant`), and what a
// sign-in flow started for it must meet. An application that required MFA
// requires the `mfa` strength. `require_mfa` stays and is kept in step (set
// when the strength is not `none`), so an older node beside a newer one still
// asks for MFA.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('strength', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await sql`update applications set strength = 'mfa' where require_mfa = 1`.execute(db);
  await db.schema
    .alterTable('signin_flows')
    .addColumn('strength', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
}
