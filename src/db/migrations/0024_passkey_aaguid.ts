import type { Kysely } from 'kysely';

// The model of each passkey's authenticator (its AAGUID), kept at
// registration, so the methods policy's list of allowed models holds at
// sign-in too (issue 21). Only an addition: an older node keeps working
// beside a newer one. Passkeys registered before have none (unknown model).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('passkeys').addColumn('aaguid', 'text').execute();
}
