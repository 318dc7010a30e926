// SAML Web Browser SSO (saml-profiles §4.1): an AuthnRequest received by
// either binding is checked (docs/design/saml-idp.md "Inbound checks") and
// kept as a sign-on under way; once the person has signed in as the request
// and the application need, the response is built, signed (and the assertion
// encrypted where asked) for the registered ACS URL.
import type { AppContext } from '../context.ts';
import { hmacSha256 } from '../crypto/hash.ts';
import type { UsersTable } from '../db/schema.ts';
import type { AppStrength } from '../policy/strength.ts';
import { findServiceProvider, type ServiceProvider } from '../services/saml-apps.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import type { SessionRow } from '../storage/sessions.ts';
import {
  classRefFor,
  levelNeeded,
  type RequestedContext,
  requestedContext,
} from './authn-context.ts';
import { BINDING, NAMEID, type NameIdFormat, NS, SAML_PATHS, type SubStatus } from './constants.ts';
import { currentSamlKeys } from './keys.ts';
import { assertionXml, readAuthnRequest, responseXml } from './messages.ts';
import { idpEntityId } from './metadata.ts';
import { encryptAssertion, signRoot } from './sign.ts';
import {
  childText,
  decodePost,
  hasRootSignature,
  inflateRedirect,
  parseStrict,
  SamlError,
  verifyPostSignature,
  verifyRedirectSignature,
} from './xml.ts';

/** How far a request's IssueInstant may be from our clock. */
export const CLOCK_SKEW_MS = 3 * 60_000;
/** How long a sign-on may wait for the person to sign in; its request id stays taken as long. */
export const PENDING_TTL_MS = 60 * 60_000;

/** A sign-on under way, as stored (saml_requests.request). */
export interface PendingSignOn {
  acsUrl: string;
  relayState: string | null;
  /** The AuthnRequest's ID (null: IdP-initiated). */
  inResponseTo: string | null;
  nameIdFormat: NameIdFormat;
  forceAuthn: boolean;
  isPassive: boolean;
  context: RequestedContext | null;
}

/** A message as it arrived: the binding, the encoded message and the raw query (Redirect). */
export type Inbound =
  | { binding: 'redirect'; message: string; relayState: string | undefined; rawQuery: string }
  | { binding: 'post'; message: string; relayState: string | undefined };

/** What a refusal knows, for the sign-in log. */
export class SignOnRefused extends SamlError {
  constructor(
    reason: string,
    readonly applicationId: string | null,
  ) {
    super(reason);
  }
}

/** The request's ACS: one registered (by URL or index), else the default. */
function acsFor(
  sp: ServiceProvider,
  url: string | undefined,
  index: number | undefined,
): string | null {
  if (url !== undefined) {
    let normal: string;
    try {
      normal = new URL(url).toString();
    } catch {
      return null;
    }
    return sp.acs.find((a) => a.url === url || a.url === normal)?.url ?? null;
  }
  if (index !== undefined) return sp.acs.find((a) => a.index === index)?.url ?? null;
  return (sp.acs.find((a) => a.isDefault) ?? sp.acs[0])?.url ?? null;
}

const FORMAT_BY_URI = new Map(
  (Object.entries(NAMEID) as [NameIdFormat | 'unspecified', string][]).map(([k, v]) => [v, k]),
);

/**
 * Checks an AuthnRequest and keeps it as a sign-on under way. Throws
 * SignOnRefused (an error page: the ACS is not yet known to be the service
 * provider's) for anything not right; returns a status to answer at the ACS
 * for a request that is right but cannot be served (an unknown NameID format,
 * a class no sign-in can meet).
 */
export async function receiveAuthnRequest(
  ctx: AppContext,
  inbound: Inbound,
): Promise<
  | { kind: 'pending'; id: string }
  | {
      kind: 'status';
      sp: ServiceProvider;
      acsUrl: string;
      relayState: string | undefined;
      inResponseTo: string;
      sub: SubStatus;
    }
> {
  let appId: string | null = null;
  const refuse = (reason: string) => new SignOnRefused(reason, appId);
  try {
    const xml =
      inbound.binding === 'redirect'
        ? inflateRedirect(inbound.message)
        : decodePost(inbound.message);
    let doc = parseStrict(xml, 'AuthnRequest');
    const issuer = childText(doc.documentElement!, NS.saml, 'Issuer');
    if (!issuer) throw refuse('the request names no Issuer');
    const found = await findServiceProvider(ctx, issuer);
    if (!found) throw refuse(`no SAML application has the entity id "${issuer.slice(0, 200)}"`);
    const { sp } = found;
    appId = sp.applicationId;
    // Signed? Redirect: over the query; POST: enveloped, then only what was signed is read.
    let signed = false;
    if (inbound.binding === 'redirect') {
      if (sp.signingCerts.length > 0)
        signed = verifyRedirectSignature(inbound.rawQuery, sp.signingCerts);
    } else if (sp.signingCerts.length > 0 && hasRootSignature(doc)) {
      doc = verifyPostSignature(xml, doc, sp.signingCerts);
      signed = true;
    }
    if (sp.wantRequestsSigned && !signed)
      throw refuse('the request is not signed, and this application signs its requests');
    const req = readAuthnRequest(doc);
    if (req.issuer !== issuer) throw refuse('the request was changed after it was signed');
    const ssoUrl = `${ctx.config.publicUrl}${SAML_PATHS.sso}`;
    if (
      req.destination !== undefined
        ? req.destination !== ssoUrl
        : signed && inbound.binding === 'post'
    )
      throw refuse(
        `the request is for another destination (${(req.destination ?? 'none').slice(0, 200)})`,
      );
    const issued = Date.parse(req.issueInstant);
    if (!Number.isFinite(issued) || Math.abs(issued - ctx.clock.now()) > CLOCK_SKEW_MS)
      throw refuse('the request was issued too long ago, or in the future (check the clocks)');
    if (req.protocolBinding !== undefined && req.protocolBinding !== BINDING.post)
      throw refuse('responses are sent by HTTP-POST only');
    const acsUrl = acsFor(sp, req.acsUrl, req.acsIndex);
    if (!acsUrl)
      throw refuse(
        `the ACS URL "${(req.acsUrl ?? String(req.acsIndex)).slice(0, 200)}" is not registered for this application`,
      );
    const relayState = inbound.relayState?.slice(0, 80 * 16);
    const status = (sub: SubStatus) =>
      ({ kind: 'status', sp, acsUrl, relayState, inResponseTo: req.id, sub }) as const;
    // The NameID format asked for: one we make, or the application's.
    const asked = req.nameIdFormat ? FORMAT_BY_URI.get(req.nameIdFormat) : 'unspecified';
    if (asked === undefined) return status('InvalidNameIDPolicy');
    const context = requestedContext(req.requestedAuthnContext) ?? null;
    if (levelNeeded(found.app.strength as AppStrength, context ?? undefined) === null)
      return status('NoAuthnContext');
    const pending: PendingSignOn = {
      acsUrl,
      relayState: relayState ?? null,
      inResponseTo: req.id,
      nameIdFormat: asked === 'unspecified' ? sp.nameIdFormat : asked,
      forceAuthn: req.forceAuthn,
      isPassive: req.isPassive,
      context,
    };
    const id = await keep(ctx, sp.applicationId, req.id, pending);
    if (!id) throw refuse('the request was already used (a replay)');
    return { kind: 'pending', id };
  } catch (e) {
    if (e instanceof SignOnRefused) throw e;
    if (e instanceof SamlError) throw refuse(e.reason);
    throw e;
  }
}

/** Stores a sign-on under way; null when its request id was used before (on any node). */
export async function keep(
  ctx: AppContext,
  applicationId: string,
  requestId: string | null,
  pending: PendingSignOn,
): Promise<string | null> {
  const id = ctx.random.bytes(18).toString('base64url');
  const now = ctx.clock.now();
  try {
    await ctx.db
      .insertInto('saml_requests')
      .values({
        id,
        application_id: applicationId,
        request_id: requestId,
        request: JSON.stringify(pending),
        created_at: now,
        answered_at: null,
        expires_at: now + PENDING_TTL_MS,
      })
      .execute();
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
  return id;
}

/** A sign-on under way, if it has not expired or been answered. */
export async function findPending(ctx: AppContext, id: string) {
  const row = await ctx.db
    .selectFrom('saml_requests')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .where('answered_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  if (!row) return undefined;
  return { row, pending: JSON.parse(row.request) as PendingSignOn };
}

/** Marks a sign-on answered; false when another request answered it first. */
export async function markAnswered(ctx: AppContext, id: string): Promise<boolean> {
  const r = await ctx.db
    .updateTable('saml_requests')
    .set({ answered_at: ctx.clock.now() })
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const newId = (ctx: AppContext) => `_${ctx.random.bytes(20).toString('hex')}`;

/** The session's index in assertions: stable for the session, not its id. */
export const sessionIndexOf = (ctx: AppContext, sessionId: string) =>
  `_${hmacSha256(ctx.keys.credentialHmac, `saml-session:${sessionId}`).slice(0, 32)}`;

/** The NameID of `user` for `sp` in `format`. */
function nameIdOf(
  ctx: AppContext,
  sp: ServiceProvider,
  user: UsersTable,
  format: NameIdFormat,
): string {
  if (format === 'emailAddress') return user.upn;
  if (format === 'persistent')
    return hmacSha256(ctx.keys.credentialHmac, `saml-persistent:${sp.entityId}:${user.id}`);
  return newId(ctx);
}

/** The user's group names (the `groups` attribute). */
const groupsOf = async (ctx: AppContext, userId: string) =>
  (
    await ctx.db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select('groups.display_name')
      .where('group_members.user_id', '=', userId)
      .orderBy('groups.display_name')
      .execute()
  ).map((g) => g.display_name);

/** The signed (and, where asked, encrypted) Response for a person who signed in. */
export async function signedResponse(
  ctx: AppContext,
  sp: ServiceProvider,
  pending: PendingSignOn,
  user: UsersTable,
  session: Pick<SessionRow, 'id_hash' | 'auth_time'>,
  classRef: string,
): Promise<string> {
  const { signing } = await currentSamlKeys(ctx);
  const now = ctx.clock.now();
  const issuer = idpEntityId(ctx.config.publicUrl);
  const inResponseTo = pending.inResponseTo ?? undefined;
  let assertion = assertionXml({
    assertionId: newId(ctx),
    issuer,
    now,
    nameId: nameIdOf(ctx, sp, user, pending.nameIdFormat),
    nameIdFormat: NAMEID[pending.nameIdFormat],
    audience: sp.entityId,
    acsUrl: pending.acsUrl,
    inResponseTo,
    authnInstant: session.auth_time ?? now,
    sessionIndex: sessionIndexOf(ctx, session.id_hash),
    sessionNotOnOrAfter: now + 8 * 3_600_000,
    classRef,
    attributes: {
      upn: user.upn,
      mail: user.directory_mail || user.upn,
      displayName: user.display_name,
      groups: await groupsOf(ctx, user.id),
    },
  });
  if (sp.sign !== 'response') assertion = signRoot(assertion, 'Assertion', signing);
  if (sp.encryptAssertion && sp.encryptionCert)
    assertion = await encryptAssertion(assertion, sp.encryptionCert);
  const response = responseXml(
    { responseId: newId(ctx), issuer, now, destination: pending.acsUrl, inResponseTo },
    assertion,
  );
  return sp.sign === 'assertion' ? response : signRoot(response, 'Response', signing);
}

/** A signed Response that only says why not (NoPassive, NoAuthnContext, …). */
export async function statusResponse(
  ctx: AppContext,
  to: { acsUrl: string; inResponseTo: string | null },
  sub: SubStatus,
): Promise<string> {
  const { signing } = await currentSamlKeys(ctx);
  const xml = responseXml(
    {
      responseId: newId(ctx),
      issuer: idpEntityId(ctx.config.publicUrl),
      now: ctx.clock.now(),
      destination: to.acsUrl,
      inResponseTo: to.inResponseTo ?? undefined,
    },
    '',
    { sub },
  );
  return signRoot(xml, 'Response', signing);
}
