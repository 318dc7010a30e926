import { type Kysely, sql } from 'kysely';

// Provisioning and everyday user administration (issue 18).
// - Groups: made by hand, by SCIM or by the directory sync (`source`), with
//   members; a group may carry the administrator role (`admin_role`). A user's
//   `is_admin` stays the one column every check reads: it is kept equal to
//   `admin_direct` (the role given to the user themselves) or membership of a
//   group with the role, by services/admin-role.ts.
// - SCIM's own identifiers and the attributes Portcullis keeps without acting
//   on them (name parts, title, the enterprise extension) in `external_id` and
//   `profile` (JSON). A user's email and mobile number live in the columns the
//   directory sync already fills (`directory_mail`, `directory_mobile_sealed`):
//   they are the profile's, whoever sets them.
// - Invitations: a single-use link (only its hash kept) to set a password.
// - Mail: a persisted queue (kratos's courier): every message, its text sealed
//   until an SMTP server takes it (kept in the built-in outbox).
// Only additions: an older node keeps working beside a newer one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('admin_direct', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update users set admin_direct = is_admin`.execute(db);
  await db.schema.alterTable('users').addColumn('external_id', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('profile', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('users_external_id').on('users').column('external_id').execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('name_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('external_id', 'text')
    .addColumn('directory_id', 'text', (c) => c.unique())
    .addColumn('directory_dn', 'text')
    .addColumn('admin_role', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('group_members_user')
    .on('group_members')
    .columns(['user_id', 'group_id'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .execute();
  await db.schema.createIndex('invitations_user').on('invitations').column('user_id').execute();

  await db.schema
    .createTable('mail')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    // The text, sealed (an invitation's carries its link): kept by the built-in
    // outbox; for an SMTP server, until it has taken the message.
    .addColumn('body_sealed', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('mail_queue')
    .on('mail')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('mail_created').on('mail').column('created_at').execute();
}
