// Security info → Add method: the same registration as proof-up (./enrolment.ts),
// for a signed-in user who already proved a second factor recently (the HTTP
// layer asks that first), in a flow row of its own.
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Translate } from '../i18n/index.ts';
import { findMethod, worksAlone } from '../methods/index.ts';
import type { AuthMethod, Input, Registration } from '../methods/types.ts';
import { methodTypesForUser } from '../services/methods-policy.ts';
import { loadRegistrations } from '../services/registrations.ts';
import type { FlowRow } from '../storage/flows.ts';
import type { UserRow } from '../storage/users.ts';
import { type Enrolling, enrolment } from './enrolment.ts';
import type { ClientInfo } from './signin.ts';

export interface AddMethodState {
  flowId: string;
  method: AuthMethod<unknown>;
  state: unknown;
}

export function addMethodFlows(ctx: AppContext) {
  const { stores, clock, config } = ctx;
  const enrol = enrolment(ctx);

  const enrolling = async (user: UserRow, flow: FlowRow): Promise<Enrolling> => ({
    user,
    flow,
    allowedMethods: await methodTypesForUser(ctx, user.id, 'register'),
    registrations: await loadRegistrations(ctx, user.id),
  });

  async function live(user: UserRow, flowId: string): Promise<FlowRow> {
    const flow = await stores.flows.findActive(flowId.slice(0, 64), clock.now());
    if (!flow || flow.user_id !== user.id || !flow.pending_sealed)
      throw new AppError('signin_expired', {
        detail: 'This registration has expired. Start again.',
      });
    return flow;
  }

  return {
    /** Starts adding a method the organisation allows. */
    async begin(user: UserRow, methodId: string, client: ClientInfo): Promise<AddMethodState> {
      const allowedMethods = await methodTypesForUser(ctx, user.id, 'register');
      const method = allowedMethods.includes(methodId) ? findMethod(methodId) : undefined;
      // A backup method (recovery codes) only beside one that works on its own.
      const alone =
        method?.standalone === false &&
        !(await loadRegistrations(ctx, user.id)).some((r) => worksAlone(r.methodType));
      if (!method?.enrol || alone)
        throw new AppError('invalid_request', {
          detail: alone
            ? 'Add another method first: this one only backs up another.'
            : 'Choose one of the methods your organisation allows.',
        });
      const now = clock.now();
      const flow: FlowRow = {
        id: crypto.randomUUID(),
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
        strength: 'none',
        step_up: 0,
        remember_device: 0,
        proofup_postponed: 0,
        campaign_snoozed: 0,
      };
      await stores.flows.insert(flow);
      await enrol.begin(await enrolling(user, flow), method);
      return this.load(user, flow.id);
    },

    /** The enrolment under way in this flow, if it is this user's and still live. */
    async load(user: UserRow, flowId: string): Promise<AddMethodState> {
      const flow = await live(user, flowId);
      const pending = enrol.pending(flow);
      if (!pending) throw new AppError('signin_expired');
      return { flowId: flow.id, ...pending };
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
    ): Promise<{ done: true; registration: Registration } | { done: false; s: AddMethodState }> {
      const flow = await live(user, flowId);
      const step = await enrol.complete(await enrolling(user, flow), input, t, 'security info');
      if (step.ok === 'continue')
        return { done: false, s: { flowId: flow.id, method: step.method, state: step.state } };
      await stores.flows.end(flow.id, clock.now());
      return { done: true, registration: step.added[0]! };
    },
  };
}

export type AddMethodFlows = ReturnType<typeof addMethodFlows>;
