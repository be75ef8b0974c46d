import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Contact details in a form every screen can rely on. Pure functions, tested on their own.
 */

/** Free mail providers: the register holds work contact data only. */
const privateMailDomains = new Set([
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.nl', 'outlook.com', 'outlook.nl', 'live.nl', 'live.com',
  'msn.com', 'yahoo.com', 'yahoo.nl', 'icloud.com', 'me.com', 'ziggo.nl', 'kpnmail.nl', 'kpnplanet.nl', 'planet.nl',
  'home.nl', 'hetnet.nl', 'casema.nl', 'chello.nl', 'xs4all.nl', 'upcmail.nl', 'tele2.nl', 'proton.me', 'protonmail.com',
]);

export function isPrivateMail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return privateMailDomains.has(domain);
}

/** Dutch municipal short numbers (14 + area code, e.g. 14 020) are valid work numbers libphonenumber does not know. */
const municipalShortNumber = /^14\s?0\d{2,3}$/;

/**
 * A Dutch or international phone number in E.164 (`+31201234567`), or a municipal 14-number as `14 020`.
 * Returns undefined when the number is not valid.
 */
export function normalisePhone(input: string): string | undefined {
  const value = input.trim();
  if (municipalShortNumber.test(value)) return `14 ${value.replace(/^14\s?/, '')}`;
  const parsed = parsePhoneNumberFromString(value, 'NL');
  if (!parsed || !parsed.isValid()) return undefined;
  return parsed.format('E.164');
}
