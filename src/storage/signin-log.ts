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

/** Every sign-in writes one: compiled once (src/db/prepared.ts). */
const insertEntry = prepared((db, slot) =>
  db
    .insertInto('signin_log')
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
