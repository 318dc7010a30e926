import type { Db } from '../db/index.ts';
import type { SessionsTable } from '../db/schema.ts';

export type SessionRow = SessionsTable;

/** Server-side browser sessions, keyed by the hash of the cookie token. */
export const sessionsStore = (db: Db) => ({
  async insert(row: SessionRow): Promise<SessionRow> {
    await db.insertInto('sessions').values(row).execute();
    return row;
  },

  find: (idHash: string, now: number) =>
    db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst(),

  /**
   * Gives a session a new id (and applies changes) in one statement, so the old
   * cookie stops working the moment the new one is issued.
   */
  rotate: (oldHash: string, newHash: string, patch: Partial<Omit<SessionRow, 'id_hash'>>) =>
    db
      .updateTable('sessions')
      .set({ ...patch, id_hash: newHash })
      .where('id_hash', '=', oldHash)
      .returningAll()
      .executeTakeFirst(),

  /** Forgets a sign-in flow the session pointed at (no new id: nothing was gained). */
  async clearFlow(idHash: string, flowId: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ flow_id: null })
      .where('id_hash', '=', idHash)
      .where('flow_id', '=', flowId)
      .execute();
  },

  async delete(idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  },

  async deleteExpired(now: number): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  },
});

export type SessionsStore = ReturnType<typeof sessionsStore>;
