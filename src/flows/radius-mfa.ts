// RADIUS MFA for VPNs (README "RADIUS"): the account password, then the user's
// second factor — typed into the client after an Access-Challenge, appended to
// the password as `password,code`, or approved on the phone while the
// Access-Request waits. Like the sign-in flow it knows no method by name: it
// asks each registered method how it is used without a page (`remote`).

import type { AppContext } from '../context.ts';
import { hmacSha256 } from '../crypto/hash.ts';
import type { ApplicationsTable } from '../db/schema.ts';
import { isAppError } from '../errors.ts';
import { negotiate, translator } from '../i18n/index.ts';
import { findMethod, methods, worksAlone } from '../methods/index.ts';
import type { Attempt, AuthMethod, Registration, VerifyResult } from '../methods/types.ts';
import { methodTypesForUser } from '../services/methods-policy.ts';
import { loadRegistrations } from '../services/registrations.ts';
import { printable } from '../services/validation.ts';
import type { FlowRow } from '../storage/flows.ts';
import { radiusStore } from '../storage/radius.ts';
import type { UserRow } from '../storage/users.ts';
import { methodUserOf } from './enrolment.ts';
import { legacyFirstFactor } from './legacy.ts';
import { judgeProof, logDelivery, type Proving } from './proofs.ts';
import { recordSignin } from './signin-log.ts';

/** How long the user has to answer an Access-Challenge (RFC 2865 §5.27: sent as Session-Timeout). */
export const STATE_MS = 3 * 60_000;
/** How often a waiting request looks for the approval. */
const POLL_MS = 1000;
/** No request waits longer than this, whatever the method says (its own expiry ends it sooner). */
const MAX_WAIT_MS = 2 * 60_000;
/** The separator of `password,code` for clients that cannot answer a challenge. */
const CODE_SEPARATOR = ',';

export interface RadiusMfaRequest {
  username: string;
  /** User-Password: the password (or `password,code`), or the answer to a challenge. */
  password: string;
  /** The State of the challenge this request answers; null for a first request. */
  state: Buffer | null;
  app: Pick<ApplicationsTable, 'id' | 'name'>;
  clientIp: string;
}

export type RadiusAnswer =
  | { code: 'Access-Accept' }
  | { code: 'Access-Reject' }
  | { code: 'Access-Challenge'; state: Buffer; message: string; timeoutSeconds: number };

const ACCEPT: RadiusAnswer = { code: 'Access-Accept' };
const REJECT: RadiusAnswer = { code: 'Access-Reject' };
/** English: what a method says of a refused proof goes to the sign-in log. */
const en = translator('en');

const hashState = (ctx: AppContext, state: Buffer) => hmacSha256(ctx.methodContext.hmacKey, state);

/**
 * `password,code` → its parts, when what follows the last comma can be a code
 * of a method the user holds already (an authenticator code, a recovery code).
 * A password that itself ends in a comma and such a code is read as split.
 */
export function splitCode(secret: string, isCode: (s: string) => boolean) {
  const at = secret.lastIndexOf(CODE_SEPARATOR);
  if (at <= 0) return { password: secret, code: null };
  const code = secret.slice(at + 1).trim();
  return isCode(code) ? { password: secret.slice(0, at), code } : { password: secret, code: null };
}

/** Methods whose codes the user already holds (no challenge sends them): the ones `password,code` takes. */
const heldCode = (m: AuthMethod<unknown>) => m.remote?.proof === 'code' && !m.challenge;
const anyHeldCode = (input: string) =>
  methods.some((m) => heldCode(m) && (m.remote?.looksLike?.(input) ?? false));

interface Sitting {
  user: UserRow;
  flow: FlowRow;
  attempt: Attempt;
  proving: (methodId: string) => Proving;
  /** The user's registrations usable here (allowed, and usable without a page). */
  regs: Registration[];
}

export function radiusMfa(ctx: AppContext) {
  const mc = ctx.methodContext;
  const store = radiusStore(ctx.db);

  async function log(
    r: RadiusMfaRequest,
    user: Pick<UserRow, 'id' | 'upn'> | null,
    result: 'success' | 'failure' | 'interrupted',
    reason: string,
    method: string | null,
  ) {
    await recordSignin(ctx, {
      upn: user?.upn ?? printable(r.username.trim()).slice(0, 256),
      userId: user?.id ?? null,
      result,
      reason,
      method,
      client: { ip: r.clientIp, userAgent: null, application: r.app.id },
      front: 'radius',
    });
  }

  async function usable(user: UserRow) {
    const allowedMethods = await methodTypesForUser(ctx, user.id, 'signin');
    const all = await loadRegistrations(ctx, user.id);
    return {
      all,
      allowedMethods,
      regs: all.filter(
        (reg) => allowedMethods.includes(reg.methodType) && findMethod(reg.methodType)?.remote,
      ),
    };
  }

  function sitting(r: RadiusMfaRequest, user: UserRow, flow: FlowRow, regs: Registration[]) {
    const allowedMethods = regs.map((x) => x.methodType);
    return {
      user,
      flow,
      regs,
      attempt: { flowId: flow.id, clientIp: flow.client_ip, allowedMethods, front: 'radius' },
      proving: (methodId: string) => ({
        user,
        flow,
        methodId,
        legacy: { front: 'radius', application: r.app.id },
      }),
    } satisfies Sitting;
  }

  /** A new sign-in attempt (its codes, texts and requests belong to it), the password done. */
  async function newFlow(r: RadiusMfaRequest, user: UserRow): Promise<FlowRow> {
    const now = ctx.clock.now();
    const flow: FlowRow = {
      id: crypto.randomUUID(),
      user_id: user.id,
      factors: JSON.stringify([{ method: 'password', factor: 'knowledge', amr: ['pwd'], at: now }]),
      failed_codes: 0,
      pending_sealed: null,
      return_to: null,
      client_ip: r.clientIp,
      user_agent: null,
      created_at: now,
      // Outlives its State: a reply that comes at the last moment may still wait for an approval.
      expires_at: now + STATE_MS + MAX_WAIT_MS,
      ended_at: null,
      require_mfa: 1,
      strength: 'none',
      step_up: 0,
      remember_device: 0,
      proofup_postponed: 0,
      campaign_snoozed: 0,
    };
    await ctx.stores.flows.insert(flow);
    return flow;
  }

  /** The end of an attempt: accepted (logged with the method that did it) or refused. */
  async function accept(r: RadiusMfaRequest, s: Sitting, reg: Registration) {
    const now = ctx.clock.now();
    await ctx.stores.flows.end(s.flow.id, now);
    await ctx.stores.methods.touch(reg.id, now);
    await log(r, s.user, 'success', 'multi-factor authentication completed', reg.methodType);
    return ACCEPT;
  }

  /**
   * A typed code, judged once under the limits (STYLE.md, principle 4: each
   * method consumes its code atomically): the code of the method challenged,
   * or one the user holds already (an authenticator code, a recovery code).
   */
  async function judgeCode(
    r: RadiusMfaRequest,
    s: Sitting,
    code: string,
    challenged: Registration | null,
  ): Promise<RadiusAnswer> {
    const candidates = s.regs
      .filter((reg) => {
        const m = findMethod(reg.methodType);
        return !!m && (reg.id === challenged?.id ? m.remote?.proof === 'code' : heldCode(m));
      })
      .sort((a, b) => Number(b.id === challenged?.id) - Number(a.id === challenged?.id));
    const fitting = candidates.filter(
      (reg) => findMethod(reg.methodType)?.remote?.looksLike?.(code) ?? true,
    );
    const named = challenged ?? fitting[0] ?? candidates[0];
    let winner: Registration | undefined;
    try {
      await judgeProof<VerifyResult>(ctx, s.proving(named?.methodType ?? 'code'), async () => {
        let first: VerifyResult | undefined;
        for (const reg of fitting) {
          const m = findMethod(reg.methodType)!;
          const v = await m.verify(mc, methodUserOf(s.user), reg, { code }, s.attempt, en);
          if (v.ok === true) {
            winner = reg;
            return v;
          }
          if (first === undefined || first.ok !== false) first = v;
        }
        return first ?? { ok: false, reason: 'malformed' };
      });
    } catch (e) {
      await ctx.stores.flows.end(s.flow.id, ctx.clock.now());
      if (!isAppError(e) || e.status >= 500) throw e;
      // Wrong codes and limits were logged where they were judged; other refusals here.
      if (
        e.code !== 'invalid_code' &&
        e.code !== 'signin_expired' &&
        e.code !== 'too_many_attempts'
      )
        await log(
          r,
          s.user,
          'failure',
          `code refused: ${e.publicMessage}`,
          named?.methodType ?? null,
        );
      return REJECT;
    }
    return accept(r, s, winner!);
  }

  /** Waits for an approval on the phone (a notification, a call) within the method's own time. */
  async function awaitApproval(
    r: RadiusMfaRequest,
    s: Sitting,
    reg: Registration,
  ): Promise<RadiusAnswer> {
    const m = findMethod(reg.methodType)!;
    const until = Date.now() + MAX_WAIT_MS;
    for (;;) {
      try {
        await judgeProof<VerifyResult>(ctx, s.proving(reg.methodType), () =>
          m.verify(mc, methodUserOf(s.user), reg, {}, s.attempt, en),
        );
        return accept(r, s, reg);
      } catch (e) {
        if (!isAppError(e) || e.status >= 500) throw e;
        if (e.code === 'waiting' && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          continue;
        }
        await ctx.stores.flows.end(s.flow.id, ctx.clock.now());
        if (
          e.code !== 'invalid_code' &&
          e.code !== 'signin_expired' &&
          e.code !== 'too_many_attempts'
        )
          await log(r, s.user, 'failure', `not approved: ${e.publicMessage}`, reg.methodType);
        return REJECT;
      }
    }
  }

  /** Starts the user's default method: a challenge for a code or a number, or the wait for a call. */
  async function secondFactor(r: RadiusMfaRequest, s: Sitting): Promise<RadiusAnswer> {
    // As Microsoft's NPS extension: the user's default method decides (one usable here, else the first).
    const reg =
      s.regs.find((x) => x.isDefault) ?? s.regs.find((x) => worksAlone(x.methodType)) ?? s.regs[0]!;
    const m = findMethod(reg.methodType)!;
    const remote = m.remote!;
    const methodUser = methodUserOf(s.user, ctx.box);
    if (m.challenge) {
      try {
        await m.challenge(mc, methodUser, reg, s.attempt, true);
      } catch (e) {
        await ctx.stores.flows.end(s.flow.id, ctx.clock.now());
        if (!isAppError(e) || e.status >= 500) throw e;
        await logDelivery(ctx, s.proving(reg.methodType), e);
        if (e.code !== 'delivery_failed')
          await log(r, s.user, 'failure', `could not start: ${e.publicMessage}`, reg.methodType);
        return REJECT;
      }
    }
    if (remote.proof === 'approval' && !remote.prompt) return awaitApproval(r, s, reg);
    const t = translator(negotiate([methodUser.preferredLanguage]));
    const message = remote.prompt
      ? await remote.prompt(mc, methodUser, reg, s.attempt, t)
      : `${m.label}:`;
    const state = ctx.random.bytes(32);
    const now = ctx.clock.now();
    await store.addState({
      state_hash: hashState(ctx, state),
      flow_id: s.flow.id,
      user_id: s.user.id,
      application_id: r.app.id,
      registration_id: reg.id,
      created_at: now,
      expires_at: now + STATE_MS,
      used_at: null,
    });
    await log(r, s.user, 'interrupted', 'password right; Access-Challenge sent', reg.methodType);
    return { code: 'Access-Challenge', state, message, timeoutSeconds: STATE_MS / 1000 };
  }

  /** A first Access-Request: the password (or `password,code`), then the second factor. */
  async function first(r: RadiusMfaRequest): Promise<RadiusAnswer> {
    const { password, code } = splitCode(r.password, anyHeldCode);
    const result = await legacyFirstFactor(ctx, {
      username: r.username,
      secret: password,
      appId: r.app.id,
      front: 'radius',
      client: { ip: r.clientIp, userAgent: null },
    });
    if (result.ok === false) return REJECT;
    if (result.ok === true) return ACCEPT;
    const { user } = result;
    const { all, regs } = await usable(user);
    if (regs.length === 0) {
      await log(
        r,
        user,
        'failure',
        all.length === 0
          ? `MFA required (${user.mfa_state}), but the user has registered no verification method yet (registration needs the browser)`
          : 'MFA required, but none of the user’s verification methods can be used over RADIUS (authenticator app, text, call, notification or recovery codes)',
        null,
      );
      return REJECT;
    }
    const s = sitting(r, user, await newFlow(r, user), regs);
    return code === null ? secondFactor(r, s) : judgeCode(r, s, code, null);
  }

  /** The answer to an Access-Challenge: its State, used once, and a code (or nothing, to wait for an approval). */
  async function reply(r: RadiusMfaRequest, state: Buffer): Promise<RadiusAnswer> {
    const now = ctx.clock.now();
    const row = await store.useState(hashState(ctx, state), now);
    const named = await ctx.stores.users.findByUpn(printable(r.username.trim()).slice(0, 256));
    if (!row) {
      await log(r, named ?? null, 'failure', 'RADIUS State unknown, expired or used already', null);
      return REJECT;
    }
    const user = await ctx.stores.users.findById(row.user_id);
    if (!user || named?.id !== user.id || row.application_id !== r.app.id) {
      await log(r, named ?? null, 'failure', 'RADIUS State of another user or application', null);
      return REJECT;
    }
    if (user.blocked) {
      await log(r, user, 'failure', 'sign-in blocked by an administrator', null);
      return REJECT;
    }
    const flow = await ctx.stores.flows.findActive(row.flow_id, now);
    const { regs } = await usable(user);
    const reg = regs.find((x) => x.id === row.registration_id);
    if (!flow || !reg) {
      await log(
        r,
        user,
        'failure',
        flow ? 'the method challenged is no longer usable' : 'sign-in attempt ended',
        null,
      );
      return REJECT;
    }
    const s = sitting(r, user, flow, regs);
    const answer = r.password.trim();
    const remote = findMethod(reg.methodType)!.remote!;
    // An approval is waited for on an empty answer; a code typed instead is judged as a code.
    if (remote.proof === 'approval' && answer === '') return awaitApproval(r, s, reg);
    return judgeCode(r, s, answer, remote.proof === 'code' ? reg : null);
  }

  return {
    /** Answers one Access-Request of an application in `mfa` mode. */
    answer: (r: RadiusMfaRequest) => (r.state ? reply(r, r.state) : first(r)),
  };
}
