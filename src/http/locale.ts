import type { Context, MiddlewareHandler } from 'hono';
import { acceptLanguage, negotiate, translator } from '../i18n/index.ts';
import type { HttpEnv } from './env.ts';

/** Sets the page language from Accept-Language (for people not yet known). */
export const localeFromHeaders: MiddlewareHandler<HttpEnv> = async (c, next) => {
  const locale = negotiate(acceptLanguage(c.req.header('accept-language')));
  c.set('locale', locale);
  c.set('t', translator(locale));
  await next();
};

/** Once the user is known, their preferred language wins over the browser's. */
export function useUserLocale(c: Context<HttpEnv>, preferredLanguage: string): void {
  const locale = negotiate([preferredLanguage, ...acceptLanguage(c.req.header('accept-language'))]);
  c.set('locale', locale);
  c.set('t', translator(locale));
}
