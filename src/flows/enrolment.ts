// Registering a method, the one way for proof-up (inside a sign-in) and for
// Security info → Add method: the method's enrolment steps, their state sealed
// in the flow row (a method's texts and calls are tied to the flow), each proof
// judged under the guessing limits (./proofs.ts), then the method and its
// companions registered, audited and told to the user.
import type { AppContext } from '../context.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { openMobile } from '../directory/mobile.ts';
import { AppError } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';
import { findMethod } from '../methods/index.ts';
import type {
  Attempt,
  AuthMethod,
  EnrolResult,
  Input,
  MethodUser,
  Registration,
} from '../methods/types.ts';
import { audit } from '../services/audit.ts';
import { notifyMethodChange } from '../services/notices.ts';
import { addRegistration, companionOf } from '../services/registrations.ts';
import type { FlowRow } from '../storage/flows.ts';
import type { UserRow } from '../storage/users.ts';
import { judgeProof } from './proofs.ts';

interface Sealed {
  methodId: string;
  state: unknown;
}

/** Who registers, in which flow, under which organisation settings. */
export interface Enrolling {
  user: UserRow;
  flow: FlowRow;
  allowedMethods: readonly string[];
  /** What the user has registered already (companions are not registered twice). */
  registrations: readonly Registration[];
}

export type EnrolStep =
  | { ok: 'continue'; method: AuthMethod<unknown>; state: unknown; sealed: string }
  | { ok: true; proven: AuthMethod<unknown>; added: Registration[] };

const aad = (flowId: string) => `signin_flows:${flowId}:pending`;

/** The user as methods see them; `box` opens a directory user's mobile number (offered at proof-up). */
export function methodUserOf(u: UserRow, box?: SecretBox): MethodUser {
  const mobile = box ? openMobile(box, u) : null;
  return {
    id: u.id,
    upn: u.upn,
    displayName: u.display_name,
    preferredLanguage: u.preferred_language || u.browser_language || 'en', // (DEFAULT_LOCALE)
    ...(mobile ? { directoryMobile: mobile } : {}),
  };
}

export function enrolment(ctx: AppContext) {
  const { stores } = ctx;
  const attemptOf = (e: Enrolling): Attempt => ({
    flowId: e.flow.id,
    clientIp: e.flow.client_ip,
    allowedMethods: e.allowedMethods,
  });
  const seal = async (flowId: string, pending: Sealed): Promise<string> => {
    const sealed = ctx.box.seal(JSON.stringify(pending), aad(flowId));
    await stores.flows.update(flowId, { pending_sealed: sealed });
    return sealed;
  };

  return {
    /** Starts registering `method` in the flow; its state is sealed into the flow row. */
    async begin(e: Enrolling, method: AuthMethod<unknown>): Promise<string> {
      if (!method.enrol) throw new AppError('invalid_request');
      const state = await method.enrol.begin(
        ctx.methodContext,
        methodUserOf(e.user, ctx.box),
        attemptOf(e),
      );
      return seal(e.flow.id, { methodId: method.id, state });
    },

    /** The registration under way in the flow, if any. */
    pending(flow: Pick<FlowRow, 'id' | 'pending_sealed'>) {
      if (!flow.pending_sealed) return null;
      const p = JSON.parse(ctx.box.open(flow.pending_sealed, aad(flow.id))) as Sealed;
      const method = findMethod(p.methodId);
      return method?.enrol ? { method, state: p.state } : null;
    },

    /**
     * The user sent the enrolment's form: a next phase, or the method
     * registered (with its companions), audited and told to the user. Wrong
     * proofs are the limits' business (./proofs.ts) and throw.
     */
    async complete(
      e: Enrolling,
      input: Input,
      t: Translate,
      during: 'proof-up' | 'security info',
    ): Promise<EnrolStep> {
      const pending = this.pending(e.flow);
      if (!pending?.method.enrol)
        throw new AppError('conflict', { detail: 'Choose a method to register first.' });
      const { method } = pending;
      const result = await judgeProof<EnrolResult>(
        ctx,
        { user: e.user, flow: e.flow, methodId: method.id },
        () =>
          method.enrol!.complete(
            ctx.methodContext,
            methodUserOf(e.user, ctx.box),
            pending.state,
            input,
            attemptOf(e),
            t,
          ),
      );
      if (result.ok === 'continue') {
        const sealed = await seal(e.flow.id, { methodId: method.id, state: result.state });
        return { ok: 'continue', method, state: result.state, sealed };
      }
      // Only the one request that takes the pending registration registers (a double submit adds nothing).
      if (!(await stores.flows.takePending(e.flow.id, e.flow.pending_sealed!)))
        throw new AppError('waiting');
      // The method that was proven: the enrolling one, or the channel the user chose instead.
      const proven =
        (result.registerAs &&
          e.allowedMethods.includes(result.registerAs) &&
          findMethod(result.registerAs)) ||
        method;
      const added = [await addRegistration(ctx, e.user.id, proven.id, result)];
      // Companion methods the same proof covers, where the organisation allows them.
      for (const c of result.companions ?? []) {
        const companion = companionOf(result, c);
        const id = companion.methodType;
        const registered = [...e.registrations, ...added].some(
          (r) => r.methodType === id && r.secret === companion.secret,
        );
        if (e.allowedMethods.includes(id) && findMethod(id) && !registered)
          added.push(await addRegistration(ctx, e.user.id, id, { ok: true, ...companion }));
      }
      await audit(
        ctx,
        ctx.db,
        { name: e.user.upn, ip: e.flow.client_ip },
        {
          action: 'method_added',
          target: { id: e.user.id, upn: e.user.upn },
          detail: { methodTypes: added.map((r) => r.methodType), by: 'user', during },
        },
      );
      await notifyMethodChange(ctx, e.user, 'added', proven.id);
      return { ok: true, proven, added };
    },
  };
}
