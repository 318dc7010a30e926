import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { WriteNow } from '../db/sqlite-dialect.ts';

const epochQuery = prepared((db) =>
  db.selectFrom('cache_epoch').select('n').where('id', '=', sql.lit(1)),
);

/** The cache epoch now (migration 0022): read on every check, so one prepared statement. */
export const readCacheEpoch = async (db: Db): Promise<number> =>
  Number((await epochQuery(db, 0, [])).rows[0]?.n ?? 0);

/** The cache epoch, read at once inside a SQLite group commit (`runNow`): current until it commits. */
export const cacheEpochNow = (w: WriteNow): number => Number(epochQuery.now(w, 0, [])[0]?.n ?? 0);
