// Security info → Add method: the same enrolment steps as proof-up, for a
// signed-in user who already proved a second factor recently (the HTTP layer
// asks that first). The enrolment state lives sealed in a flow row, as in a
// sign-in, so a method's challenges (texts, calls) are tied to it.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';
import { findMethod } from '../methods/index.ts';
import type { AuthMethod, Input, MethodUser, Registration } from '../methods/types.ts';
import { type Actor, audit } from '../services/audit.ts';
import { notifyMethodChange } from '../services/method-notices.ts';
import { addRegistration, companionOf, loadRegistrations } from '../services/registrations.ts';
import { getServiceSettings } from '../services/settings.ts';
import type { UserRow } from '../storage/users.ts';
import type { ClientInfo } from './signin.ts';
import { throttle } from './throttle.ts';

interface Pending {
  methodId: string;
  state: unknown;
}

export interface AddMethodState {
  flowId: string;
  method: AuthMethod<unknown>;
  state: unknown;
}

const aad = (flowId: string) => `signin_flows:${flowId}:add-method`;

const methodUser = (u: UserRow): MethodUser => ({
  id: u.id,
  upn: u.upn,
  displayName: u.display_name,
  preferredLanguage: u.preferred_language,
});

export function addMethodFlows(ctx: AppContext) {
  const { stores, clock, config } = ctx;
  const limits = throttle(ctx);

  const attempt = async (flowId: string, ip: string | null) => ({
    flowId,
    clientIp: ip,
    allowedMethods: (await getServiceSettings(ctx)).allowedMethods,
  });

  async function seal(flowId: string, pending: Pending): Promise<void> {
    await stores.flows.update(flowId, {
      pending_sealed: ctx.box.seal(JSON.stringify(pending), aad(flowId)),
    });
  }

  return {
    /** Starts adding a method the organisation allows. */
    async begin(user: UserRow, methodId: string, client: ClientInfo): Promise<AddMethodState> {
      const { allowedMethods } = await getServiceSettings(ctx);
      const method = allowedMethods.includes(methodId) ? findMethod(methodId) : undefined;
      const alone =
        method?.standalone === false && (await loadRegistrations(ctx, user.id)).length === 0;
      if (!method?.enrol || alone)
        throw new AppError('invalid_request', {
          detail: alone
            ? 'Add another method first: this one only backs up another.'
            : 'Choose one of the methods your organisation allows.',
        });
      const now = clock.now();
      const flowId = crypto.randomUUID();
      await stores.flows.insert({
        id: flowId,
        user_id: user.id,
        factors: '[]',
        failed_codes: 0,
        pending_sealed: null,
        return_to: '/security-info',
        client_ip: client.ip,
        user_agent: client.userAgent?.slice(0, 512) ?? null,
        created_at: now,
        expires_at: now + config.signinFlowMinutes * 60_000,
        ended_at: null,
        require_mfa: 0,
        step_up: 0,
        remember_device: 0,
        proofup_postponed: 0,
      });
      const state = await method.enrol.begin(
        ctx.methodContext,
        methodUser(user),
        await attempt(flowId, client.ip),
      );
      await seal(flowId, { methodId, state });
      return { flowId, method, state };
    },

    /** The enrolment under way in this flow, if it is this user's and still live. */
    async load(user: UserRow, flowId: string): Promise<AddMethodState> {
      const flow = await stores.flows.findActive(flowId.slice(0, 64), clock.now());
      if (!flow || flow.user_id !== user.id || !flow.pending_sealed)
        throw new AppError('signin_expired', {
          detail: 'This registration has expired. Start again.',
        });
      const pending = JSON.parse(ctx.box.open(flow.pending_sealed, aad(flow.id))) as Pending;
      const method = findMethod(pending.methodId);
      if (!method?.enrol) throw new AppError('signin_expired');
      return { flowId: flow.id, method, state: pending.state };
    },

    /**
     * The user sent the enrolment's form: registered (audited, the user told
     * on their default channel), a next phase, or a clear error.
     */
    async complete(
      user: UserRow,
      flowId: string,
      input: Input,
      t: Translate,
      actor: Actor,
    ): Promise<{ done: true; registration: Registration } | { done: false; s: AddMethodState }> {
      const s = await this.load(user, flowId);
      const key = `code:${user.id}`;
      const { wait, counted } = await limits.check(key);
      if (wait > 0)
        throw new AppError('too_many_attempts', {
          retryAfter: wait,
          detail: `Too many wrong codes. Try again in ${wait} seconds.`,
          local: { key: 'error.too_many_codes', values: { seconds: wait } },
        });
      const result = await s.method.enrol!.complete(
        ctx.methodContext,
        methodUser(user),
        s.state,
        input,
        await attempt(s.flowId, actor.ip),
        t,
      );
      if (result.ok === 'continue') {
        await seal(s.flowId, { methodId: s.method.id, state: result.state });
        return { done: false, s: { ...s, state: result.state } };
      }
      if (result.ok === 'waiting')
        throw new AppError('waiting', { ...(result.message ? { detail: result.message } : {}) });
      if (result.ok === 'retry') throw new AppError('invalid_request', { detail: result.message });
      if (!result.ok) {
        await limits.fail(key);
        if ((await stores.flows.addFailure(s.flowId)) >= config.maxCodeAttempts) {
          await stores.flows.end(s.flowId, clock.now());
          throw new AppError('signin_expired', {
            detail: 'Too many wrong codes. Start again.',
            local: { key: 'error.attempt_ended' },
          });
        }
        throw new AppError('invalid_code');
      }
      // Only the one request that ends the flow registers (a double submit adds nothing).
      if (!(await stores.flows.end(s.flowId, clock.now()))) throw new AppError('signin_expired');
      if (counted) await limits.clear(key);
      const { allowedMethods } = await getServiceSettings(ctx);
      const proven =
        (result.registerAs &&
          allowedMethods.includes(result.registerAs) &&
          findMethod(result.registerAs)) ||
        s.method;
      const registration = await addRegistration(ctx, user.id, proven.id, result);
      const added = [proven.id];
      const existing = await loadRegistrations(ctx, user.id);
      for (const c of result.companions ?? []) {
        const companion = companionOf(result, c);
        const id = companion.methodType;
        const already = existing.some(
          (r) => r.methodType === id && r.id !== registration.id && r.secret === companion.secret,
        );
        if (allowedMethods.includes(id) && findMethod(id) && !already) {
          await addRegistration(ctx, user.id, id, { ok: true, ...companion });
          added.push(id);
        }
      }
      await audit(ctx, ctx.db, actor, {
        action: 'method_added',
        target: { id: user.id, upn: user.upn },
        detail: { methodTypes: added, by: 'user' },
      });
      await notifyMethodChange(ctx, user, 'added', proven.id);
      return { done: true, registration };
    },
  };
}

export type AddMethodFlows = ReturnType<typeof addMethodFlows>;
