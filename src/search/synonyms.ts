import { words } from './text.js';

/**
 * Synonym groups from the taxonomy: a node's code, name and synonyms. A query word that belongs to a group also
 * matches the group's other one-word members (Pw → participatiewet, bijstand; bijstand → pw, participatiewet).
 * Multi-word synonyms ("Wet maatschappelijke ondersteuning") are matched through the documents' expertise text.
 */
export type SynonymIndex = Map<string, string[]>;

export function buildSynonymIndex(nodes: { code: string; naam: string; synoniemen: string[] }[]): SynonymIndex {
  const index: SynonymIndex = new Map();
  for (const node of nodes) {
    const members = new Set<string>();
    for (const phrase of [node.code.replace(/-/g, ' '), node.naam, ...node.synoniemen]) {
      const phraseWords = words(phrase);
      if (phraseWords.length === 1) members.add(phraseWords[0]!);
    }
    for (const member of members) {
      const others = [...members].filter((m) => m !== member);
      index.set(member, [...new Set([...(index.get(member) ?? []), ...others])]);
    }
  }
  return index;
}
