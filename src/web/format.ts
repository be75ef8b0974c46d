import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A stored phone number as Dutch readers expect it: national format for Dutch numbers, international otherwise. */
export function displayPhone(stored: string): string {
  const parsed = parsePhoneNumberFromString(stored);
  if (!parsed) return stored;
  return parsed.country === 'NL' ? parsed.formatNational() : parsed.formatInternational();
}
