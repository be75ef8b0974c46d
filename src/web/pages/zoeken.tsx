import type { ComponentChildren } from 'preact';
import type { Principal } from '../../auth/principal.js';
import { rolniveauLabels } from '../../zoeken/labels.js';
import { ZOEKTERM_MAX } from '../../zoeken/schemas.js';
import type { searchProfessionals } from '../../zoeken/service.js';
import { displayDate, displayPhone } from '../format.js';
import { Layout } from '../layout.js';
import { searchParams } from '../zoek-links.js';
import { GeenResultaten, type GeenResultatenProps } from './geen-resultaten.js';
import { Highlighted, Snippet } from './highlighted.js';
import { activeFilters, FilterChips, FilterPanel } from './zoek-filters.js';
import { Paginering } from './paginering.js';

type Answer = Awaited<ReturnType<typeof searchProfessionals>>;

const datum = displayDate;

export interface ZoekPaginaProps {
  principal: Principal;
  csrfToken: string;
  params: URLSearchParams;
  answer?: Answer;
  fout?: string;
  /** When the search found no one: what would find someone, and who to turn to. */
  geenResultaten?: Omit<GeenResultatenProps, 'active'>;
  /** Shown above the search form when the search is empty: the invitation to make or claim one's entry. */
  uitnodiging?: ComponentChildren;
}

function pageLink(params: URLSearchParams, pagina: number) {
  const next = searchParams(params);
  next.delete('organisatieZoekterm');
  next.set('pagina', String(pagina));
  return `/?${next}`;
}

export function ZoekPagina({ principal, csrfToken, params, answer, fout, geenResultaten, uitnodiging }: ZoekPaginaProps) {
  const zoekterm = params.get('zoekterm') ?? '';
  const lastPage = answer ? Math.max(1, Math.ceil(answer.bladerbaar / answer.paginaGrootte)) : 1;
  const active = activeFilters(params, answer?.facetten);
  // The way back from an entry returns to this search: its words, filters and page.
  const terug = searchParams(params);
  terug.delete('organisatieZoekterm');
  const entryHref = (id: string) => (terug.size > 0 ? `/professionals/${id}?${new URLSearchParams({ terug: terug.toString() })}` : `/professionals/${id}`);
  return (
    <Layout titel={zoekterm ? `Zoeken: ${zoekterm}` : 'Zoeken'} principal={principal} csrfToken={csrfToken} scripts={['/static/zoeken.js']}>
      <h1 class="utrecht-heading-1 mr-zoekpagina__kop">Vind een collega voor maatwerk</h1>
      {uitnodiging}
      <form method="get" action="/" data-zoekformulier role="search" aria-label="Collega's zoeken" autocomplete="off">
        <div class="mr-zoekbalk">
          <div class="mr-zoekbalk__veld">
            <label class="utrecht-form-label" for="zoekterm">
              Zoek op expertise, wet, organisatie of naam
            </label>
            <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoekterm" name="zoekterm" value={zoekterm} autocomplete="off" maxlength={ZOEKTERM_MAX} />
          </div>
          <div class="mr-zoekbalk__niveau">
            <label class="utrecht-form-label" for="gewenstRolniveau">
              Op welk niveau?
            </label>
            <select class="utrecht-select utrecht-select--html-select" id="gewenstRolniveau" name="gewenstRolniveau" aria-describedby="gewenstRolniveau-uitleg">
              <option value="">Geen voorkeur</option>
              {Object.entries(rolniveauLabels).map(([waarde, label]) => (
                <option value={waarde} selected={params.get('gewenstRolniveau') === waarde}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Zoeken
          </button>
        </div>
        <p class="mr-hint mr-zoekbalk__uitleg" id="gewenstRolniveau-uitleg">
          Met een niveau komen collega's op of dicht bij dat niveau eerst; niemand valt weg.
        </p>
        <p class="mr-visueel-verborgen" aria-live="polite" data-zoekstatus></p>
        {answer && answer.totaal > 0 && (
          <p class="mr-naar-resultaten">
            <a class="utrecht-link" href="#resultaten-kop">
              Direct naar de resultaten
            </a>
          </p>
        )}
        <div data-zoekresultaten>
          {fout && (
            <div class="mr-melding mr-melding--fout" role="alert">
              <p>{fout}</p>
            </div>
          )}
          {answer && <FilterChips params={params} active={active} />}
          {answer && (
          // No results and no filter to untick: a filter panel would be a heading over nothing.
          <div class={answer.totaal === 0 && active.length === 0 ? 'mr-zoeken mr-zoeken--zonder-filters' : 'mr-zoeken'}>
            {(answer.totaal > 0 || active.length > 0) && (
              <FilterPanel params={params} facetten={answer.facetten} organisatiesMetTreffers={answer.organisatiesMetTreffers} activeCount={active.length} />
            )}
            <section aria-labelledby="resultaten-kop">
              <h2 class="utrecht-heading-2" id="resultaten-kop" tabindex={-1}>
                Resultaten
              </h2>
              <p data-aantal>
                {answer.geschat
                  ? `Ongeveer ${answer.totaal.toLocaleString('nl-NL')} collega's gevonden`
                  : answer.totaal === 1
                    ? '1 collega gevonden'
                    : `${answer.totaal.toLocaleString('nl-NL')} collega's gevonden`}
                {zoekterm ? ` voor “${zoekterm}”` : ''}
              </p>
              {answer.geschat && (
                <p class="mr-hint" data-geschat>
                  Dat zijn er zo veel dat het aantal is geschat en u de eerste {answer.bladerbaar.toLocaleString('nl-NL')} kunt doorbladeren. Voeg een
                  woord of filter toe om gerichter te zoeken.
                </p>
              )}
              {!zoekterm && answer.totaal > 0 && (
                // Without words there is no text relevance, only the entries' own properties: said, so the list does
                // not look random, with the way to a useful one (the order is the engines' ranking, search/port.ts).
                <p class="mr-hint" data-zonder-zoekwoord>
                  Je hebt geen zoekwoord getypt: je ziet iedereen die je mag vinden{active.length > 0 ? ' binnen de filters' : ''}. Typ een onderwerp, wet, naam of
                  organisatie om gericht te zoeken. Nu staan geverifieerde collega's eerst, dan wie aanwezig is
                  {params.get('gewenstRolniveau') ? ', dan wie het dichtst bij het gekozen niveau werkt' : ''}, en daarbinnen wie de vermelding het laatst
                  heeft bevestigd.
                </p>
              )}
              {answer.totaal === 0 ? (
                <GeenResultaten alternatives={geenResultaten?.alternatives ?? []} teams={geenResultaten?.teams ?? []} active={active} pmmDeskEmail={geenResultaten?.pmmDeskEmail} mayRoute={geenResultaten?.mayRoute ?? false} />
              ) : (
                <ol class="mr-resultaten">
                  {answer.resultaten.map((r) => (
                    <li class="mr-resultaat">
                      <h3 class="utrecht-heading-3">
                        <a class="utrecht-link" href={entryHref(r.id)}>
                          <Highlighted text={r.naam} segments={r.treffers.naam} />
                        </a>
                      </h3>
                      <p>
                        <Highlighted text={r.functie} segments={r.treffers.functie} /> · <Highlighted text={r.organisatie.naam} segments={r.treffers.organisatie} />
                      </p>
                      <p>
                        <span class="mr-badge mr-badge--niveau">Niveau: {rolniveauLabels[r.rolniveau] ?? r.rolniveau}</span>
                      </p>
                      <p>
                        <span class="mr-visueel-verborgen">Expertise: </span>
                        <Highlighted text={r.expertisegebieden.map((e) => e.naam).join(', ')} segments={r.treffers.expertisegebieden} />
                      </p>
                      {r.trefwoorden.length > 0 && r.treffers.trefwoorden && (
                        <p>
                          <span class="mr-visueel-verborgen">Trefwoorden: </span>
                          <Highlighted text={r.trefwoorden.join(', ')} segments={r.treffers.trefwoorden} />
                        </p>
                      )}
                      {r.afdeling && r.treffers.afdeling && (
                        <p>
                          Afdeling: <Highlighted text={r.afdeling} segments={r.treffers.afdeling} />
                        </p>
                      )}
                      {r.treffers.overMij && (
                        <p class="mr-fragment">
                          <span class="mr-visueel-verborgen">Uit “waarmee ik kan helpen”: </span>
                          <Snippet segments={r.treffers.overMij} />
                        </p>
                      )}
                      {r.uitleg.length > 0 && (
                        <ul class="mr-uitleg" aria-label="Waarom gevonden">
                          {r.uitleg.map((reden) => (
                            <li>{reden}</li>
                          ))}
                        </ul>
                      )}
                      <ul class="mr-kenmerken">
                        {r.soort === 'team' && <li class="mr-badge">Team</li>}
                        {r.escalatiecontact && <li class="mr-badge">Escalatiecontact</li>}
                        {r.geverifieerd && <li class="mr-badge mr-badge--geverifieerd">Geverifieerd</li>}
                        {r.afwezig && r.afwezigTot && <li class="mr-badge mr-badge--afwezig">Afwezig tot en met {datum(r.afwezigTot)}</li>}
                      </ul>
                      <p class="mr-contact">
                        <a class="utrecht-link" href={`mailto:${r.email}`}>
                          {r.email}
                        </a>
                        {r.telefoon && (
                          <a class="utrecht-link" href={`tel:${r.telefoon.replace(/\s/g, '')}`}>
                            {displayPhone(r.telefoon)}
                          </a>
                        )}
                        {r.bereikbaarheid && <span>Bereikbaar: {r.bereikbaarheid}</span>}
                      </p>
                    </li>
                  ))}
                </ol>
              )}
              <Paginering pagina={answer.pagina} laatste={lastPage} href={(pagina) => pageLink(params, pagina)} />
            </section>
          </div>
          )}
        </div>
      </form>
    </Layout>
  );
}
