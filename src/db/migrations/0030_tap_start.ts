import type { Kysely } from 'kysely';

// A Temporary Access Pass may start later than it is issued (Microsoft
// Graph's startDateTime, issue 21): a pass for a new starter's first
// morning. Null: from its creation (passes issued before this). Only an
// addition; an older node beside a newer one does not know the start and
// would let such a pass in early — upgrade every node before issuing them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('temporary_access_passes').addColumn('starts_at', 'bigint').execute();
}
