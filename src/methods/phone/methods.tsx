// Phone methods: a code by text message, or a call answered with # (mobile, alternate mobile, office).

import { type MethodType, methodInfo } from '../catalogue.ts';
import type { AuthMethod, Enrolment } from '../types.ts';
import { callPhone, checkCall, checkCode, hasLiveChallenge, textCode } from './challenge.ts';
import { type Channel, type Channels, type PhoneEnrolState, phoneEnrolment } from './enrol.ts';
import { displayNumber, maskNumber } from './numbers.ts';
import { CallWait, CodeForm, NumberForm } from './views.tsx';

const masked = (details: Record<string, unknown>) => String(details.masked ?? '');
const resendOf = (regId: string) => `/signin/resend?method=${encodeURIComponent(regId)}`;

/** The mobile phone takes texts and calls: either proves it, and both get registered. */
const MOBILE: Channels = { text: 'OneWaySMS', call: 'TwoWayVoiceMobile' };

function enrolment(
  channels: Channels,
  preferred: Channel,
  withExtension: boolean,
): Enrolment<PhoneEnrolState> {
  return {
    ...phoneEnrolment(channels, preferred, withExtension, channels === MOBILE),
    render: (_ctx, user, state, form) => {
      if (state.phase === 'number') {
        return (
          <NumberForm
            form={form}
            locale={user.preferredLanguage}
            withExtension={withExtension}
            channels={state.channels}
            preferred={state.preferred}
            suggested={state.suggested ? maskNumber(state.suggested) : null}
          />
        );
      }
      // The number the user just typed, in full (masked only where others could read it).
      const number = displayNumber(state.number);
      return state.channel === 'text' ? (
        <CodeForm form={form} masked={number} resendAction={form.action} />
      ) : (
        <CallWait
          form={form}
          masked={number}
          pollHref="/signin/step?poll=1"
          resendAction={form.action}
        />
      );
    },
  };
}

export const smsMethod = {
  ...methodInfo('OneWaySMS'),
  enrol: enrolment(MOBILE, 'text', false),
  async challenge(ctx, user, reg, attempt, resend) {
    if (!resend && (await hasLiveChallenge(ctx, attempt, reg.id))) return;
    await textCode(ctx, user, attempt, 'OneWaySMS', reg.id, reg.secret ?? '');
  },
  remote: {
    proof: 'code',
    prompt: async (_ctx, _user, reg, _attempt, t) =>
      t('radius.sms', { number: masked(reg.details) }),
    looksLike: (input) => /^\d{6}$/.test(input.replace(/[\s-]/g, '')),
  },
  renderVerify: (_ctx, _user, reg, form) => (
    <CodeForm
      form={form}
      masked={masked(reg.details)}
      resendAction={resendOf(reg.id)}
      fraudHref="/signin/fraud"
    />
  ),
  verify: (ctx, _user, reg, input, attempt, t) => checkCode(ctx, attempt, reg.id, input.code, t),
} satisfies AuthMethod<PhoneEnrolState>;

/** A call method; the three differ in which phone they ring and whether it has an extension. */
function voiceMethod(id: MethodType, channels: Channels, withExtension: boolean) {
  return {
    ...methodInfo(id),
    enrol: enrolment(channels, 'call', withExtension),
    async challenge(ctx, user, reg, attempt, resend) {
      if (!resend && (await hasLiveChallenge(ctx, attempt, reg.id))) return;
      const extension = typeof reg.details.extension === 'string' ? reg.details.extension : null;
      await callPhone(ctx, user, attempt, id, reg.id, reg.secret ?? '', extension);
    },
    // Answered with # while the request waits: nothing to show first.
    remote: { proof: 'approval' },
    renderVerify: (_ctx, _user, reg, form) => (
      <CallWait
        form={form}
        masked={masked(reg.details)}
        pollHref={`/signin/step?poll=1&method=${encodeURIComponent(reg.id)}`}
        resendAction={resendOf(reg.id)}
      />
    ),
    verify: (ctx, _user, reg, _input, attempt, t) => checkCall(ctx, attempt, reg.id, t),
  } satisfies AuthMethod<PhoneEnrolState>;
}

export const voiceMobileMethod = voiceMethod('TwoWayVoiceMobile', MOBILE, false);
export const voiceAlternateMethod = voiceMethod(
  'TwoWayVoiceAlternateMobile',
  { call: 'TwoWayVoiceAlternateMobile' },
  false,
);
export const voiceOfficeMethod = voiceMethod(
  'TwoWayVoiceOffice',
  { call: 'TwoWayVoiceOffice' },
  true,
);
