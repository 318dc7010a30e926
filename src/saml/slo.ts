// SAML Single Logout, started by a service provider (saml-profiles §4.4):
// its LogoutRequest, by either binding, is checked like an AuthnRequest,
// kept, and answered from the browser's own session after a redirect (a
// cross-site POST carries no session cookie): the Portcullis session ends
// (with the applications told, as any sign-out) when the request names it,
// and a signed LogoutResponse goes back to the application.
import type { AppContext } from '../context.ts';
import { hmacSha256 } from '../crypto/hash.ts';
import type { UsersTable } from '../db/schema.ts';
import type { ServiceProvider } from '../services/saml-apps.ts';
import type { SessionRow } from '../storage/sessions.ts';
import { SAML_PATHS, type SubStatus } from './constants.ts';
import { type Inbound, readRequest } from './inbound.ts';
import { currentSamlKeys } from './keys.ts';
import { newId, readLogoutRequest, responseXml } from './messages.ts';
import { idpEntityId } from './metadata.ts';
import { keep, type PendingLogout } from './pending.ts';
import { postFields, redirectUrl, signRoot } from './sign.ts';
import { SamlError } from './xml.ts';

/** Checks a LogoutRequest and keeps it to be answered from the browser's session; its id. */
export const receiveLogoutRequest = (ctx: AppContext, inbound: Inbound): Promise<string> =>
  readRequest(ctx, inbound, 'LogoutRequest', SAML_PATHS.slo, async (doc, found, signed) => {
    const req = readLogoutRequest(doc);
    if (found.sp.slo.length === 0)
      throw new SamlError('this application has no Single Logout address registered');
    const pending: PendingLogout = {
      kind: 'logout',
      requestId: req.id,
      nameId: req.nameId ?? null,
      sessionIndexes: req.sessionIndexes.slice(0, 20),
      relayState: inbound.relayState?.slice(0, 1280) ?? null,
      binding: inbound.binding,
      signed,
    };
    const id = await keep(ctx, found.sp.applicationId, req.id, pending);
    if (!id) throw new SamlError('the request was already used (a replay)');
    return id;
  });

/** The session's index in assertions: stable for the session, not its id. */
export const sessionIndexOf = (ctx: AppContext, session: Pick<SessionRow, 'id_hash'>) =>
  `_${hmacSha256(ctx.keys.credentialHmac, `saml-session:${session.id_hash}`).slice(0, 32)}`;

/** A persistent NameID: the same for one person at one application, different at each. */
export const persistentNameId = (ctx: AppContext, sp: ServiceProvider, userId: string) =>
  hmacSha256(ctx.keys.credentialHmac, `saml-persistent:${sp.entityId}:${userId}`);

/**
 * Whether a LogoutRequest names this browser's session: one of its session
 * indexes is this session's, or, if it was signed, its NameID is this
 * user's (a sign-in since the assertion, ForceAuthn's, renews the session and
 * so its index). An unsigned request (an application registered without
 * certificates) must name the session's index, which no other site can know:
 * a UPN alone would let any page sign people out.
 */
export function namesSession(
  ctx: AppContext,
  sp: ServiceProvider,
  pending: PendingLogout,
  session: Pick<SessionRow, 'id_hash'>,
  user: Pick<UsersTable, 'id' | 'upn'>,
): boolean {
  if (pending.sessionIndexes.includes(sessionIndexOf(ctx, session))) return true;
  return (
    pending.signed &&
    pending.nameId !== null &&
    (pending.nameId.toLowerCase() === user.upn.toLowerCase() ||
      pending.nameId === persistentNameId(ctx, sp, user.id))
  );
}

/** The signed LogoutResponse, by the binding the request came by where the application has it. */
export async function logoutResponse(
  ctx: AppContext,
  sp: ServiceProvider,
  pending: PendingLogout,
  sub?: SubStatus,
): Promise<
  | { binding: 'redirect'; url: string }
  | { binding: 'post'; url: string; fields: Record<string, string> }
> {
  const endpoint = sp.slo.find((s) => s.binding === pending.binding) ?? sp.slo[0]!;
  const url = endpoint.responseUrl ?? endpoint.url;
  const { signing } = await currentSamlKeys(ctx);
  const xml = responseXml(
    {
      responseId: newId(ctx),
      issuer: idpEntityId(ctx.config.publicUrl),
      now: ctx.clock.now(),
      destination: url,
      inResponseTo: pending.requestId,
    },
    '',
    sub ? { sub } : {},
    'LogoutResponse',
  );
  const relay = pending.relayState ?? undefined;
  return endpoint.binding === 'redirect'
    ? { binding: 'redirect', url: redirectUrl(url, 'SAMLResponse', xml, relay, signing) }
    : {
        binding: 'post',
        url,
        fields: postFields('SAMLResponse', signRoot(xml, 'LogoutResponse', signing), relay),
      };
}
