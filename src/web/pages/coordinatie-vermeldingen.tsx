import type { ProfessionalView } from '../../professionals/schemas.js';
import type { CoordinatieProps } from './coordinatie.js';
import { Paginering } from './paginering.js';

const filters = [
  ['', 'Alle vermeldingen'],
  ['verificatie=ontbreekt', 'Nog niet geverifieerd'],
  ['verificatie=verlopen', 'Verificatie verlopen'],
  ['bevestiging=binnenkort', 'Bevestiging verloopt binnenkort'],
  ['bevestiging=verlopen', 'Niet bevestigd (niet vindbaar)'],
  ['geclaimd=nee', 'Nog niet geclaimd'],
  ['status=inactief', 'Inactief'],
] as const;

const statusText = (entry: ProfessionalView) =>
  [
    entry.status === 'inactief' ? 'inactief' : entry.vindbaar ? 'vindbaar' : 'niet vindbaar',
    entry.verificatie.status === 'geldig' ? 'geverifieerd' : entry.verificatie.status === 'verlopen' ? 'verificatie verlopen' : 'niet geverifieerd',
    entry.bevestiging.status === 'verlopen' ? 'bevestiging verlopen' : null,
    entry.geclaimd ? null : 'nog niet geclaimd',
  ]
    .filter(Boolean)
    .join(', ');

const columns: { key: 'naam' | 'functie' | 'verificatie' | 'gewijzigd'; label: string }[] = [
  { key: 'naam', label: 'Naam' },
  { key: 'functie', label: 'Functie' },
  { key: 'verificatie', label: 'Status' },
];

/** The list's address with `changes`; otherwise as it is now (organisation, filter, search, sort; page 1). */
export function listHref(props: Pick<CoordinatieProps, 'organisatie' | 'filter' | 'alleenActief' | 'zoekterm' | 'sortering'>, changes: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams({ organisatie: props.organisatie.code });
  const [filterKey, filterValue] = props.filter ? props.filter.split('=') : [];
  const current: Record<string, string | number | undefined> = {
    ...(filterKey ? { [filterKey]: filterValue } : {}),
    ...(props.alleenActief ? { status: 'actief' } : {}),
    zoekterm: props.zoekterm || undefined,
    sortering: props.sortering === 'naam' ? undefined : props.sortering,
    pagina: undefined,
    ...changes,
  };
  for (const [key, value] of Object.entries(current)) if (value !== undefined && value !== '') params.set(key, String(value));
  return `/coordinatie?${params.toString()}`;
}

/** The list as it is now, page included, as a query: where an action returns to. */
export const listReturn = (props: CoordinatieProps) => listHref(props, { pagina: props.pagina > 1 ? props.pagina : undefined }).replace('/coordinatie?', '');

/**
 * The organisation's entries: search, sort (column headers), pages, and actions on one row or on the selected rows.
 * One form holds the table, so each row's buttons post with `formaction` (forms cannot nest) and the checkboxes serve
 * the bulk buttons; without JavaScript all of it works as plain form posts.
 *
 * On narrow screens the rows become cards (site.css). Chromium keeps a table's roles when CSS changes its display,
 * other engines drop them, so the table states its roles explicitly; the labels repeated in the cards are hidden from
 * screen readers, which announce the column headers already.
 */
export function EntriesTable(props: CoordinatieProps) {
  const { csrfToken, filter, entries, totaal, zoekterm, sortering, pagina, paginaGrootte } = props;
  const org = props.organisatie.code;
  const paginas = Math.max(1, Math.ceil(totaal / paginaGrootte));
  const back = listReturn(props);
  const sortKey = sortering.replace(/^-/, '');
  return (
    <section aria-labelledby="vermeldingen-kop">
      <h2 class="utrecht-heading-2" id="vermeldingen-kop" tabindex={-1}>
        Vermeldingen
      </h2>
      <nav aria-label="Filter vermeldingen">
        <ul class="mr-kenmerken">
          {filters.map(([q, label]) => (
            <li>
              <a class="utrecht-link" href={q ? `/coordinatie?organisatie=${org}&${q}` : `/coordinatie?organisatie=${org}`} aria-current={filter === q ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="mr-zoekregel" method="get" action="/coordinatie" role="search" aria-label="Vermeldingen doorzoeken">
        <input type="hidden" name="organisatie" value={org} />
        {filter && <input type="hidden" name={filter.split('=')[0]} value={filter.split('=')[1]} />}
        {props.alleenActief && <input type="hidden" name="status" value="actief" />}
        {sortering !== 'naam' && <input type="hidden" name="sortering" value={sortering} />}
        <label for="zoek-vermeldingen">Zoek op naam, functie, afdeling of e-mailadres</label>
        <span class="mr-zoekregel__veld">
          <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoek-vermeldingen" name="zoekterm" value={zoekterm} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Zoeken
          </button>
        </span>
      </form>
      <form method="post" action={`/coordinatie/selectie?${back}`} id="selectie">
        <input type="hidden" name="_csrf" value={csrfToken} />
        {/* Above the table too, so the keyboard reaches them without passing every row first. */}
        {entries.length > 0 && <SelectionActions entries={entries} id="selectie-acties" />}
        <div class="mr-tabel mr-vermeldingen">
          <table class="utrecht-table" role="table">
            <caption class="utrecht-table__caption">
              {totaal} {totaal === 1 ? 'vermelding' : 'vermeldingen'}
              {filter ? ` (${filters.find(([q]) => q === filter)?.[1].toLowerCase()}${props.alleenActief ? ', alleen actieve' : ''})` : ''}
              {zoekterm ? ` met “${zoekterm}”` : ''}
              {paginas > 1 ? `, pagina ${pagina} van ${paginas}` : ''}
            </caption>
            <thead class="utrecht-table__header" role="rowgroup">
              <tr class="utrecht-table__row" role="row">
                <th scope="col" class="utrecht-table__header-cell" role="columnheader">
                  <span class="mr-visueel-verborgen">Selecteren</span>
                </th>
                {columns.map((c) => {
                  const active = sortKey === c.key;
                  const descending = active && sortering.startsWith('-');
                  return (
                    <th scope="col" class="utrecht-table__header-cell" role="columnheader" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
                      <a class="utrecht-link" href={listHref(props, { sortering: active && !descending ? `-${c.key}` : c.key })}>
                        {c.label}
                        <span class="mr-visueel-verborgen">{active ? (descending ? ', aflopend gesorteerd' : ', oplopend gesorteerd') : ', sorteren'}</span>
                        {active ? (descending ? ' ▼' : ' ▲') : ''}
                      </a>
                    </th>
                  );
                })}
                <th scope="col" class="utrecht-table__header-cell" role="columnheader">
                  Acties
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body" role="rowgroup">
              {entries.map((entry) => (
                <EntryRow entry={entry} back={back} />
              ))}
              {entries.length === 0 && (
                <tr class="utrecht-table__row" role="row">
                  <td class="utrecht-table__cell mr-vermeldingen__leeg" role="cell" colspan={columns.length + 2}>
                    <NoEntries {...props} />
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {entries.length > 0 && <SelectionActions entries={entries} />}
      </form>
      <Paginering pagina={pagina} laatste={paginas} href={(nummer) => listHref(props, { pagina: nummer })} label="Pagina's van de vermeldingen" />
    </section>
  );
}

function EntryRow({ entry, back }: { entry: ProfessionalView; back: string }) {
  return (
    <tr class="utrecht-table__row" role="row">
      <td class="utrecht-table__cell mr-vermeldingen__keuze" role="cell">
        <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="keuze" value={`${entry.id}:${entry.versie}`} id={`keuze-${entry.id}`} />
        <label for={`keuze-${entry.id}`} class="mr-visueel-verborgen">
          Selecteer {entry.naam}
        </label>
      </td>
      <th scope="row" class="utrecht-table__header-cell" role="rowheader">
        <a class="utrecht-link" href={`/professionals/${entry.id}`}>
          {entry.naam}
        </a>
        {entry.soort === 'team' ? ' (team)' : ''}
      </th>
      <td class="utrecht-table__cell" role="cell">
        <span class="mr-vermeldingen__label" aria-hidden="true">
          Functie:{' '}
        </span>
        {entry.functie}
      </td>
      <td class="utrecht-table__cell" role="cell">
        <span class="mr-vermeldingen__label" aria-hidden="true">
          Status:{' '}
        </span>
        {statusText(entry)}
      </td>
      <td class="utrecht-table__cell" role="cell">
        <div class="mr-acties">
          <a class="utrecht-button-link utrecht-button-link--secondary-action" href={`/coordinatie/vermelding/${entry.id}?${back}`}>
            Bewerken<span class="mr-visueel-verborgen"> {entry.naam}</span>
          </a>
          {entry.verificatie.status !== 'geldig' && (
            <button class="utrecht-button utrecht-button--secondary-action" type="submit" formaction={`/coordinatie/verificatie/${entry.id}?${back}`}>
              Verifiëren<span class="mr-visueel-verborgen"> {entry.naam}</span>
            </button>
          )}
          {/* The new status as the button's value (in the body): `status` in the query is the list's filter. */}
          <button
            class="utrecht-button utrecht-button--secondary-action"
            type="submit"
            name="status"
            value={entry.status === 'actief' ? 'inactief' : 'actief'}
            formaction={`/coordinatie/status/${entry.id}?${back}&versie=${entry.versie}`}
          >
            {entry.status === 'actief' ? 'Deactiveren' : 'Activeren'}
            <span class="mr-visueel-verborgen"> {entry.naam}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}

/** An empty table says why, with the way out: clear the search, or back to the first page. */
function NoEntries(props: CoordinatieProps) {
  if (props.zoekterm) {
    return (
      <p>
        Geen vermeldingen gevonden met “{props.zoekterm}”.{' '}
        <a class="utrecht-link" href={listHref(props, { zoekterm: undefined })}>
          Zoekterm wissen
        </a>
      </p>
    );
  }
  if (props.totaal > 0) {
    return (
      <p>
        Op deze pagina staan geen vermeldingen meer.{' '}
        <a class="utrecht-link" href={listHref(props)}>
          Naar de eerste pagina
        </a>
      </p>
    );
  }
  return <p>{props.filter ? 'Geen vermeldingen in deze selectie.' : 'Deze organisatie heeft nog geen vermeldingen.'}</p>;
}

/**
 * The buttons for the ticked rows: deactivate where the page shows active entries, activate where it shows inactive
 * ones (the inactive view offers only that). The first copy is a target of the page's navigation.
 */
function SelectionActions({ entries, id }: { entries: ProfessionalView[]; id?: string }) {
  return (
    <fieldset class="mr-selectie" id={id} tabindex={id ? -1 : undefined}>
      <legend>Met de geselecteerde vermeldingen</legend>
      <div class="mr-acties">
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="verifieren">
          Selectie verifiëren
        </button>
        {entries.some((e) => e.status === 'actief') && (
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="deactiveren">
            Selectie deactiveren
          </button>
        )}
        {entries.some((e) => e.status === 'inactief') && (
          <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="activeren">
            Selectie activeren
          </button>
        )}
      </div>
    </fieldset>
  );
}
