// The texts of email, in the user's language (the same catalogs as pages and
// texts): a greeting, what happened, and who to tell if it was not them.
import { type MessageKey, translator, userLocale, type Values } from '../i18n/index.ts';
import type { Brand } from '../services/branding.ts';
import type { UserRow } from '../storage/users.ts';
import type { OutgoingMail } from './queue.ts';

export type MailKind =
  | 'invitation'
  | 'methodAdded'
  | 'methodRemoved'
  | 'appPassword'
  | 'passwordChanged';

/** A message of `kind` to the user's email address (the caller knows there is one), signed with the organisation's name and help. */
export function composeMail(
  brand: Brand,
  kind: MailKind,
  user: Pick<
    UserRow,
    'id' | 'upn' | 'display_name' | 'preferred_language' | 'browser_language' | 'directory_mail'
  >,
  values: Values = {},
): OutgoingMail {
  const locale = userLocale(user);
  const t = translator(locale);
  const all = {
    issuer: brand.name,
    upn: user.upn,
    name: user.display_name,
    ...values,
  };
  const text = [
    t('mail.greeting', all),
    t(`mail.${kind}.body` as MessageKey, all),
    t('mail.footer', all),
    ...(brand.helpText || brand.helpUrl
      ? [[brand.helpText, brand.helpUrl].filter(Boolean).join('\n')]
      : []),
  ].join('\n\n');
  return {
    kind,
    to: user.directory_mail!,
    userId: user.id,
    locale,
    subject: t(`mail.${kind}.subject` as MessageKey, all),
    text: `${text}\n`,
  };
}
