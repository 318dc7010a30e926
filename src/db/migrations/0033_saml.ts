import type { Kysely } from 'kysely';

// SAML 2.0 identity provider (issue 22; docs/design/saml-idp.md).
// - saml_keys: the IdP's signing keys (RSA, sealed like the OpenID Connect
//   keys) with a self-signed certificate each (public: service providers pin
//   its exact bytes). A key is published from its creation and signs from
//   `signs_from`, so a rotation shows the next certificate in the metadata
//   before any response is signed with it.
// - saml_service_providers: what a SAML application's metadata said (entity
//   id, where responses go, its certificates), one row per application.
// - saml_requests: sign-ons under way (an AuthnRequest checked, the user
//   still signing in), kept until they expire even once answered: the
//   unique (application, request id) refuses a replayed request on every node.
// Only additions: an older node beside a newer one ignores them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('saml_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('cert_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('signs_from', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('saml_service_providers')
    .addColumn('application_id', 'text', (c) => c.primaryKey())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    // JSON: [{ url, index, isDefault }] (HTTP-POST only).
    .addColumn('acs', 'text', (c) => c.notNull())
    // JSON: [{ url, binding, responseUrl }].
    .addColumn('slo', 'text', (c) => c.notNull())
    // JSON: the SP's signing certificates (PEM), for its requests.
    .addColumn('signing_certs', 'text', (c) => c.notNull())
    .addColumn('encryption_cert', 'text')
    .addColumn('name_id_format', 'text', (c) => c.notNull())
    .addColumn('want_requests_signed', 'integer', (c) => c.notNull())
    .addColumn('sign', 'text', (c) => c.notNull())
    .addColumn('encrypt_assertion', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saml_service_providers_entity_id')
    .on('saml_service_providers')
    .column('entity_id')
    .unique()
    .execute();
  await db.schema
    .createTable('saml_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull())
    // The AuthnRequest's ID; null for IdP-initiated sign-on.
    .addColumn('request_id', 'text')
    // JSON: what the request asked (src/saml/requests.ts PendingSignOn).
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // When its response was sent (kept until expiry: a replay still finds it).
    .addColumn('answered_at', 'bigint')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('saml_requests_replay')
    .on('saml_requests')
    .columns(['application_id', 'request_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('saml_requests_expiry')
    .on('saml_requests')
    .column('expires_at')
    .execute();
}
