import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';

const epochQuery = prepared((db) =>
  db.selectFrom('cache_epoch').select('n').where('id', '=', sql.lit(1)),
);

/** The cache epoch now (migration 0022): read on every check, so one prepared statement. */
export const readCacheEpoch = async (db: Db): Promise<number> =>
  Number((await epochQuery(db, 0, [])).rows[0]?.n ?? 0);
