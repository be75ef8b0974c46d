/**
 * Text normalisation shared by documents, queries and highlighting: lower case, no diacritics (Joëlle → joelle,
 * cliënt → client), words of letters and digits. Pure.
 */

/** Letters that carry no combining mark, so NFD alone does not simplify them (Turkish ı, Scandinavian ø, …). */
const plainLetters: Record<string, string> = { ı: 'i', ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ð: 'd', þ: 'th' };

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[ıøłđßæœðþ]/g, (letter) => plainLetters[letter] ?? letter);
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Query terms: folded words, at most `max`, each at most 40 characters (longer input cannot be a real word). */
export function queryTerms(query: string, max = 10): string[] {
  return words(query)
    .filter((word) => word.length <= 40)
    .slice(0, max);
}

/** Meilisearch's default typo tolerance: one typo from 5 characters, two from 9. */
export function allowedTypos(term: string): number {
  if (term.length >= 9) return 2;
  if (term.length >= 5) return 1;
  return 0;
}

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[cols - 1]!;
}
