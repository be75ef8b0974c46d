import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { MAX_BULK } from '../professionals/bulk-actions.js';
import { getProfessional } from '../professionals/service.js';
import { listInSentence } from './format.js';
import type { Melding } from './pages/coordinatie.js';
import { pageContext } from './request-frame.js';

/**
 * The message on /coordinatie after an action. The URL carries only the kind of message, counts and entry ids, never
 * text: names are looked up by id as this coordinator may see them, so a crafted link cannot put words on the page.
 */

/** At most this many entries are named in a message; more are counted. */
export const NAMES_SHOWN = 10;

/** The query keys a selection action leaves for its message (see `selectionCounts`). */
export interface SelectionCounts {
  aantal: number;
  gedaan?: string[];
  alAantal?: number;
  al?: string[];
  mislukt?: string[];
}

/** What the bulk service did, as query values: ids only when few enough to be named. */
export function selectionCounts(result: { gelukt: string[]; alGedaan: string[]; mislukt: { id: string }[] }): SelectionCounts {
  const named = (ids: string[]) => (ids.length > 0 && ids.length <= NAMES_SHOWN ? ids : undefined);
  return { aantal: result.gelukt.length, gedaan: named(result.gelukt), alAantal: result.alGedaan.length || undefined, al: named(result.alGedaan), mislukt: result.mislukt.map((m) => m.id) };
}

/** What a change did, naming the entry it concerns ("Sanne Verhoeven is geverifieerd."). */
const single: Record<string, (naam: string) => string> = {
  geverifieerd: (naam) => `${naam} is geverifieerd.`,
  gedeactiveerd: (naam) => `${naam} is gedeactiveerd en niet meer vindbaar.`,
  geactiveerd: (naam) => `${naam} is weer actief en vindbaar.`,
  toegevoegd: (naam) => `${naam} is toegevoegd.`,
  opgeslagen: (naam) => `${naam} is opgeslagen.`,
  'intussen-gewijzigd': (naam) => `${naam} is intussen door iemand anders gewijzigd; er is niets veranderd. Bekijk de vermelding in de lijst en probeer het zo nodig opnieuw.`,
};

/** A selection action's verb, and how to say that an entry already was that way. */
const selection: Record<string, { gedaan: string; al: string }> = {
  'selectie-geverifieerd': { gedaan: 'geverifieerd', al: 'al geverifieerd' },
  'selectie-gedeactiveerd': { gedaan: 'gedeactiveerd', al: 'al inactief' },
  'selectie-geactiveerd': { gedaan: 'geactiveerd', al: 'al actief' },
};

const isId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
const idsOf = (value: string | undefined, max: number) => (value ?? '').split(',').filter(isId).slice(0, max);
const countOf = (value: string | undefined) => Math.min(Math.max(Math.trunc(Number(value ?? 0)) || 0, 0), MAX_BULK);
const vermeldingen = (n: number) => `${n} ${n === 1 ? 'vermelding' : 'vermeldingen'}`;

export async function messageOf(request: FastifyRequest, principal: Principal, query: Record<string, string | undefined>): Promise<Melding | undefined> {
  const context = pageContext(request, principal);
  const namesOf = (ids: string[]) => Promise.all(ids.map((id) => getProfessional(context, id).then((e) => e.naam, () => 'een vermelding die er niet meer is')));
  /** ": A, B en C" when the ids name all `count` entries, else nothing (the count says enough). */
  const naming = async (count: number, ids: string[]) => (count > 0 && ids.length === count ? `: ${listInSentence(await namesOf(ids))}` : '');

  const kind = selection[query.melding ?? ''];
  if (kind) {
    const aantal = countOf(query.aantal);
    const alAantal = countOf(query.alAantal);
    const done = `${aantal === 0 ? 'Geen vermeldingen' : vermeldingen(aantal)} ${kind.gedaan}${await naming(aantal, idsOf(query.gedaan, NAMES_SHOWN))}`;
    const already = alAantal > 0 ? `; ${alAantal} ${alAantal === 1 ? 'was' : 'waren'} ${kind.al}${await naming(alAantal, idsOf(query.al, NAMES_SHOWN))}` : '';
    return { tekst: `${done}${already}.${await failedEntries(namesOf, query.mislukt)}` };
  }
  if (query.melding === 'geen-selectie') return { tekst: 'Selecteer eerst een of meer vermeldingen.' };
  const message = single[query.melding ?? ''];
  if (!message) return undefined;
  const id = query.vermelding;
  const entry = id && isId(id) ? await getProfessional(context, id).catch(() => undefined) : undefined;
  const tekst = message(entry?.naam ?? 'De vermelding');
  // Undo a deactivation while the entry still is inactive: the undo form posts its current version.
  const undo = query.melding === 'gedeactiveerd' && entry?.status === 'inactief' ? { id: entry.id, versie: entry.versie, naam: entry.naam } : undefined;
  return { tekst, ongedaanMaken: undo };
}

/** The entries a selection action could not do, named (the first few, the rest counted); "" when there were none. */
async function failedEntries(namesOf: (ids: string[]) => Promise<string[]>, ids: string | undefined): Promise<string> {
  const list = idsOf(ids, MAX_BULK);
  if (list.length === 0) return '';
  const named = await namesOf(list.slice(0, NAMES_SHOWN));
  const rest = list.length - named.length;
  const names = listInSentence(rest > 0 ? [...named, `nog ${rest} andere`] : named);
  const one = list.length === 1;
  return ` Niet gelukt bij ${names}: ${one ? 'die is' : 'die zijn'} intussen gewijzigd, of je mag ${one ? 'die' : 'ze'} niet wijzigen. Ververs de lijst en probeer het opnieuw.`;
}
