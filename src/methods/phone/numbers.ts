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
export const defaultCountry = (locale: string): CountryCode =>
  defaultCountries[locale.slice(0, 2)] ?? 'US';

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
