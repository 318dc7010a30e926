// Localisation: ICU MessageFormat catalogs (intl-messageformat) and BCP 47
// negotiation (@formatjs/intl-localematcher) for pages, texts and spoken prompts.
import { match } from '@formatjs/intl-localematcher';
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './keys.ts';
import cs from './locales/cs.ts';
import de from './locales/de.ts';
import en from './locales/en.ts';
import es from './locales/es.ts';
import fr from './locales/fr.ts';
import sk from './locales/sk.ts';

export { isMessageKey, type MessageKey } from './keys.ts';
export type Catalog = Record<MessageKey, string>;
export type Values = Record<string, string | number>;
export type Translate = (key: MessageKey, values?: Values) => string;

export const catalogs = { en, de, fr, es, cs, sk } satisfies Record<string, Catalog>;
export type Locale = keyof typeof catalogs;
export const locales = Object.keys(catalogs) as Locale[];
export const DEFAULT_LOCALE: Locale = 'en';

/** The best supported locale for a list of preferences (most preferred first). */
export function negotiate(preferences: readonly (string | null | undefined)[]): Locale {
  const wanted = preferences.filter(
    (p): p is string => !!p && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(p),
  );
  if (wanted.length === 0) return DEFAULT_LOCALE;
  try {
    return match(wanted, locales, DEFAULT_LOCALE, { algorithm: 'best fit' }) as Locale;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Whose language a user is spoken to in: what they chose, else their browser's (asked now, else last seen). */
export function userLocale(
  user: { preferred_language: string; browser_language?: string | null },
  browser: readonly string[] = [],
): Locale {
  return negotiate([user.preferred_language, ...browser, user.browser_language]);
}

/** Language tags from an Accept-Language header, by descending q. */
export function acceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag?.trim() ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

const formats = new Map<string, IntlMessageFormat>();

/** A translate function for one locale; formatted messages are compiled once. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const id = `${locale}\u0000${key}`;
    let f = formats.get(id);
    if (!f) {
      f = new IntlMessageFormat(catalogs[locale][key], locale);
      formats.set(id, f);
    }
    return String(f.format(values));
  };
}
