import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import type { ImportReport } from '../../professionals/import.js';
import type { OrganisationListSort } from '../../professionals/organisation-list.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { Layout } from '../layout.js';
import { ImportFormulier, ImportRapport } from './coordinatie-import.js';
import { Paginering } from './paginering.js';
import { EntryFields, ErrorSummary, type FormValues, type ExpertisegebiedNode, type WerkgebiedKeuze } from './vermelding-formulier.js';

export interface CoordinatieProps {
  principal: Principal;
  csrfToken: string;
  organisatie: { code: string; naam: string };
  organisaties: { code: string; naam: string }[];
  filter: string;
  /** Besides `filter`, only active entries (the digest's links ask for that: it counts active entries only). */
  alleenActief?: boolean | undefined;
  entries: ProfessionalView[];
  totaal: number;
  taxonomy: ExpertisegebiedNode[];
  werkgebieden: WerkgebiedKeuze[];
  teamValues: FormValues;
  teamErrors: InvalidParam[];
  csv: string;
  importReport?: ImportReport | undefined;
  zoekterm: string;
  sortering: OrganisationListSort;
  pagina: number;
  paginaGrootte: number;
  melding?: string | undefined;
}

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

/** The coordinator's workplace: the organisation's entries, verification, deactivation, team entries, CSV import. */
export function CoordinatiePagina(props: CoordinatieProps) {
  const { principal, csrfToken, organisatie, organisaties, importReport } = props;
  return (
    <Layout titel={`Coördinatie ${organisatie.naam}`} principal={principal} csrfToken={csrfToken} fout={props.teamErrors.length > 0}>
      <h1 class="utrecht-heading-1">Coördinatie: {organisatie.naam}</h1>
      {importReport && <ImportRapport report={importReport} organisatie={organisatie.code} />}
      {props.melding && (
        <div class="mr-melding" role="status">
          <p>{props.melding}</p>
        </div>
      )}
      {organisaties.length > 1 && (
        <nav aria-label="Organisaties die je coördineert">
          <ul class="mr-kenmerken">
            {organisaties.map((o) => (
              <li>
                <a class="utrecht-link" href={`/coordinatie?organisatie=${o.code}`} aria-current={o.code === organisatie.code ? 'page' : undefined}>
                  {o.naam}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <EntriesTable {...props} />

      <ImportFormulier organisatie={organisatie.code} csrfToken={csrfToken} csv={props.csv} />

      <section aria-labelledby="team-kop">
        <h2 class="utrecht-heading-2" id="team-kop">
          Vermelding toevoegen
        </h2>
        <p>Voor een maatwerkplaats, maatwerkteam of escalatieloket, of voor een collega (die de vermelding later zelf claimt).</p>
        <ErrorSummary errors={props.teamErrors} />
        <form class="mr-formulier" method="post" action={`/coordinatie/vermelding?organisatie=${organisatie.code}`} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <EntryFields values={props.teamValues} errors={props.teamErrors} taxonomy={props.taxonomy} werkgebieden={props.werkgebieden} allowTeam />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Toevoegen
          </button>
        </form>
      </section>
    </Layout>
  );
}

const columns: { key: 'naam' | 'functie' | 'verificatie' | 'gewijzigd'; label: string }[] = [
  { key: 'naam', label: 'Naam' },
  { key: 'functie', label: 'Functie' },
  { key: 'verificatie', label: 'Status' },
];

/**
 * The organisation's entries: search, sort (column headers), pages, and actions on one row or on the selected rows.
 * One form holds the table, so each row's buttons post with `formaction` (forms cannot nest) and the checkboxes serve
 * the bulk buttons; without JavaScript all of it works as plain form posts.
 */
function EntriesTable(props: CoordinatieProps) {
  const { csrfToken, organisatie, filter, entries, totaal, zoekterm, sortering, pagina, paginaGrootte } = props;
  const org = organisatie.code;
  const query = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams({ organisatie: org });
    const [filterKey, filterValue] = filter ? filter.split('=') : [];
    const current: Record<string, string | number | undefined> = { ...(filterKey ? { [filterKey]: filterValue } : {}), ...(props.alleenActief ? { status: 'actief' } : {}), zoekterm: zoekterm || undefined, sortering: sortering === 'naam' ? undefined : sortering, pagina: undefined, ...changes };
    for (const [key, value] of Object.entries(current)) if (value !== undefined && value !== '') params.set(key, String(value));
    return `/coordinatie?${params.toString()}`;
  };
  const paginas = Math.max(1, Math.ceil(totaal / paginaGrootte));
  const back = query({ pagina: pagina > 1 ? pagina : undefined }).replace('/coordinatie?', '');
  const sortKey = sortering.replace(/^-/, '');
  return (
    <section aria-labelledby="vermeldingen-kop">
      <h2 class="utrecht-heading-2" id="vermeldingen-kop">
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
        <div class="mr-tabel">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              {totaal} {totaal === 1 ? 'vermelding' : 'vermeldingen'}
              {filter ? ` (${filters.find(([q]) => q === filter)?.[1].toLowerCase()}${props.alleenActief ? ', alleen actieve' : ''})` : ''}
              {zoekterm ? ` met “${zoekterm}”` : ''}
              {paginas > 1 ? `, pagina ${pagina} van ${paginas}` : ''}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">
                  <span class="mr-visueel-verborgen">Selecteren</span>
                </th>
                {columns.map((c) => {
                  const active = sortKey === c.key;
                  const descending = active && sortering.startsWith('-');
                  return (
                    <th scope="col" class="utrecht-table__header-cell" aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
                      <a class="utrecht-link" href={query({ sortering: active && !descending ? `-${c.key}` : c.key })}>
                        {c.label}
                        <span class="mr-visueel-verborgen">{active ? (descending ? ', aflopend gesorteerd' : ', oplopend gesorteerd') : ', sorteren'}</span>
                        {active ? (descending ? ' ▼' : ' ▲') : ''}
                      </a>
                    </th>
                  );
                })}
                <th scope="col" class="utrecht-table__header-cell">
                  Acties
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((entry) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="keuze" value={`${entry.id}:${entry.versie}`} id={`keuze-${entry.id}`} />
                    <label for={`keuze-${entry.id}`} class="mr-visueel-verborgen">
                      Selecteer {entry.naam}
                    </label>
                  </td>
                  <th scope="row" class="utrecht-table__header-cell">
                    <a class="utrecht-link" href={`/professionals/${entry.id}`}>
                      {entry.naam}
                    </a>
                    {entry.soort === 'team' ? ' (team)' : ''}
                  </th>
                  <td class="utrecht-table__cell">{entry.functie}</td>
                  <td class="utrecht-table__cell">{statusText(entry)}</td>
                  <td class="utrecht-table__cell">
                    <div class="mr-acties">
                    <a class="utrecht-button-link utrecht-button-link--secondary-action" href={`/coordinatie/vermelding/${entry.id}?${back}`}>
                      Bewerken<span class="mr-visueel-verborgen"> {entry.naam}</span>
                    </a>
                    {entry.verificatie.status !== 'geldig' && (
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit" formaction={`/coordinatie/verificatie/${entry.id}?${back}`}>
                        Verifiëren<span class="mr-visueel-verborgen"> {entry.naam}</span>
                      </button>
                    )}
                    <button
                      class="utrecht-button utrecht-button--secondary-action"
                      type="submit"
                      formaction={`/coordinatie/status/${entry.id}?${back}&versie=${entry.versie}&status=${entry.status === 'actief' ? 'inactief' : 'actief'}`}
                    >
                      {entry.status === 'actief' ? 'Deactiveren' : 'Activeren'}
                      <span class="mr-visueel-verborgen"> {entry.naam}</span>
                    </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {entries.length > 0 && (
          <fieldset class="mr-selectie">
            <legend>Met de geselecteerde vermeldingen</legend>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="verifieren">
              Selectie verifiëren
            </button>{' '}
            <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="deactiveren">
              Selectie deactiveren
            </button>
          </fieldset>
        )}
      </form>
      <Paginering pagina={pagina} laatste={paginas} href={(nummer) => query({ pagina: nummer })} label="Pagina's van de vermeldingen" />
    </section>
  );
}
