// PhoneAppOTP: codes from an authenticator app (RFC 6238).
import QRCode from 'qrcode';
import { methodInfo } from '../catalogue.ts';
import type { Attempt, AuthMethod, MethodContext, VerifyResult } from '../types.ts';
import { matchingStep, newSecret, normaliseCode, totpFor } from './codes.ts';
import { stepUsedBy, totpStepsStore } from './steps.ts';
import { EnrolView, VerifyView } from './views.tsx';

interface EnrolState {
  secret: string;
}

async function check(
  ctx: MethodContext,
  userId: string,
  secret: string,
  input: string | undefined,
  attempt: Attempt,
): Promise<VerifyResult> {
  const code = normaliseCode(input);
  if (!code) return { ok: false, reason: 'malformed' };
  const now = ctx.clock.now();
  const step = matchingStep(secret, code, now);
  if (step === null) return { ok: false, reason: 'invalid' };
  // RFC 6238 §5.2: a code is accepted once. Claiming the step is one atomic insert.
  if (await totpStepsStore(ctx.db).claim(userId, step, now, attempt.flowId)) return { ok: true };
  // The same attempt sent the code twice (a double click): not a wrong code.
  if ((await stepUsedBy(ctx.db, userId, step)) === attempt.flowId) return { ok: 'waiting' };
  return { ok: false, reason: 'replayed' };
}

export const totpMethod = {
  ...methodInfo('PhoneAppOTP'),

  enrol: {
    async begin(ctx) {
      return { secret: newSecret(ctx.random.bytes(20)) }; // 160 bits, RFC 4226 §4 R6
    },
    async render(ctx, user, state, form) {
      const uri = totpFor(state.secret, user.upn, await ctx.issuer()).toString();
      const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return EnrolView({ svg, secret: state.secret, uri, form });
    },
    async complete(ctx, user, state, input, attempt) {
      const result = await check(ctx, user.id, state.secret, input.code, attempt);
      return result.ok === true ? { ok: true, secret: state.secret, details: {} } : result;
    },
  },

  remote: {
    proof: 'code',
    prompt: async (_ctx, _user, _reg, _attempt, t) => t('radius.totp'),
    looksLike: (input) => normaliseCode(input) !== null,
  },

  renderVerify: (_ctx, _user, _reg, form) => VerifyView({ form }),

  verify: (ctx, user, reg, input, attempt) =>
    check(ctx, user.id, reg.secret ?? '', input.code, attempt),
} satisfies AuthMethod<EnrolState>;
