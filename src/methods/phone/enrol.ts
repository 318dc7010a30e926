import type { Enrolment } from '../types.ts';
import { callPhone, checkCall, checkCode, textCode } from './challenge.ts';
import { defaultCountry, maskNumber, toE164, toExtension } from './numbers.ts';

export type Channel = 'text' | 'call';

/** Which MethodType each way of reaching this phone registers as. */
export type Channels = Partial<Record<Channel, string>>;

export type PhoneEnrolState =
  | {
      phase: 'number';
      channels: Channel[];
      preferred: Channel;
      /** The mobile number the directory has for the user (E.164), offered first. */
      suggested?: string | null;
    }
  | { phase: 'confirm'; number: string; extension: string | null; channel: Channel };

/**
 * Proof-up for a phone, as in the original: pick the country and enter the
 * number, choose "Send me a code by text message" or "Call me" (where both
 * are allowed), then verify the device — the code typed back, or # pressed on
 * the call — before anything is registered. A verified mobile number is
 * registered for both channels the organisation allows. The number is personal
 * data: it is kept sealed as the registration's secret, and masked in details.
 * With `suggest`, a directory user's mobile number from the directory is
 * offered (masked) beside typing another; it is verified like any number.
 */
export function phoneEnrolment(
  channels: Channels,
  preferred: Channel,
  withExtension: boolean,
  suggest = false,
): Omit<Enrolment<PhoneEnrolState>, 'render'> {
  const methodOf = (c: Channel) => channels[c]!;
  return {
    async begin(_ctx, user, attempt) {
      const usable = (Object.keys(channels) as Channel[]).filter((c) =>
        attempt.allowedMethods.includes(methodOf(c)),
      );
      const offered = usable.length > 0 ? usable : [preferred];
      const suggested =
        suggest && user.directoryMobile
          ? toE164(defaultCountry(user.preferredLanguage), user.directoryMobile)
          : null;
      return {
        phase: 'number',
        channels: offered,
        preferred: offered.includes(preferred) ? preferred : offered[0]!,
        ...(suggested ? { suggested } : {}),
      };
    },

    async complete(ctx, user, state, input, attempt, t) {
      if (state.phase === 'number' || input.resend) {
        const number =
          state.phase !== 'number'
            ? state.number
            : state.suggested && input.numberFrom === 'directory'
              ? state.suggested
              : toE164(input.country, input.number);
        const extension =
          state.phase === 'number'
            ? withExtension
              ? toExtension(input.extension)
              : null
            : state.extension;
        const wanted = input.channel as Channel | undefined;
        const channel =
          state.phase === 'number'
            ? wanted && state.channels.includes(wanted)
              ? wanted
              : state.preferred
            : state.channel;
        if (!number || extension === false) return { ok: 'retry', message: t('phone.invalid') };
        if (channel === 'text') await textCode(ctx, user, attempt, methodOf('text'), null, number);
        else await callPhone(ctx, user, attempt, methodOf('call'), null, number, extension);
        return { ok: 'continue', state: { phase: 'confirm', number, extension, channel } };
      }
      const result =
        state.channel === 'text'
          ? await checkCode(ctx, attempt, null, input.code, t)
          : await checkCall(ctx, attempt, null, t);
      if (result.ok !== true) return result;
      const other = (Object.keys(channels) as Channel[]).filter((c) => c !== state.channel);
      return {
        ok: true,
        secret: state.number,
        details: {
          masked: maskNumber(state.number),
          ...(state.extension ? { extension: state.extension } : {}),
        },
        registerAs: methodOf(state.channel),
        companions: other.map(methodOf),
      };
    },
  };
}
