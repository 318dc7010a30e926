import { type Kysely, sql } from 'kysely';

// Search-then-bind for legacy applications (issue 20, item 3).
// - An application's LDAP service account: only a keyed hash of its secret
//   (HMAC-SHA-256 under the credential key, as app passwords: the secret is
//   random and long, so a slow hash adds nothing), and when it was made.
// - Who may use an application (Microsoft's "assignment required"): the flag,
//   and the groups whose members may. The flag is kept apart from the list so
//   that deleting an application's last group leaves it closed to everyone,
//   never open to all.
// - A user's mail (the directory's or SCIM's, else the UPN) is searched for by
//   equality, case-insensitively: an index on lower(directory_mail).
// Only additions: an older node keeps working beside a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('ldap_service_hash', 'text').execute();
  await db.schema
    .alterTable('applications')
    .addColumn('ldap_service_created_at', 'bigint')
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('assignment_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('application_groups')
    .addColumn('application_id', 'text', (c) =>
      c.notNull().references('applications.id').onDelete('cascade'),
    )
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_groups_pk', ['application_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('application_groups_group')
    .on('application_groups')
    .column('group_id')
    .execute();
  await db.schema
    .createIndex('users_directory_mail')
    .on('users')
    .expression(sql`lower(directory_mail)`)
    .execute();
}
