import type { Db } from '../db/index.ts';
import type { RadiusStatesTable } from '../db/schema.ts';

export type RadiusStateRow = RadiusStatesTable;

/**
 * The RADIUS front's state in the database, so every node (and every worker
 * sharing the UDP port) sees it: Access-Challenge States, used once, and the
 * Access-Requests being answered, so a retransmission is answered once.
 * Every change is one conditional statement (STYLE.md, principle 4).
 */
export const radiusStore = (db: Db) => ({
  async addState(row: RadiusStateRow): Promise<void> {
    await db.insertInto('radius_states').values(row).execute();
  },

  /** Uses a State once, before it expires: the one caller that gets the row back won. */
  useState: (stateHash: string, now: number) =>
    db
      .updateTable('radius_states')
      .set({ used_at: now })
      .where('state_hash', '=', stateHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst(),

  /**
   * Claims an Access-Request for this worker: true for the one that answers
   * it; false when another has (it is under way, or answered: see `reply`).
   * A claim that expired is taken over.
   */
  async claimRequest(key: string, now: number, expiresAt: number): Promise<boolean> {
    const r = await db
      .insertInto('radius_requests')
      .values({ key, reply: null, created_at: now, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ reply: null, created_at: now, expires_at: expiresAt })
          .where('radius_requests.expires_at', '<=', now),
      )
      .returning('key')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** The reply to a claimed request (base64), or null while it is being worked on. */
  reply: async (key: string) =>
    (
      await db
        .selectFrom('radius_requests')
        .select('reply')
        .where('key', '=', key)
        .executeTakeFirst()
    )?.reply ?? null,

  async answer(key: string, reply: string): Promise<void> {
    await db.updateTable('radius_requests').set({ reply }).where('key', '=', key).execute();
  },

  /** Gives a claim up (the work failed before an answer): a retransmission starts it again. */
  async release(key: string): Promise<void> {
    await db
      .deleteFrom('radius_requests')
      .where('key', '=', key)
      .where('reply', 'is', null)
      .execute();
  },

  /** Housekeeping: States and requests past their life. */
  async sweep(now: number): Promise<void> {
    await db.deleteFrom('radius_states').where('expires_at', '<', now).execute();
    await db.deleteFrom('radius_requests').where('expires_at', '<', now).execute();
  },
});
