import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import type { ImportReport } from '../../professionals/import.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { Layout } from '../layout.js';
import { ImportFormulier, ImportRapport } from './coordinatie-import.js';
import { EntryFields, ErrorSummary, type FormValues, type ExpertisegebiedNode } from './vermelding-formulier.js';

export interface CoordinatieProps {
  principal: Principal;
  csrfToken: string;
  organisatie: { code: string; naam: string };
  organisaties: { code: string; naam: string }[];
  filter: string;
  entries: ProfessionalView[];
  totaal: number;
  taxonomy: ExpertisegebiedNode[];
  teamValues: FormValues;
  teamErrors: InvalidParam[];
  csv: string;
  importReport?: ImportReport | undefined;
  melding?: string | undefined;
}

const filters = [
  ['', 'Alle vermeldingen'],
  ['verificatie=ontbreekt', 'Nog niet geverifieerd'],
  ['verificatie=verlopen', 'Verificatie verlopen'],
  ['bevestiging=verlopen', 'Niet bevestigd (niet vindbaar)'],
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
  const { principal, csrfToken, organisatie, organisaties, filter, entries, totaal, importReport } = props;
  const base = `/coordinatie?organisatie=${organisatie.code}`;
  return (
    <Layout titel={`Coördinatie ${organisatie.naam}`} principal={principal} csrfToken={csrfToken}>
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
      <section aria-labelledby="vermeldingen-kop">
        <h2 class="utrecht-heading-2" id="vermeldingen-kop">
          Vermeldingen
        </h2>
        <nav aria-label="Filter vermeldingen">
          <ul class="mr-kenmerken">
            {filters.map(([query, label]) => (
              <li>
                <a class="utrecht-link" href={query ? `${base}&${query}` : base} aria-current={filter === query ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="mr-tabel">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">
              {totaal} {totaal === 1 ? 'vermelding' : 'vermeldingen'}
              {filter ? ` (${filters.find(([q]) => q === filter)?.[1].toLowerCase()})` : ''}
            </caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th scope="col" class="utrecht-table__header-cell">Naam</th>
                <th scope="col" class="utrecht-table__header-cell">Functie</th>
                <th scope="col" class="utrecht-table__header-cell">Status</th>
                <th scope="col" class="utrecht-table__header-cell">Acties</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {entries.map((entry) => (
                <tr class="utrecht-table__row">
                  <th scope="row" class="utrecht-table__header-cell">
                    <a class="utrecht-link" href={`/professionals/${entry.id}`}>
                      {entry.naam}
                    </a>
                    {entry.soort === 'team' ? ' (team)' : ''}
                  </th>
                  <td class="utrecht-table__cell">{entry.functie}</td>
                  <td class="utrecht-table__cell">{statusText(entry)}</td>
                  <td class="utrecht-table__cell">
                    <form method="post" action={`/coordinatie/verificatie/${entry.id}?organisatie=${organisatie.code}`} class="mr-inline">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                        Verifiëren<span class="mr-visueel-verborgen"> {entry.naam}</span>
                      </button>
                    </form>{' '}
                    <form method="post" action={`/coordinatie/status/${entry.id}?organisatie=${organisatie.code}`} class="mr-inline">
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <input type="hidden" name="versie" value={String(entry.versie)} />
                      <input type="hidden" name="status" value={entry.status === 'actief' ? 'inactief' : 'actief'} />
                      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                        {entry.status === 'actief' ? 'Deactiveren' : 'Activeren'}
                        <span class="mr-visueel-verborgen"> {entry.naam}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <ImportFormulier organisatie={organisatie.code} csrfToken={csrfToken} csv={props.csv} />

      <section aria-labelledby="team-kop">
        <h2 class="utrecht-heading-2" id="team-kop">
          Vermelding toevoegen
        </h2>
        <p>Voor een maatwerkplaats, maatwerkteam of escalatieloket, of voor een collega (die de vermelding later zelf claimt).</p>
        <ErrorSummary errors={props.teamErrors} />
        <form class="mr-formulier" method="post" action={`/coordinatie/vermelding?organisatie=${organisatie.code}`} novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <EntryFields values={props.teamValues} errors={props.teamErrors} taxonomy={props.taxonomy} allowTeam />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Toevoegen
          </button>
        </form>
      </section>
    </Layout>
  );
}
