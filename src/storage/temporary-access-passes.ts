import type { Db } from '../db/index.ts';
import type { TemporaryAccessPassesTable } from '../db/schema.ts';

export type TemporaryAccessPassRow = TemporaryAccessPassesTable;

/**
 * Users' Temporary Access Passes, one per user. Spending one is a single
 * conditional update (STYLE.md, principle 4): of two sign-ins racing with a
 * one-time pass, one gets the row back.
 */
export const temporaryAccessPassesStore = (db: Db) => ({
  find: (userId: string) =>
    db
      .selectFrom('temporary_access_passes')
      .selectAll()
      .where('user_id', '=', userId)
      .executeTakeFirst(),

  /** Stores a new pass, replacing the user's earlier one (one statement: two at once, the last wins). */
  async put(row: TemporaryAccessPassRow): Promise<void> {
    const { user_id: _, ...rest } = row;
    await db
      .insertInto('temporary_access_passes')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(rest))
      .execute();
  },

  /**
   * Uses the pass `id` to sign in: started, unexpired, and unspent if it is one-time.
   * Whether this caller did.
   */
  async use(userId: string, id: string, now: number): Promise<boolean> {
    const r = await db
      .updateTable('temporary_access_passes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', now)]))
      .where((eb) => eb.or([eb('one_time', '=', 0), eb('used_at', 'is', null)]))
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  remove: (userId: string) =>
    db
      .deleteFrom('temporary_access_passes')
      .where('user_id', '=', userId)
      .returningAll()
      .executeTakeFirst(),

  /** Removes the passes that have expired, returning them. */
  removeExpired: (now: number) =>
    db
      .deleteFrom('temporary_access_passes')
      .where('expires_at', '<=', now)
      .returningAll()
      .execute(),
});
