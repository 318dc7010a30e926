import type { Context, MiddlewareHandler } from 'hono';
import { acceptLanguage, negotiate, translator, userLocale } from '../i18n/index.ts';
import type { UserRow } from '../storage/users.ts';
import type { HttpEnv } from './env.ts';

/** Sets the page language from Accept-Language (for people not yet known). */
export const localeFromHeaders: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const locale = negotiate(acceptLanguage(c.req.header('accept-language')));
  c.set('locale', locale);
  c.set('t', translator(locale));
  await next();
};

/** Once the user is known, the language they chose wins over the browser's. */
export function useUserLocale(
  c: Context<HttpEnv>,
  user: Pick<UserRow, 'preferred_language' | 'browser_language'>,
): void {
  // A page answers this browser: the language remembered from an earlier
  // sign-in is for what reaches the user without one (texts, calls, email).
  const locale = userLocale(
    { preferred_language: user.preferred_language },
    acceptLanguage(c.req.header('accept-language')),
  );
  c.set('locale', locale);
  c.set('t', translator(locale));
}
