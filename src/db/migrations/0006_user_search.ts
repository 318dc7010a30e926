import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Searching users by part of the name or user name stays fast at 100,000
// users: a trigram index finds the few matches of a rare term at once. SQLite:
// an FTS5 trigram table kept in step with users by triggers. PostgreSQL:
// pg_trgm GIN indexes, when the extension can be had (without it, search still
// works, by scanning).
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    await sql`create virtual table users_search using fts5(upn_normalized, display_name, content='users', content_rowid='rowid', tokenize='trigram case_sensitive 0')`.execute(
      db,
    );
    await sql`insert into users_search(users_search) values('rebuild')`.execute(db);
    await sql`create trigger users_search_insert after insert on users begin
      insert into users_search(rowid, upn_normalized, display_name) values (new.rowid, new.upn_normalized, new.display_name);
    end`.execute(db);
    await sql`create trigger users_search_delete after delete on users begin
      insert into users_search(users_search, rowid, upn_normalized, display_name) values ('delete', old.rowid, old.upn_normalized, old.display_name);
    end`.execute(db);
    await sql`create trigger users_search_update after update of upn_normalized, display_name on users begin
      insert into users_search(users_search, rowid, upn_normalized, display_name) values ('delete', old.rowid, old.upn_normalized, old.display_name);
      insert into users_search(rowid, upn_normalized, display_name) values (new.rowid, new.upn_normalized, new.display_name);
    end`.execute(db);
    return;
  }
  const schema = await trigramSchema(db);
  if (!schema) return;
  const ops = sql.raw(`"${schema.replace(/"/g, '""')}".gin_trgm_ops`);
  await sql`create index users_search_upn on users using gin (upn_normalized ${ops})`.execute(db);
  await sql`create index users_search_name on users using gin (lower(display_name) ${ops})`.execute(
    db,
  );
}

/** Where pg_trgm's operator class lives, creating the extension if allowed; null if unavailable. */
async function trigramSchema(db: Kysely<unknown>): Promise<string | null> {
  const find = async () =>
    (
      await sql<{
        nspname: string;
      }>`select n.nspname from pg_opclass c join pg_namespace n on n.oid = c.opcnamespace where c.opcname = 'gin_trgm_ops' limit 1`.execute(
        db,
      )
    ).rows[0]?.nspname ?? null;
  const found = await find();
  if (found) return found;
  try {
    // A savepoint: a refused CREATE EXTENSION must not abort the migration's transaction.
    await sql`savepoint trgm`.execute(db);
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
    await sql`release savepoint trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint trgm`.execute(db);
  }
  return find();
}
