import type { Kysely } from 'kysely';

// OpenID Connect: everything oidc-provider keeps (sessions, grants, codes,
// tokens, interactions) in one table through one adapter; the signing keys,
// sealed, shared by every node; applications that are OpenID Connect clients.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_payloads')
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text')
    .addColumn('uid', 'text')
    .addColumn('user_code', 'text')
    .addColumn('expires_at', 'bigint')
    .addColumn('consumed_at', 'bigint')
    .addPrimaryKeyConstraint('oidc_payloads_pk', ['model', 'id'])
    .execute();
  await db.schema
    .createIndex('oidc_payloads_grant')
    .on('oidc_payloads')
    .column('grant_id')
    .execute();
  await db.schema
    .createIndex('oidc_payloads_uid')
    .on('oidc_payloads')
    .columns(['model', 'uid'])
    .execute();
  await db.schema
    .createIndex('oidc_payloads_user_code')
    .on('oidc_payloads')
    .columns(['model', 'user_code'])
    .execute();
  await db.schema
    .createIndex('oidc_payloads_expires')
    .on('oidc_payloads')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('alg', 'text', (c) => c.notNull())
    .addColumn('jwk_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Set when a newer key took over; the key stays in the JWKS until its tokens expire.
    .addColumn('retired_at', 'bigint')
    .execute();

  for (const [name, type, dflt] of [
    ['redirect_uris', 'text', '[]'],
    ['post_logout_redirect_uris', 'text', '[]'],
    ['grant_types', 'text', '[]'],
  ] as const)
    await db.schema
      .alterTable('applications')
      .addColumn(name, type, (c) => c.notNull().defaultTo(dflt))
      .execute();
  await db.schema.alterTable('applications').addColumn('client_secret_sealed', 'text').execute();
  await db.schema
    .alterTable('applications')
    .addColumn('require_mfa', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('applications')
    .addColumn('first_party', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
