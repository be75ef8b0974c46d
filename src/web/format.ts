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

/** "A", "A en B", "A, B en C": names in a sentence. */
export function listInSentence(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}
