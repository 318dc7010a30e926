import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { prepared } from '../db/prepared.ts';
import type { SigninLogTable } from '../db/schema.ts';
import type { WriteNow } from '../db/sqlite-dialect.ts';

export type SigninLogRow = SigninLogTable;

export interface SigninLogQuery {
  upn?: string;
  result?: SigninLogRow['result'];
  method?: string;
  application?: string;
  front?: string;
  /** Time range, inclusive, in ms. */
  since?: number;
  until?: number;
  /** Cursor: entries strictly older than (at, id). */
  before?: { at: number; id: string };
  limit: number;
}

/** The columns of an entry, in the order the insert below binds them. */
const COLUMNS = [
  'id',
  'at',
  'upn',
  'user_id',
  'result',
  'reason',
  'method',
  'client_ip',
  'user_agent',
  'application',
  'front',
] as const satisfies readonly (keyof SigninLogRow)[];

/** A column added to the table and not to COLUMNS fails to compile here. */
const everyColumn: Record<Exclude<keyof SigninLogRow, (typeof COLUMNS)[number]>, never> = {};
void everyColumn;

/** Every sign-in writes one, to the log's recent part (migration 0023): compiled once (src/db/prepared.ts). */
const insertEntry = prepared((db, slot) =>
  db
    .insertInto('signin_log_recent')
    .values(Object.fromEntries(COLUMNS.map((c, i) => [c, slot(i)])) as unknown as SigninLogRow),
);

/** An entry written at once inside a SQLite group commit (`runNow`). */
export const recordSigninNow = (w: WriteNow, row: SigninLogRow): void =>
  void insertEntry.now(
    w,
    0,
    COLUMNS.map((c) => row[c]),
  );

export const signinLogStore = (db: Db) => ({
  async record(row: SigninLogRow): Promise<void> {
    await insertEntry(
      db,
      0,
      COLUMNS.map((c) => row[c]),
    );
  },

  list({
    upn,
    result,
    method,
    application,
    front,
    since,
    until,
    before,
    limit,
  }: SigninLogQuery): Promise<SigninLogRow[]> {
    let q = db
      .selectFrom('signin_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit);
    if (upn) q = q.where('upn', '=', upn.toLowerCase());
    if (result) q = q.where('result', '=', result);
    if (method) q = q.where('method', '=', method);
    if (application) q = q.where('application', '=', application);
    if (front) q = q.where('front', '=', front);
    if (since !== undefined) q = q.where('at', '>=', since);
    if (until !== undefined) q = q.where('at', '<=', until);
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

/** Entries one move takes at most: a short transaction, while checks wait to write. */
export const MOVE_BATCH = 5000;

/**
 * Moves the log's recent entries into its kept part (migration 0023), the
 * oldest first, in transactions of at most MOVE_BATCH; returns how many it
 * moved. Readers see each entry in one part or the other, never both and
 * never neither. On SQLite a move holds the write lock, so what it copies is
 * what it deletes; on PostgreSQL the deleted rows are the rows copied, in one
 * statement.
 */
export async function moveSigninLog(db: Db, dialect: 'sqlite' | 'postgres'): Promise<number> {
  const list = COLUMNS.join(', ');
  let moved = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const first = await trx
        .selectFrom('signin_log_recent')
        .select((eb) => eb.fn.min('seq').as('seq'))
        .executeTakeFirst();
      if (first?.seq === null || first?.seq === undefined) return 0;
      const upTo = Number(first.seq) + MOVE_BATCH - 1;
      if (dialect === 'postgres') {
        const r = await sql
          .raw(
            `with moved as (delete from signin_log_recent where seq <= ${upTo} returning ${list}) insert into signin_log_kept (${list}) select ${list} from moved`,
          )
          .execute(trx);
        return Number(r.numAffectedRows ?? 0);
      }
      const r = await sql
        .raw(
          `insert into signin_log_kept (${list}) select ${list} from signin_log_recent where seq <= ${upTo} order by seq`,
        )
        .execute(trx);
      await trx.deleteFrom('signin_log_recent').where('seq', '<=', upTo).execute();
      return Number(r.numAffectedRows ?? 0);
    });
    moved += n;
    if (n < MOVE_BATCH) return moved;
    // Checks waiting to write go first (on SQLite nothing above yields to them).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
