import type { FacetName, FacetValue } from '../../search/port.js';
import { rolniveauLabels } from '../../zoeken/labels.js';
import { searchHref, withoutValue } from '../zoek-links.js';

/**
 * The search filters: the active ones as removable chips, and the facets in a disclosure (folded on narrow
 * screens, so the first result is near the top; open beside the results on wide ones). Ticking applies at once
 * with JavaScript (zoeken.js); without it, "Filters toepassen" submits the form.
 */

export const facetTitles: Record<FacetName, string> = {
  organisatie: 'Organisatie',
  organisatieType: 'Soort organisatie',
  expertisegebied: 'Expertisegebied',
  rolniveau: 'Rolniveau',
  provincie: 'Provincie',
};

const otherFilters: Record<string, Record<string, string>> = {
  soort: { persoon: 'Alleen personen', team: 'Alleen teams' },
  geverifieerd: { true: 'Alleen geverifieerd', false: 'Alleen niet geverifieerd' },
};

type Facets = Record<FacetName, FacetValue[]>;

const valueName = (name: FacetName, value: FacetValue) => (name === 'rolniveau' ? (rolniveauLabels[value.waarde] ?? value.naam) : value.naam);

export interface ActiveFilter {
  key: string;
  waarde: string;
  titel: string;
  naam: string;
}

export function activeFilters(params: URLSearchParams, facetten: Facets | undefined): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  for (const name of Object.keys(facetTitles) as FacetName[]) {
    for (const waarde of new Set(params.getAll(name).filter(Boolean))) {
      const value = facetten?.[name].find((v) => v.waarde === waarde);
      active.push({ key: name, waarde, titel: facetTitles[name], naam: value ? valueName(name, value) : waarde });
    }
  }
  for (const [key, labels] of Object.entries(otherFilters)) {
    for (const waarde of new Set(params.getAll(key).filter(Boolean))) active.push({ key, waarde, titel: 'Filter', naam: labels[waarde] ?? waarde });
  }
  return active;
}

export function FilterChips({ params, active }: { params: URLSearchParams; active: ActiveFilter[] }) {
  if (active.length === 0) return null;
  return (
    <div class="mr-chips" aria-labelledby="actieve-filters-kop">
      <h2 class="mr-chips__kop" id="actieve-filters-kop">
        Actieve filters
      </h2>
      <ul>
        {active.map((f) => (
          <li>
            <a class="mr-chip" href={withoutValue(params, f.key, f.waarde)} data-filterlink>
              <span class="mr-visueel-verborgen">Filter weghalen: {f.titel} </span>
              {f.naam}
              <span class="mr-chip__kruis" aria-hidden="true">
                ×
              </span>
            </a>
          </li>
        ))}
        <li>
          <a
            class="utrecht-link"
            href={searchHref(params, (p) => {
              for (const key of [...Object.keys(facetTitles), ...Object.keys(otherFilters)]) p.delete(key);
            })}
            data-filterlink
          >
            Wis alle filters
          </a>
        </li>
      </ul>
    </div>
  );
}

export function FilterPanel({ params, facetten, organisatiesMetTreffers, activeCount }: { params: URLSearchParams; facetten: Facets; organisatiesMetTreffers: number; activeCount: number }) {
  const selected = (name: string) => new Set(params.getAll(name));
  const organisatieZoekterm = params.get('organisatieZoekterm') ?? '';
  // Other active filters (soort, geverifieerd) have no checkbox; hidden fields keep them when the form is submitted.
  const kept = Object.keys(otherFilters).flatMap((key) => params.getAll(key).filter(Boolean).map((value) => ({ key, value })));
  return (
    <details class="mr-filters" data-filterpaneel open={organisatieZoekterm !== '' ? true : undefined}>
      <summary class="mr-filters__samenvatting">
        Filters{activeCount > 0 ? ` (${activeCount} actief)` : ''}
      </summary>
      <section aria-labelledby="filters-kop">
        <h2 class="utrecht-heading-2 mr-filters__kop" id="filters-kop">
          Filters
        </h2>
        {kept.map(({ key, value }) => (
          <input type="hidden" name={key} value={value} />
        ))}
        {(Object.keys(facetTitles) as FacetName[]).map((name) =>
          facetten[name].length === 0 && !(name === 'organisatie' && organisatieZoekterm) ? null : (
            <fieldset aria-describedby={name === 'provincie' ? 'provincie-uitleg' : undefined}>
              <legend>{facetTitles[name]}</legend>
              {name === 'organisatie' && (organisatiesMetTreffers > facetten.organisatie.length || organisatieZoekterm) && (
                <div class="mr-facetzoeker">
                  <label class="utrecht-form-label" for="organisatieZoekterm">
                    Zoek een organisatie
                  </label>
                  <p class="mr-hint" id="organisatieZoekterm-uitleg">
                    {organisatieZoekterm
                      ? `Organisaties met treffers die lijken op “${organisatieZoekterm}”.`
                      : `De ${facetten.organisatie.length} met de meeste treffers van ${organisatiesMetTreffers} organisaties.`}
                  </p>
                  <div class="mr-facetzoeker__rij">
                    <input
                      class="utrecht-textbox utrecht-textbox--html-input"
                      type="search"
                      id="organisatieZoekterm"
                      name="organisatieZoekterm"
                      value={organisatieZoekterm}
                      autocomplete="off"
                      aria-describedby="organisatieZoekterm-uitleg"
                      aria-controls="f-organisatie-lijst"
                      data-organisatiezoeker
                    />
                    <button class="utrecht-button utrecht-button--secondary-action" type="submit" data-filters-toepassen>
                      Zoek
                    </button>
                  </div>
                </div>
              )}
              {name === 'organisatie' && organisatieZoekterm && facetten.organisatie.length === 0 && <p>Geen organisatie met treffers gevonden.</p>}
              <ul id={`f-${name}-lijst`}>
                {facetten[name].map((value) => {
                  const id = `f-${name}-${value.waarde}`.replace(/[^A-Za-z0-9_-]/g, '_');
                  return (
                    <li>
                      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name={name} value={value.waarde} checked={selected(name).has(value.waarde)} />
                      <label for={id}>
                        {valueName(name, value)} <span class="mr-aantal">({value.aantal})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
              {name === 'provincie' && (
                // The counts add up to more than the results, which reads as an error unless it is said why: an
                // entry is in every province it serves (search/document.ts), and the filter finds it in each.
                <p class="mr-hint" id="provincie-uitleg">
                  Een vermelding telt mee in de provincie van haar organisatie en in die van haar werkgebied; van een landelijke organisatie
                  zonder werkgebied in alle provincies. Opgeteld is dat meer dan het aantal resultaten.
                </p>
              )}
            </fieldset>
          ),
        )}
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" data-filters-toepassen>
          Filters toepassen
        </button>
      </section>
    </details>
  );
}
