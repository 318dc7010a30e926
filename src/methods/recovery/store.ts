import type { Db } from '../../db/index.ts';

/** A user's set of recovery codes (hashes only); each code is consumed once. */
export const recoveryCodesStore = (db: Db) => ({
  /**
   * Replaces the user's set: the old codes stop working. Run it in the caller's
   * transaction (with whatever else the replacement changes).
   */
  async replace(userId: string, hashes: readonly string[], at: number): Promise<void> {
    await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await db
      .insertInto('recovery_codes')
      .values(
        hashes.map((code_hash) => ({
          user_id: userId,
          code_hash,
          created_at: at,
          used_at: null,
          flow_id: null,
        })),
      )
      .execute();
  },

  /** Uses a code: true only for the one caller whose conditional update won. */
  async consume(userId: string, hash: string, at: number, flowId: string): Promise<boolean> {
    const r = await db
      .updateTable('recovery_codes')
      .set({ used_at: at, flow_id: flowId })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .returning('code_hash')
      .executeTakeFirst();
    return r !== undefined;
  },

  /** A code of the set that was already used, and by which attempt; undefined if not in the set. */
  used: (userId: string, hash: string) =>
    db
      .selectFrom('recovery_codes')
      .select(['used_at', 'flow_id'])
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is not', null)
      .executeTakeFirst(),

  /** Whether the user has a set (used or not). */
  hasSet: async (userId: string) =>
    (await db
      .selectFrom('recovery_codes')
      .select('user_id')
      .where('user_id', '=', userId)
      .limit(1)
      .executeTakeFirst()) !== undefined,

  /** How many codes of the user's set are still unused. */
  async remaining(userId: string): Promise<number> {
    const r = await db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
});

export type RecoveryCodesStore = ReturnType<typeof recoveryCodesStore>;
