import type { Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../storage/errors.ts';

/** Used TOTP time steps: one row per (user, step), so a code is accepted once, ever. */
export const totpStepsStore = (db: Db) => ({
  /** Claims a step for a user; true only for the one caller whose insert won. */
  async claim(userId: string, step: number, at: number): Promise<boolean> {
    try {
      const r = await db
        .insertInto('totp_used_steps')
        .values({ user_id: userId, step, used_at: at })
        .onConflict((oc) => oc.columns(['user_id', 'step']).doNothing())
        .returning('step')
        .executeTakeFirst();
      return r !== undefined;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  },
});

export type TotpStepsStore = ReturnType<typeof totpStepsStore>;
