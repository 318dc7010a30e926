// Notices of changes to a user's account, so a change they did not make does
// not go unnoticed: by email (when the user has an address and the service
// settings want it), and for methods also by text on their default channel
// that can carry one (a mobile number). A notice that cannot be sent is
// logged; the change stands either way, and the audit log has it.
import type { AppContext } from '../context.ts';
import { type MessageKey, translator, userLocale, type Values } from '../i18n/index.ts';
import { composeMail, type MailKind } from '../mail/messages.ts';
import { enqueueMail } from '../mail/queue.ts';
import { findMethodInfo } from '../methods/catalogue.ts';
import type { UserRow } from '../storage/users.ts';
import { brandOf } from './branding.ts';
import { loadRegistrations } from './registrations.ts';
import { getServiceSettings, type ServiceSettings } from './settings.ts';

/** Methods whose registration holds a mobile number that can take a text. */
const TEXTABLE = ['OneWaySMS', 'TwoWayVoiceMobile', 'TwoWayVoiceAlternateMobile'];

export async function notifyMethodChange(
  ctx: AppContext,
  user: Pick<UserRow, 'id' | 'upn' | 'preferred_language' | 'browser_language'>,
  change: 'added' | 'removed',
  methodType: string,
): Promise<void> {
  const regs = (await loadRegistrations(ctx, user.id)).filter(
    (r) => TEXTABLE.includes(r.methodType) && r.secret,
  );
  const locale = userLocale(user);
  const t = translator(locale);
  const method = findMethodInfo(methodType)
    ? t(`method.${methodType}.label` as MessageKey)
    : methodType;
  await emailNotice(
    ctx,
    user.id,
    change === 'added' ? 'methodAdded' : 'methodRemoved',
    'mailOnMethodChange',
    {
      method,
    },
  );
  const to = (regs.find((r) => r.isDefault) ?? regs[0])?.secret;
  if (!to) return;
  const text = t(change === 'added' ? 'notify.methodAdded' : 'notify.methodRemoved', {
    issuer: await ctx.methodContext.issuer(),
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

type MailSetting = 'mailOnMethodChange' | 'mailOnAppPassword' | 'mailOnPasswordChange';

/** Queues an email notice to the user, if they have an address and the settings want it. */
async function emailNotice(
  ctx: AppContext,
  userId: string,
  kind: MailKind,
  setting: MailSetting,
  values: Values = {},
): Promise<void> {
  try {
    const settings: ServiceSettings = await getServiceSettings(ctx);
    if (!settings[setting]) return;
    const user = await ctx.stores.users.findById(userId);
    if (!user?.directory_mail) return;
    await enqueueMail(ctx, ctx.db, composeMail(brandOf(settings), kind, user, values));
  } catch (err) {
    ctx.log.warn({ err: (err as Error).message, user: userId, kind }, 'email notice not queued');
  }
}

/** "An app password named … was created for your account." */
export const notifyAppPassword = (ctx: AppContext, userId: string, name: string) =>
  emailNotice(ctx, userId, 'appPassword', 'mailOnAppPassword', { name });

/** "Your password was changed." */
export const notifyPasswordChange = (ctx: AppContext, userId: string) =>
  emailNotice(ctx, userId, 'passwordChanged', 'mailOnPasswordChange');
