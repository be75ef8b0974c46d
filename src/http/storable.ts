import { z } from 'zod';

/**
 * What PostgreSQL can store. A `text` value cannot hold U+0000, and a lone UTF-16 surrogate has no UTF-8 encoding
 * (the driver would silently store U+FFFD instead). Dates: PostgreSQL has no year 0000, and `Date#toISOString`
 * writes years past 9999 as `+010000`, which it does not read. Input that breaks these rules is the caller's
 * mistake, so it is refused as 400 naming the field rather than failing in the database as a 500.
 */

// eslint-disable-next-line no-control-regex -- U+0000 is exactly what PostgreSQL cannot store in text.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_TEXT_CODE = 'invalid_characters';
export const UNSTORABLE_TEXT_REASON = 'Bevat een teken dat niet kan worden opgeslagen (een nulteken U+0000 of een half UTF-16-teken).';

export const isStorableText = (value: string) => !UNSTORABLE.test(value);

/**
 * Dotted paths (`trefwoorden.1`) of every string, and every object key, that cannot be stored. Bounded in depth and
 * in the number of findings, so a hostile document costs no more than reading it.
 */
export function unstorablePaths(value: unknown, prefix = '', found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === 'string') {
    if (!isStorableText(value)) found.push(prefix || '(waarde)');
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorablePaths(item, prefix ? `${prefix}.${index}` : String(index), found, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (!isStorableText(key)) found.push(path);
      else unstorablePaths(item, path, found, depth + 1);
    }
  }
  return found;
}

// Dates the register has any use for, well inside what PostgreSQL and JavaScript both represent exactly.
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);
const RANGE_MESSAGE = 'Gebruik een datum tussen 1900 en 9999.';

/** `YYYY-MM-DD` from 1900-01-01 to 9999-12-31. */
export const storableDate = (formatMessage: string) =>
  z.iso.date(formatMessage).refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return time >= EARLIEST && time <= LATEST;
  }, RANGE_MESSAGE);

/** An ISO 8601 instant whose UTC date lies from 1900-01-01 to 9999-12-31 (an offset can move it across a year). */
export const storableDateTime = (options: { offset?: boolean } = {}) =>
  z.iso.datetime(options).refine((value) => {
    const time = Date.parse(value);
    return time >= EARLIEST && time < LATEST + 86_400_000;
  }, RANGE_MESSAGE);
