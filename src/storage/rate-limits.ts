import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** Fixed-window counters in the database, so limits hold across processes. */
export const rateLimitsStore = (db: Db) => ({
  /** Counts one event for `key` in the current window and returns the count so far. */
  async hit(key: string, now: number, windowMs: number): Promise<number> {
    const expired = now - windowMs;
    const r = await db
      .insertInto('rate_limits')
      .values({ key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.count + 1 end`,
          window_start: sql`case when rate_limits.window_start <= ${expired} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return r.count;
  },
  /** When the window of `key` ends (for "try again in N minutes"). */
  windowStart: async (key: string) =>
    (
      await db
        .selectFrom('rate_limits')
        .select('window_start')
        .where('key', '=', key)
        .executeTakeFirst()
    )?.window_start,
});

export type RateLimitsStore = ReturnType<typeof rateLimitsStore>;
