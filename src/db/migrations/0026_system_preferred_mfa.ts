import { type Kysely, sql } from 'kysely';

// System-preferred MFA (issue 21) is on by default for new installations. An
// installation that already has users keeps asking for each user's default
// method, as it did, until an administrator turns it on: the setting is
// written off into its service settings here. (A fresh database has no users
// when it is migrated, so it keeps the default.) Only data: an older node
// ignores the setting.
export async function up(db: Kysely<unknown>): Promise<void> {
  const users = await sql<{ n: number }>`select count(*) as n from users`.execute(db);
  if (Number(users.rows[0]?.n ?? 0) === 0) return;
  const row = await sql<{
    value: string;
  }>`select value from settings where key = 'service'`.execute(db);
  const value = row.rows[0] ? (JSON.parse(row.rows[0].value) as Record<string, unknown>) : null;
  if (value && 'systemPreferredMfa' in value) return;
  const next = JSON.stringify({ ...(value ?? {}), systemPreferredMfa: false });
  const now = Date.now();
  if (value)
    await sql`update settings set value = ${next}, updated_at = ${now} where key = 'service'`.execute(
      db,
    );
  else
    await sql`insert into settings (key, value, updated_at) values ('service', ${next}, ${now})`.execute(
      db,
    );
}
