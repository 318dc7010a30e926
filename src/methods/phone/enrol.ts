import type { Enrolment } from '../types.ts';
import { callPhone, checkCall, checkCode, textCode } from './challenge.ts';
import { maskNumber, toE164, toExtension } from './numbers.ts';

export type PhoneEnrolState =
  | { phase: 'number' }
  | { phase: 'confirm'; number: string; extension: string | null };

/**
 * Proof-up for a phone method, as in the original: enter the number, then
 * verify the device — a texted code typed back, or # pressed on a call —
 * before the method is registered. The number is personal data: it is kept
 * sealed as the registration's secret, and masked in its details.
 */
export function phoneEnrolment(
  methodType: string,
  channel: 'text' | 'call',
  withExtension: boolean,
  companions: readonly string[] = [],
): Omit<Enrolment<PhoneEnrolState>, 'render'> {
  return {
    begin: async () => ({ phase: 'number' }),

    async complete(ctx, user, state, input, attempt, t) {
      if (state.phase === 'number' || input.resend) {
        const number =
          state.phase === 'number' ? toE164(input.country, input.number) : state.number;
        const extension =
          state.phase === 'number'
            ? withExtension
              ? toExtension(input.extension)
              : null
            : state.extension;
        if (!number || extension === false) return { ok: 'retry', message: t('phone.invalid') };
        if (channel === 'text') await textCode(ctx, user, attempt, methodType, null, number);
        else await callPhone(ctx, user, attempt, methodType, null, number, extension);
        return { ok: 'continue', state: { phase: 'confirm', number, extension } };
      }
      const result =
        channel === 'text'
          ? await checkCode(ctx, attempt, null, input.code)
          : await checkCall(ctx, attempt, null, t);
      if (result.ok !== true) return result;
      return {
        ok: true,
        secret: state.number,
        details: {
          masked: maskNumber(state.number),
          ...(state.extension ? { extension: state.extension } : {}),
        },
        companions,
      };
    },
  };
}
