import { type Kysely, SqliteAdapter, sql } from 'kysely';

// One number that every change a per-process cache depends on moves on, in
// the changing transaction itself (issue 20): a cache entry is good while the
// number is what it was when the entry was read, so a change holds on every
// node and worker from the moment it commits — not a second later. Triggers
// rather than code, so no writer can forget, an older node's included. Only
// columns a check reads count: stamping "last used" or "last sign-in" does
// not empty every cache. Only additions: an older node keeps working beside a
// newer one.
const WATCHED: Record<string, { columns?: string[]; insert: boolean }> = {
  users: {
    columns: [
      'upn',
      'upn_normalized',
      'display_name',
      'preferred_language',
      'mfa_state',
      'blocked',
      'must_change_password',
      'password_hash',
      'source',
      'directory_id',
    ],
    // A new user is in no cache (misses are not kept).
    insert: false,
  },
  app_passwords: {
    columns: ['user_id', 'name', 'secret_hash', 'scopes', 'expires_at'],
    insert: true,
  },
  applications: { insert: true },
  application_groups: { insert: true },
  group_members: { insert: true },
  settings: { insert: true },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cache_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into cache_epoch (id, n) values (1, 0)`.execute(db);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (!sqlite)
    await sql`create function portcullis_cache_epoch() returns trigger language plpgsql as $$ begin update cache_epoch set n = n + 1 where id = 1; return null; end $$`.execute(
      db,
    );
  for (const [table, watch] of Object.entries(WATCHED)) {
    const events = [
      ...(watch.insert ? ['insert'] : []),
      'delete',
      watch.columns ? `update of ${watch.columns.join(', ')}` : 'update',
    ];
    for (const event of events) {
      const name = `${table}_cache_epoch_${event.split(' ')[0]}`;
      await sql
        .raw(
          sqlite
            ? `create trigger ${name} after ${event} on ${table} begin update cache_epoch set n = n + 1 where id = 1; end`
            : `create trigger ${name} after ${event} on ${table} for each statement execute function portcullis_cache_epoch()`,
        )
        .execute(db);
    }
  }
}
