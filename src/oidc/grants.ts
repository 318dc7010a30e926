// What oidc-provider keeps under a grant, deleted the same way wherever a
// grant ends (a reused code, a back-channel logout). No oidc-provider import:
// the server loads this at start, before the provider.
import type { Db } from '../db/index.ts';

/**
 * Deletes a grant and everything issued under it, the grant first (so
 * nothing more can be issued under it while the rest goes).
 */
export async function revokeGrant(db: Db, grantId: string): Promise<void> {
  await db
    .deleteFrom('oidc_payloads')
    .where('model', '=', 'Grant')
    .where('id', '=', grantId)
    .execute();
  await db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute();
}
