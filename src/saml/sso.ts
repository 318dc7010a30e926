// SAML Web Browser SSO (saml-profiles §4.1): an AuthnRequest received by
// either binding is checked (docs/design/saml-idp.md "Inbound checks") and
// kept as a sign-on under way; once the person has signed in as the request
// and the application need, the response is built, signed (and the assertion
// encrypted where asked) for the registered ACS URL.
import type { AppContext } from '../context.ts';
import type { UsersTable } from '../db/schema.ts';
import type { AppStrength } from '../policy/strength.ts';
import type { ServiceProvider } from '../services/saml-apps.ts';
import type { SessionRow } from '../storage/sessions.ts';
import { levelNeeded, requestedContext } from './authn-context.ts';
import { BINDING, NAMEID, type NameIdFormat, SAML_PATHS, type SubStatus } from './constants.ts';
import { type Inbound, readRequest } from './inbound.ts';
import { currentSamlKeys } from './keys.ts';
import { assertionXml, newId, readAuthnRequest, responseXml } from './messages.ts';
import { idpEntityId } from './metadata.ts';
import { keep, markAnswered, type PendingSignOn } from './pending.ts';
import { encryptAssertion, signRoot } from './sign.ts';
import { persistentNameId, sessionIndexOf } from './slo.ts';
import { SamlError } from './xml.ts';

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
 * RequestRefused (an error page: the ACS is not yet known to be the service
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
  return readRequest(ctx, inbound, 'AuthnRequest', SAML_PATHS.sso, async (doc, found) => {
    const { sp } = found;
    const req = readAuthnRequest(doc);
    if (req.protocolBinding !== undefined && req.protocolBinding !== BINDING.post)
      throw new SamlError('responses are sent by HTTP-POST only');
    const acsUrl = acsFor(sp, req.acsUrl, req.acsIndex);
    if (!acsUrl)
      throw new SamlError(
        `the ACS URL "${(req.acsUrl ?? String(req.acsIndex)).slice(0, 200)}" is not registered for this application`,
      );
    const relayState = inbound.relayState?.slice(0, 80 * 16);
    const status = (sub: SubStatus) =>
      ({ kind: 'status', sp, acsUrl, relayState, inResponseTo: req.id, sub }) as const;
    // The NameID format asked for: one we make, or the application's.
    const asked = req.nameIdFormat ? FORMAT_BY_URI.get(req.nameIdFormat) : 'unspecified';
    const context = requestedContext(req.requestedAuthnContext) ?? null;
    const pending: PendingSignOn = {
      kind: 'signon',
      acsUrl,
      relayState: relayState ?? null,
      inResponseTo: req.id,
      nameIdFormat: asked === undefined || asked === 'unspecified' ? sp.nameIdFormat : asked,
      forceAuthn: req.forceAuthn,
      isPassive: req.isPassive,
      context,
    };
    // Kept first, whatever the answer: a request is answered once (a replay gets no second response).
    const id = await keep(ctx, sp.applicationId, req.id, pending);
    if (!id) throw new SamlError('the request was already used (a replay)');
    const refusal: SubStatus | null =
      asked === undefined
        ? 'InvalidNameIDPolicy'
        : levelNeeded(found.app.strength as AppStrength, context ?? undefined) === null
          ? 'NoAuthnContext'
          : null;
    if (refusal) {
      await markAnswered(ctx, id);
      return status(refusal);
    }
    return { kind: 'pending', id } as const;
  });
}

/** The NameID of `user` for `sp` in `format`. */
function nameIdOf(
  ctx: AppContext,
  sp: ServiceProvider,
  user: UsersTable,
  format: NameIdFormat,
): string {
  if (format === 'emailAddress') return user.upn;
  if (format === 'persistent') return persistentNameId(ctx, sp, user.id);
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
    sessionIndex: sessionIndexOf(ctx, session),
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
