// SAML requests under way (saml_requests): a sign-on waiting for the
// person to sign in, or a logout waiting for the browser's session (a
// cross-site POST carries no session cookie: it is answered after a redirect
// here). Each is kept until it expires even once answered, so that its
// request id, unique per application, refuses a replay on every node.
import type { AppContext } from '../context.ts';
import { isUniqueViolation } from '../storage/errors.ts';
import type { RequestedContext } from './authn-context.ts';
import type { NameIdFormat } from './constants.ts';

/** How long a sign-on may wait for the person to sign in; its request id stays taken as long. */
export const PENDING_TTL_MS = 60 * 60_000;

/** A sign-on under way, as stored (saml_requests.request). */
export interface PendingSignOn {
  kind: 'signon';
  acsUrl: string;
  relayState: string | null;
  /** The AuthnRequest's ID (null: IdP-initiated). */
  inResponseTo: string | null;
  nameIdFormat: NameIdFormat;
  forceAuthn: boolean;
  isPassive: boolean;
  context: RequestedContext | null;
}

/** A LogoutRequest checked, waiting to be answered from the browser's session. */
export interface PendingLogout {
  kind: 'logout';
  requestId: string;
  nameId: string | null;
  sessionIndexes: string[];
  relayState: string | null;
  /** The binding it came by (the answer goes back by the same, where the application has it). */
  binding: 'redirect' | 'post';
  /** Signed by the application (else only its SessionIndex can name a session). */
  signed: boolean;
}

export type Pending = PendingSignOn | PendingLogout;

/** Stores a sign-on under way; null when its request id was used before (on any node). */
export async function keep(
  ctx: AppContext,
  applicationId: string,
  requestId: string | null,
  pending: Pending,
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

/** A request under way of this kind, if it has not expired or been answered. */
export async function findPending<K extends Pending['kind']>(ctx: AppContext, id: string, kind: K) {
  const row = await ctx.db
    .selectFrom('saml_requests')
    .selectAll()
    .where('id', '=', id.slice(0, 64))
    .where('answered_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  const pending = row && (JSON.parse(row.request) as Pending);
  if (!row || pending?.kind !== kind) return undefined;
  return { row, pending: pending as Extract<Pending, { kind: K }> };
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
