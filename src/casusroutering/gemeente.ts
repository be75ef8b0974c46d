import type { Db } from '../database/connection.js';
import { listOrganisaties } from '../organisaties/service.js';
import { loadReferenceSets, nameKey } from '../professionals/references.js';

/**
 * The inwoner's gemeente as the desk types it on the routing page: by code, name, official name or common alias
 * ("Den Haag", "'s-Gravenhage", "Den Bosch", "gm0518"), read as the werkgebied of an entry is (references.ts). A bare
 * "Utrecht" is the gemeente here: a province is no answer to "which gemeente". A name that matches no gemeente
 * exactly is looked up as a search; one hit is it, several are offered ("Bergen"), none is said.
 */
export async function resolveGemeente(db: Db, text: string): Promise<{ code: string } | { reason: string }> {
  const typed = text.trim();
  const sets = await loadReferenceSets(db);
  const code = sets.gemeenten.has(typed.toLowerCase()) ? typed.toLowerCase() : sets.gemeenteNamen.get(nameKey(typed));
  if (code) return { code };
  const { resultaten } = await listOrganisaties(db, { zoekterm: typed, type: ['gemeente'], pagina: 1, paginaGrootte: 5 });
  if (resultaten.length === 1) return { code: resultaten[0]!.code };
  if (resultaten.length > 1) {
    const namen = resultaten.map((g) => g.naam);
    return { reason: `Bedoel je ${namen.slice(0, -1).join(', ')} of ${namen.at(-1)}? Kies de gemeente uit de lijst.` };
  }
  return { reason: `'${typed}' kennen we niet als gemeente. Typ de naam en kies uit de lijst.` };
}
