import type { Db } from '../../db/index.ts';
import { isUniqueViolation } from '../../storage/errors.ts';

/** Used TOTP time steps: one row per (user, step), so a code is accepted once, ever. */
export const totpStepsStore = (db: Db) => ({
  /** Claims a step for a user; true only for the one caller whose insert won. */
  async claim(
    userId: string,
    step: number,
    at: number,
    flowId: string | null = null,
  ): Promise<boolean> {
    try {
      const r = await db
        .insertInto('totp_used_steps')
        .values({ user_id: userId, step, used_at: at, flow_id: flowId })
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

/** Which sign-in attempt used a step (to tell a double submission from a replay). */
export const stepUsedBy = async (db: Db, userId: string, step: number) =>
  (
    await db
      .selectFrom('totp_used_steps')
      .select('flow_id')
      .where('user_id', '=', userId)
      .where('step', '=', step)
      .executeTakeFirst()
  )?.flow_id ?? null;

export type TotpStepsStore = ReturnType<typeof totpStepsStore>;
