/**
 * Personal names out of the unmet-search list (#14 point 14). Someone who searched for a colleague by name and found
 * nobody should not see that name on the insights page, nor should anyone else.
 *
 * The search log keeps folded words (lower case, no accents: zoeken/service.ts), so capitalisation cannot tell a name
 * from a word. The rule, decided here and documented in docs/decisions.md:
 * - a word is a name when it is a word of a person's name in the register (first names and surnames of every entry,
 *   current or not: at 100,000 entries that covers the common Dutch names) and not a word of the reference
 *   vocabulary (taxonomy names and synonyms, organisation names: "visser" stays a name, "tilburg" stays a place);
 * - name particles (van, de, der, …) next to a name go with it: "van der berg" becomes one "[naam]";
 * - long digit runs are phone or personnel numbers: "[nummer]"; e-mail addresses arrive split into words and are
 *   caught by their name words.
 * Rows that become equal after masking are merged. A name nobody in the register carries is not detected; the search
 * log's retention (ZOEKLOG_BEWAAR_DAGEN) bounds how long such a word is kept.
 */

export const NAAM = '[naam]';
export const NUMMER = '[nummer]';

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'op', 'in', 't', 'la', 'le', 'du', 'da', 'di', 'el', 'al', 'bin', 'ben', 'von', 'zu']);

/** Words a name check should ask about: not particles, not vocabulary, at least two letters. */
export function nameCandidates(words: string[], vocabulary: ReadonlySet<string>): string[] {
  return words.filter((w) => w.length >= 2 && !PARTICLES.has(w) && !vocabulary.has(w) && !/^\d+$/.test(w));
}

export function maskNames(words: string[], isName: (word: string) => boolean, vocabulary: ReadonlySet<string>): string {
  const kinds = words.map((w) => (/^\d{6,}$/.test(w) ? 'nummer' : PARTICLES.has(w) ? 'particle' : !vocabulary.has(w) && isName(w) ? 'naam' : 'woord'));
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (kinds[i] === 'nummer') {
      out.push(NUMMER);
      continue;
    }
    if (kinds[i] === 'naam' || kinds[i] === 'particle') {
      // A run of names and particles with at least one name is one name; particles alone are words.
      let j = i;
      while (j < words.length && (kinds[j] === 'naam' || kinds[j] === 'particle')) j++;
      if (kinds.slice(i, j).includes('naam')) {
        out.push(NAAM);
        i = j - 1;
        continue;
      }
    }
    out.push(words[i]!);
  }
  return out.join(' ');
}
