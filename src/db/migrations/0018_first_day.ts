import { type Kysely, SqliteAdapter, sql } from 'kysely';

// What a first day showed (issue 19).
// - A user's language is what they chose (`preferred_language`, now '' when
//   they chose none), else their browser's: `browser_language` keeps the one
//   their browser last asked for at sign-in, so texts, calls and emails sent
//   without a browser at hand speak it too.
// - Search ignores accents ("Dvorak" finds "Dvořák"): SQLite's trigram index
//   is rebuilt with remove_diacritics; PostgreSQL gets portcullis_fold(), an
//   immutable lower(unaccent()) (plain lower() where unaccent cannot be had),
//   with a trigram index on the folded display name.
// Only additions: an older node keeps working beside a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('browser_language', 'text').execute();
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`drop table users_search`.execute(db);
    await sql`create virtual table users_search using fts5(upn_normalized, display_name, content='users', content_rowid='rowid', tokenize='trigram case_sensitive 0 remove_diacritics 1')`.execute(
      db,
    );
    await sql`insert into users_search(users_search) values('rebuild')`.execute(db);
    return;
  }
  const unaccent = await extensionSchema(db, 'unaccent', 'unaccent');
  const body = unaccent
    ? `select lower(${quote(unaccent)}.unaccent('${quote(unaccent)}.unaccent'::regdictionary, $1))`
    : 'select lower($1)';
  await sql
    .raw(
      `create or replace function portcullis_fold(text) returns text language sql immutable parallel safe strict as $$ ${body} $$`,
    )
    .execute(db);
  const trgm = await extensionSchema(db, 'pg_trgm', 'gin_trgm_ops');
  if (trgm)
    await sql
      .raw(
        `create index users_search_folded on users using gin (portcullis_fold(display_name) ${quote(trgm)}.gin_trgm_ops)`,
      )
      .execute(db);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Where an extension's object lives (a function or operator class), creating it if allowed; null if unavailable. */
async function extensionSchema(
  db: Kysely<unknown>,
  extension: string,
  object: string,
): Promise<string | null> {
  const find = async () =>
    (
      await sql<{ nspname: string }>`
        select n.nspname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where p.proname = ${object}
        union all
        select n.nspname from pg_opclass c join pg_namespace n on n.oid = c.opcnamespace where c.opcname = ${object}
        limit 1`.execute(db)
    ).rows[0]?.nspname ?? null;
  const found = await find();
  if (found) return found;
  try {
    // A savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
    await sql`savepoint ext`.execute(db);
    await sql.raw(`create extension if not exists ${extension} with schema public`).execute(db);
    await sql`release savepoint ext`.execute(db);
  } catch {
    await sql`rollback to savepoint ext`.execute(db);
  }
  return find();
}
