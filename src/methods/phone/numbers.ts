import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** Countries for the picker: ISO code, calling code and the name in the page language. */
export function countryOptions(
  locale: string,
): { code: CountryCode; callingCode: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return getCountries()
    .map((code) => ({
      code,
      callingCode: getCountryCallingCode(code),
      name: names.of(code) ?? code,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

const defaultCountries: Record<string, CountryCode> = {
  en: 'US',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  cs: 'CZ',
  sk: 'SK',
};
/** The country a language tag names (en-GB: GB), else its language's usual one. */
export function defaultCountry(locale: string): CountryCode {
  const region = /^[a-z]{2,3}-([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  if (region && getCountries().includes(region as CountryCode)) return region as CountryCode;
  return defaultCountries[locale.slice(0, 2)] ?? 'US';
}

/** An E.164 number as people read it: +420 601 111 222. */
export const displayNumber = (e164: string): string =>
  parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

/**
 * A number as typed, in the chosen country (or with its own +country code), in
 * E.164 — or null when libphonenumber does not consider it a valid number.
 */
export function toE164(country: string | undefined, number: string | undefined): string | null {
  const raw = (number ?? '').trim();
  if (!raw || raw.length > 40) return null;
  const region = getCountries().includes(country as CountryCode)
    ? (country as CountryCode)
    : undefined;
  const parsed = parsePhoneNumberFromString(raw, region);
  return parsed?.isValid() ? parsed.number : null;
}

/** Extensions are digits only (dialled after the call connects). */
export const toExtension = (value: string | undefined): string | null | false => {
  const v = (value ?? '').trim();
  if (!v) return null;
  return /^\d{1,10}$/.test(v) ? v : false;
};

export { maskNumber } from '../../mask.ts';
