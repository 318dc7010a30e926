import { type Kysely, SqliteAdapter, sql } from 'kysely';

// The sign-in log in two parts behind one name (issue 20). Every check
// writes an entry, and the log's indexes by user and by user name put each
// entry on a page of its own: a commit of twenty entries rewrote some forty
// pages, most of a check's cost on SQLite. New entries now go to
// `signin_log_recent`, which has no index but its order of arrival, and are
// moved now and then, many at once, into `signin_log_kept` (the old table,
// renamed, with its indexes), where a page takes all of one user's entries
// of the batch (src/storage/signin-log.ts moveSigninLog). `signin_log` is a
// view of both, so every reader sees every entry the moment it commits, and
// an insert into it (an older node's) goes to the recent part. Nothing is
// lost between the two: a move is one transaction.

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
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const columns = COLUMNS.join(', ');
  const values = COLUMNS.map((c) => `new.${c}`).join(', ');
  await sql`alter table signin_log rename to signin_log_kept`.execute(db);
  await db.schema
    .createTable('signin_log_recent')
    .addColumn('seq', sqlite ? 'integer' : 'bigserial', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('upn', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('client_ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('application', 'text')
    .addColumn('front', 'text')
    .execute();
  // Ids are unique in the kept part (its key): here too, where they arrive in
  // time order (UUIDv7), so this index only ever grows at its end.
  await db.schema
    .createIndex('signin_log_recent_id')
    .on('signin_log_recent')
    .column('id')
    .unique()
    .execute();
  await sql
    .raw(
      `create view signin_log as select ${columns} from signin_log_kept union all select ${columns} from signin_log_recent`,
    )
    .execute(db);
  if (sqlite) {
    await sql
      .raw(
        `create trigger signin_log_insert instead of insert on signin_log begin insert into signin_log_recent (${columns}) values (${values}); end`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `create function portcullis_signin_log_insert() returns trigger language plpgsql as $$ begin insert into signin_log_recent (${columns}) values (${values}); return new; end $$`,
    )
    .execute(db);
  await sql`create trigger signin_log_insert instead of insert on signin_log for each row execute function portcullis_signin_log_insert()`.execute(
    db,
  );
}
