// "A method was added to / removed from your account": told to the user on
// their default channel that can carry a text (a mobile number), so a change
// they did not make does not go unnoticed. A user with no such channel (an
// authenticator app only) has none to tell; the audit log still has it.
import type { AppContext } from '../context.ts';
import { negotiate, translator } from '../i18n/index.ts';
import { findMethodInfo } from '../methods/catalogue.ts';
import type { UserRow } from '../storage/users.ts';
import { loadRegistrations } from './registrations.ts';

/** Methods whose registration holds a mobile number that can take a text. */
const TEXTABLE = ['OneWaySMS', 'TwoWayVoiceMobile', 'TwoWayVoiceAlternateMobile'];

export async function notifyMethodChange(
  ctx: AppContext,
  user: Pick<UserRow, 'id' | 'upn' | 'preferred_language'>,
  change: 'added' | 'removed',
  methodType: string,
): Promise<void> {
  const regs = (await loadRegistrations(ctx, user.id)).filter(
    (r) => TEXTABLE.includes(r.methodType) && r.secret,
  );
  const to = (regs.find((r) => r.isDefault) ?? regs[0])?.secret;
  if (!to) return;
  const locale = negotiate([user.preferred_language]);
  const t = translator(locale);
  const method = findMethodInfo(methodType)
    ? t(`method.${methodType}.label` as Parameters<typeof t>[0])
    : methodType;
  const text = t(change === 'added' ? 'notify.methodAdded' : 'notify.methodRemoved', {
    issuer: ctx.methodContext.issuer,
    method,
    upn: user.upn,
  });
  try {
    await ctx.telephony.sendText({ to, text, locale });
  } catch (err) {
    // The change stands; a notice that could not be sent is logged, not fatal.
    ctx.log.warn({ err: (err as Error).message, user: user.id }, 'method change notice not sent');
  }
}
