import type { Db } from '../db/index.ts';
import type { SigninLogTable } from '../db/schema.ts';

export type SigninLogRow = SigninLogTable;

export interface SigninLogQuery {
  upn?: string;
  /** Cursor: entries strictly older than (at, id). */
  before?: { at: number; id: string };
  limit: number;
}

export const signinLogStore = (db: Db) => ({
  async record(row: SigninLogRow): Promise<void> {
    await db.insertInto('signin_log').values(row).execute();
  },

  list({ upn, before, limit }: SigninLogQuery): Promise<SigninLogRow[]> {
    let q = db
      .selectFrom('signin_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (upn) q = q.where('upn', '=', upn.toLowerCase());
    if (before) {
      q = q.where((eb) =>
        eb.or([
          eb('at', '<', before.at),
          eb.and([eb('at', '=', before.at), eb('id', '<', before.id)]),
        ]),
      );
    }
    return q.execute();
  },
});

export type SigninLogStore = ReturnType<typeof signinLogStore>;
