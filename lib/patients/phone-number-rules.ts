import {
  getCountries,
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";

/**
 * Patient phone numbers are stored in E.164 ("+12015550123"): the one form a
 * text provider accepts, and one spelling per number, so search and the
 * inbound-reply lookup match. A number typed without "+" is read as a number
 * of the clinic's country; with "+" as international. The "max" metadata is
 * used because "min" checks only the length, and a number that passes here
 * but that the provider refuses (Twilio 21211) would fail every reminder.
 */

export const DEFAULT_COUNTRY = "US";

export const COUNTRY_CODES: readonly string[] = Object.freeze([...getCountries()].sort());

export function isCountryCode(value: string): value is CountryCode {
  return /^[A-Z]{2}$/.test(value) && isSupportedCountry(value);
}

function countryOrDefault(country: string): CountryCode {
  return isCountryCode(country) ? country : DEFAULT_COUNTRY;
}

/** A real-looking number of the country, as people there write it: "(201) 555-0123" for the US. */
export function phoneExample(country: string): string {
  return getExampleNumber(countryOrDefault(country), examples)?.formatNational() ?? "+1 201 555 0123";
}

export function invalidPhoneMessage(country: string): string {
  return `Enter a valid phone number, e.g. ${phoneExample(country)}.`;
}

/** The E.164 form of what was typed, or null when it cannot be parsed or is not a valid number. */
export function toE164(raw: string, country: string): string | null {
  const typed = raw.trim();
  if (!typed) return null;
  const parsed = parsePhoneNumberFromString(typed, countryOrDefault(country));
  return parsed?.isValid() ? parsed.number : null;
}

/** For people to read: national in the clinic's country, international otherwise; as stored if unparseable. */
export function formatPhone(stored: string | null | undefined, country: string): string {
  if (!stored) return "";
  const parsed = parsePhoneNumberFromString(stored, countryOrDefault(country));
  if (!parsed) return stored;
  return parsed.country === countryOrDefault(country) ? parsed.formatNational() : parsed.formatInternational();
}

/** Country names for the clinic settings' select, in English. */
export function countryOptions(): Array<{ code: string; name: string }> {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}
