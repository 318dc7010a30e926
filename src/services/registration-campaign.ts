// The registration campaign's memory of each user's "Not now" (the campaign
// itself is part of the methods policy: src/policy/methods-policy.ts), and
// how many users still rely on texts and calls alone.
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { catalogue } from '../methods/catalogue.ts';

const DAY_MS = 86_400_000;

/** MethodTypes that reach the user through the telephony provider (texts and calls). */
export const TELEPHONY_METHODS = catalogue.filter((m) => m.telephony).map((m) => m.id);

export interface Snooze {
  snoozes: number;
  snoozedUntil: number;
}

/** How often a user has said "Not now", and until when; none yet: zero. */
export async function snoozeOf(db: Db, userId: string): Promise<Snooze> {
  const row = await db
    .selectFrom('campaign_snoozes')
    .select(['snoozes', 'snoozed_until'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { snoozes: Number(row?.snoozes ?? 0), snoozedUntil: Number(row?.snoozed_until ?? 0) };
}

/**
 * Records one more "Not now", unless the user has used up `limit` of them (0:
 * no limit): counted and judged in one statement, so two at once from two
 * sign-ins cannot both pass the last one. Whether it was recorded.
 */
export async function recordSnooze(
  db: Db,
  userId: string,
  days: number,
  now: number,
  limit: number,
): Promise<boolean> {
  const until = now + days * DAY_MS;
  const row = await db
    .insertInto('campaign_snoozes')
    .values({ user_id: userId, snoozes: 1, snoozed_until: until })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ snoozes: sql`campaign_snoozes.snoozes + 1`, snoozed_until: until })
        .where(sql<boolean>`${limit} = 0 or campaign_snoozes.snoozes < ${limit}`),
    )
    .returning('snoozes')
    .executeTakeFirst();
  return row !== undefined;
}
