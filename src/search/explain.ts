import type { ExpertisegebiedNode, SearchDocument } from './document.js';
import type { Matcher } from './highlight.js';
import { words } from './text.js';

/**
 * Why a result matched where its highlights cannot show it: through a synonym of one of its expertise areas, through
 * a broader expertise area it falls under, through the organisation's official name or abbreviation, or through its
 * werkgebied. Dutch sentences for the result card. Pure: the caller passes the taxonomy and the matcher.
 */

/** What an explanation needs of an expertisegebied. */
export type ExplainedExpertisegebied = Pick<ExpertisegebiedNode, 'naam' | 'synoniemen'>;

const matches = (text: string | null | undefined, matcher: Matcher) => !!text && words(text).some(matcher);

export function explainMatch(document: SearchDocument, matcher: Matcher, taxonomy: Map<string, ExplainedExpertisegebied>): string[] {
  const reasons: string[] = [];
  const own = new Set(document.expertisegebieden.map((e) => e.code));
  const shownExpertise = document.expertisegebieden.map((e) => e.naam).join(' ');
  if (!matches(shownExpertise, matcher)) {
    for (const { code, naam } of document.expertisegebieden) {
      const synonym = taxonomy.get(code)?.synoniemen.find((s) => matches(s, matcher));
      if (synonym) reasons.push(`Gevonden via “${synonym}”, een andere naam voor ${naam}.`);
    }
    if (reasons.length === 0) {
      for (const code of document.expertisePad.filter((c) => !own.has(c))) {
        const node = taxonomy.get(code);
        if (node && (matches(node.naam, matcher) || node.synoniemen.some((s) => matches(s, matcher)))) {
          reasons.push(`Gevonden via het bredere expertisegebied ${node.naam}.`);
        }
      }
    }
  }
  const o = document.organisatie;
  if (!matches(o.naam, matcher) && (matches(o.officieleNaam, matcher) || matches(o.afkorting, matcher))) {
    reasons.push(`Gevonden via de organisatie: ${[o.officieleNaam, o.afkorting].filter(Boolean).join(', ')}.`);
  }
  const area = document.werkgebiedNamen.filter((name) => matches(name, matcher));
  if (area.length > 0) reasons.push(`Gevonden via het werkgebied: ${area.join(', ')}.`);
  return reasons;
}
