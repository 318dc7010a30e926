import type { AppContext } from '../context.ts';
import { uuidV7 } from '../crypto/random.ts';
import { printable } from '../services/validation.ts';
import type { SigninLogRow, SigninLogStore } from '../storage/signin-log.ts';

export interface SigninEvent {
  upn: string;
  userId: string | null;
  result: SigninLogRow['result'];
  /** The real reason, for administrators; clients only ever see a generic message. */
  reason: string;
  method: string | null;
  client: { ip: string | null; userAgent: string | null; application?: string | null };
  /** Which way in: browser (default), verify, forward-auth, ldap, radius. */
  front?: string;
}

export const recordSignin = (
  ctx: AppContext,
  e: SigninEvent,
  store: SigninLogStore = ctx.stores.signinLog,
): Promise<void> => store.record(signinEntry(ctx, e));

/** The log entry of `e`, counted in the metrics. */
export function signinEntry(ctx: AppContext, e: SigninEvent): SigninLogRow {
  ctx.metrics.signins.inc({
    result: e.result,
    method: e.method ?? 'none',
    front: e.front ?? 'browser',
  });
  const at = ctx.clock.now();
  return {
    id: uuidV7(at),
    at,
    upn: printable(e.upn).toLowerCase().slice(0, 256),
    user_id: e.userId,
    result: e.result,
    reason: e.reason,
    method: e.method,
    client_ip: e.client.ip,
    user_agent: e.client.userAgent ? printable(e.client.userAgent).slice(0, 512) : null,
    application: e.client.application ?? null,
    front: e.front ?? 'browser',
  };
}

export interface SigninView {
  id: string;
  createdDateTime: string;
  userPrincipalName: string;
  result: SigninLogRow['result'];
  failureReason: string;
  additionalDetails: string;
  authenticationMethod: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  application: string | null;
  front: string | null;
}

export const toSigninView = (r: SigninLogRow): SigninView => ({
  id: r.id,
  createdDateTime: new Date(r.at).toISOString(),
  userPrincipalName: r.upn,
  result: r.result,
  failureReason: r.result === 'success' ? '' : r.reason,
  additionalDetails: r.result === 'success' ? r.reason : '',
  authenticationMethod: r.method,
  ipAddress: r.client_ip,
  userAgent: r.user_agent,
  application: r.application,
  front: r.front,
});
