// SAML applications (kind 'saml'): registered from a service provider's
// metadata, or from an entity id and ACS URL; what a sign-on needs of them.
import type { AppContext } from '../context.ts';
import type { ApplicationsTable, SamlServiceProvidersTable } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { parseAppStrength, stronger } from '../policy/strength.ts';
import { NAMEID, NAMEID_FORMATS, type NameIdFormat } from '../saml/constants.ts';
import type { SamlAcs, SamlSlo, SpMetadata } from '../saml/metadata.ts';
import type { ApplicationView } from './applications.ts';
import { parseRedirectUri, toApplicationView } from './applications.ts';
import { type Actor, audit } from './audit.ts';
import { printable } from './validation.ts';

export const SAML_SIGN_MODES = ['response', 'assertion', 'both'] as const;
export type SamlSignMode = (typeof SAML_SIGN_MODES)[number];

/** What a SAML application's view adds (ApplicationView.saml). */
export interface SamlView {
  entityId: string;
  acsUrls: string[];
  sloUrls: string[];
  nameIdFormat: NameIdFormat;
  sign: SamlSignMode;
  encryptAssertion: boolean;
  /** Its AuthnRequests must be signed (with one of its certificates). */
  wantRequestsSigned: boolean;
  signingCertificates: number;
}

/** A service provider, as a sign-on reads it. */
export interface ServiceProvider {
  applicationId: string;
  entityId: string;
  acs: SamlAcs[];
  slo: SamlSlo[];
  signingCerts: string[];
  encryptionCert: string | null;
  nameIdFormat: NameIdFormat;
  wantRequestsSigned: boolean;
  sign: SamlSignMode;
  encryptAssertion: boolean;
}

export const toServiceProvider = (r: SamlServiceProvidersTable): ServiceProvider => ({
  applicationId: r.application_id,
  entityId: r.entity_id,
  acs: JSON.parse(r.acs) as SamlAcs[],
  slo: JSON.parse(r.slo) as SamlSlo[],
  signingCerts: JSON.parse(r.signing_certs) as string[],
  encryptionCert: r.encryption_cert,
  nameIdFormat: r.name_id_format as NameIdFormat,
  wantRequestsSigned: r.want_requests_signed === 1,
  sign: r.sign as SamlSignMode,
  encryptAssertion: r.encrypt_assertion === 1,
});

export const toSamlView = (sp: ServiceProvider): SamlView => ({
  entityId: sp.entityId,
  acsUrls: sp.acs.map((a) => a.url),
  sloUrls: sp.slo.map((s) => s.url),
  nameIdFormat: sp.nameIdFormat,
  sign: sp.sign,
  encryptAssertion: sp.encryptAssertion,
  wantRequestsSigned: sp.wantRequestsSigned,
  signingCertificates: sp.signingCerts.length,
});

/** The service providers of these applications, by application id. */
export async function serviceProvidersOf(
  ctx: AppContext,
  ids: readonly string[],
): Promise<Map<string, ServiceProvider>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('saml_service_providers')
    .selectAll()
    .where('application_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.application_id, toServiceProvider(r)]));
}

/** The application and service provider an entity id names, as of the data cache. */
export const findServiceProvider = (ctx: AppContext, entityId: string) =>
  ctx.dataCache.get(`saml-sp:${entityId.slice(0, 512)}`, async () => {
    const row = await ctx.db
      .selectFrom('saml_service_providers')
      .innerJoin('applications', 'applications.id', 'saml_service_providers.application_id')
      .selectAll('saml_service_providers')
      .select(['applications.name', 'applications.require_mfa', 'applications.strength'])
      .where('saml_service_providers.entity_id', '=', entityId.slice(0, 512))
      .executeTakeFirst();
    return row && { sp: toServiceProvider(row), app: row };
  });

export interface SamlAppInput {
  name: string;
  /** The service provider's metadata (XML); or entityId and acsUrls. */
  metadata?: string;
  entityId?: string;
  acsUrls?: readonly string[];
  /** Its Single Logout URL (HTTP-Redirect), without metadata. */
  sloUrl?: string;
  /** PEM certificates its AuthnRequests are signed with, without metadata. */
  signingCertificates?: readonly string[];
  requireMfa?: boolean;
  strength?: string;
  nameIdFormat?: string;
  sign?: string;
  encryptAssertion?: boolean;
  /** Refuse unsigned AuthnRequests (default: what the metadata says, else whether it has certificates). */
  wantRequestsSigned?: boolean;
}

const bad = (detail: string) => new AppError('invalid_request', { detail });

function nameIdFormatOf(given: string | undefined, fromMetadata: string | null): NameIdFormat {
  if (given !== undefined) {
    if ((NAMEID_FORMATS as readonly string[]).includes(given)) return given as NameIdFormat;
    throw bad(
      `A NameID format is one of ${NAMEID_FORMATS.join(', ')}, not "${given.slice(0, 40)}".`,
    );
  }
  const known = NAMEID_FORMATS.find((f) => NAMEID[f] === fromMetadata);
  return known ?? 'emailAddress';
}

/** The service provider described by the input, checked. */
async function describe(input: SamlAppInput): Promise<SpMetadata> {
  if (input.metadata !== undefined) {
    if (input.entityId !== undefined || input.acsUrls?.length)
      throw bad('Give the metadata, or an entity id and ACS URL, not both.');
    // (The XML parser loads only here: listing applications needs none of it.)
    const { readSpMetadata } = await import('../saml/metadata.ts');
    const m = readSpMetadata(input.metadata);
    const certs = input.signingCertificates?.length
      ? [...input.signingCertificates]
      : m.signingCerts;
    return { ...m, signingCerts: certs };
  }
  if (!input.entityId?.trim() || !input.acsUrls?.length)
    throw bad('Give the service provider metadata (--metadata), or its entity id and ACS URL.');
  return {
    entityId: input.entityId.trim(),
    acs: input.acsUrls.map((url, i) => ({ url, index: i, isDefault: i === 0 })),
    slo: input.sloUrl ? [{ url: input.sloUrl, binding: 'redirect', responseUrl: null }] : [],
    signingCerts: [...(input.signingCertificates ?? [])],
    encryptionCert: null,
    wantRequestsSigned: (input.signingCertificates ?? []).length > 0,
    nameIdFormat: null,
  };
}

/** Registers a SAML application. Audited. */
export async function createSamlApp(
  ctx: AppContext,
  input: SamlAppInput,
  actor: Pick<Actor, 'name' | 'ip'> = { name: 'system', ip: null },
): Promise<ApplicationView> {
  const name = printable(input.name).trim();
  if (!name || name.length > 100) throw bad('An application needs a name of 1 to 100 characters.');
  const m = await describe(input);
  if (printable(m.entityId) !== m.entityId || m.entityId.length > 512)
    throw bad('An entity id is at most 512 printable characters.');
  if (m.acs.length > 20) throw bad('Give at most 20 ACS URLs.');
  const acs = m.acs.map((a) => ({ ...a, url: parseRedirectUri(a.url, 'acs') }));
  const slo = m.slo.slice(0, 4).map((s) => ({
    ...s,
    url: parseRedirectUri(s.url, 'slo'),
    responseUrl: s.responseUrl && parseRedirectUri(s.responseUrl, 'slo'),
  }));
  const sign = input.sign ?? 'both';
  if (!(SAML_SIGN_MODES as readonly string[]).includes(sign))
    throw bad(
      `What is signed is one of ${SAML_SIGN_MODES.join(', ')}, not "${sign.slice(0, 40)}".`,
    );
  const wantRequestsSigned = input.wantRequestsSigned ?? m.wantRequestsSigned;
  if (wantRequestsSigned && m.signingCerts.length === 0)
    throw bad(
      'Signed requests need the certificate they are signed with (in the metadata, or --signing-cert).',
    );
  if (input.encryptAssertion && !m.encryptionCert)
    throw bad(
      'Encrypting assertions needs the service provider’s encryption certificate (in its metadata).',
    );
  const strength = stronger(
    input.strength === undefined ? 'none' : parseAppStrength(input.strength),
    input.requireMfa ? 'mfa' : 'none',
  );
  const id = `app-${ctx.random.bytes(6).toString('hex')}`;
  const row: ApplicationsTable = {
    id,
    name,
    kind: 'saml',
    fronts: '[]',
    radius_secret_sealed: null,
    created_at: ctx.clock.now(),
    redirect_uris: '[]',
    post_logout_redirect_uris: '[]',
    grant_types: '[]',
    backchannel_logout_uri: null,
    client_secret_sealed: null,
    require_mfa: strength === 'none' ? 0 : 1,
    strength,
    first_party: 1,
    id_token_alg: 'RS256',
    radius_mode: 'app-password',
    radius_message_authenticator: 1,
  };
  const sp: SamlServiceProvidersTable = {
    application_id: id,
    entity_id: m.entityId,
    acs: JSON.stringify(acs),
    slo: JSON.stringify(slo),
    signing_certs: JSON.stringify(m.signingCerts),
    encryption_cert: m.encryptionCert,
    name_id_format: nameIdFormatOf(input.nameIdFormat, m.nameIdFormat),
    want_requests_signed: wantRequestsSigned ? 1 : 0,
    sign,
    encrypt_assertion: input.encryptAssertion ? 1 : 0,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('saml_service_providers')
      .select('application_id')
      .where('entity_id', '=', m.entityId)
      .executeTakeFirst();
    if (taken)
      throw new AppError('conflict', {
        detail: `The entity id "${m.entityId.slice(0, 200)}" is already registered (application ${taken.application_id}).`,
      });
    await trx.insertInto('applications').values(row).execute();
    await trx.insertInto('saml_service_providers').values(sp).execute();
    await audit(ctx, trx, actor, {
      action: 'application_created',
      detail: {
        id,
        name,
        kind: 'saml',
        entityId: m.entityId,
        acsUrls: acs.map((a) => a.url),
        requireMfa: strength !== 'none',
        strength,
        nameIdFormat: sp.name_id_format,
        sign,
        encryptAssertion: !!input.encryptAssertion,
        wantRequestsSigned,
      },
    });
  });
  ctx.dataCache.forget(`saml-sp:${m.entityId}`);
  return { ...toApplicationView(row), saml: toSamlView(toServiceProvider(sp)) };
}
