import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A stored phone number as Dutch readers expect it: national format for Dutch numbers, international otherwise. */
export function displayPhone(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational();
}

/** A date (YYYY-MM-DD) or timestamp as "24 november 2026". Dates are taken at noon UTC so no time zone shifts the day. */
export function displayDate(iso: string): string {
  return new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
}
