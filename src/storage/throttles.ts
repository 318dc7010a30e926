import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/**
 * Failure counters per key (e.g. "password:alice@contoso.com"). Kept in the
 * database so limits hold across processes and restarts; the increment is one
 * upsert, so concurrent failures are all counted.
 */
export const throttlesStore = (db: Db) => ({
  /** When the key may be tried again; undefined when no failure is on record. */
  blockedUntil: async (key: string): Promise<number | undefined> => {
    const r = await db
      .selectFrom('throttles')
      .select('blocked_until')
      .where('key', '=', key)
      .executeTakeFirst();
    return r?.blocked_until;
  },

  /** blockedUntil for several keys in one query (keys without failures are absent). */
  blockedUntilMany: async (keys: readonly string[]): Promise<Map<string, number>> => {
    const rows = await db
      .selectFrom('throttles')
      .select(['key', 'blocked_until'])
      .where('key', 'in', keys)
      .execute();
    return new Map(rows.map((r) => [r.key, r.blocked_until]));
  },

  /** Counts a failure (restarting the count after `resetBefore`) and returns the new total. */
  async increment(key: string, now: number, resetBefore: number): Promise<number> {
    const r = await db
      .insertInto('throttles')
      .values({ key, failures: 1, last_failure_at: now, blocked_until: 0 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql`case when throttles.last_failure_at < ${resetBefore} then 1 else throttles.failures + 1 end`,
          last_failure_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return r.failures;
  },

  async block(key: string, until: number): Promise<void> {
    await db
      .updateTable('throttles')
      .set({ blocked_until: until })
      .where('key', '=', key)
      .execute();
  },

  async clear(key: string): Promise<void> {
    await db.deleteFrom('throttles').where('key', '=', key).execute();
  },
});

export type ThrottlesStore = ReturnType<typeof throttlesStore>;
