// Leases on periodic jobs: one node of a cluster at a time runs a job (the
// directory sync). A lease is taken when free or expired, renewed by its
// holder, and given back when the job ends; a holder that dies leaves it to
// expire. One statement each, so two nodes taking the same lease cannot both win.
import type { Db } from '../db/index.ts';

export const leasesStore = (db: Db) => ({
  /** Takes (or renews) `name` for `holder` until now + ttlMs; false when another holds it. */
  async take(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    const row = await db
      .insertInto('leases')
      .values({ name, holder, expires_at: now + ttlMs })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder, expires_at: now + ttlMs })
          .where((eb) =>
            eb.or([eb('leases.expires_at', '<=', now), eb('leases.holder', '=', holder)]),
          ),
      )
      .returning('holder')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Gives the lease back (only its holder can). */
  async release(name: string, holder: string): Promise<void> {
    await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
  },

  holder: (name: string, now: number) =>
    db
      .selectFrom('leases')
      .select(['holder', 'expires_at'])
      .where('name', '=', name)
      .where('expires_at', '>', now)
      .executeTakeFirst(),
});
