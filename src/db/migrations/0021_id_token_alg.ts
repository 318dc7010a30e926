import type { Kysely } from 'kysely';

// ID tokens signed with ES256 as well as RS256, chosen per OpenID Connect
// client (issue 20). Existing clients keep RS256. Only an addition: an older
// node keeps working beside a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('id_token_alg', 'text', (c) => c.notNull().defaultTo('RS256'))
    .execute();
}
