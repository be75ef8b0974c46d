import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import type { ImportReport } from '../../professionals/import.js';
import type { OrganisationListSort } from '../../professionals/organisation-list.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { Layout } from '../layout.js';
import { ImportFormulier, ImportRapport } from './coordinatie-import.js';
import { EntriesTable, listReturn } from './coordinatie-vermeldingen.js';
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
  /** After a clean dry run: the checked text is in the form, ready to import. */
  importKlaar?: { bestandsnaam: string | null } | undefined;
  zoekterm: string;
  sortering: OrganisationListSort;
  pagina: number;
  paginaGrootte: number;
  melding?: Melding | undefined;
}

/** The message after an action (coordinatie-meldingen.ts); a deactivation can be undone from it. */
export interface Melding {
  tekst: string;
  ongedaanMaken?: { id: string; versie: number; naam: string } | undefined;
}

/** The coordinator's workplace: the organisation's entries, verification, deactivation, team entries, CSV import. */
export function CoordinatiePagina(props: CoordinatieProps) {
  const { principal, csrfToken, organisatie, organisaties, importReport } = props;
  return (
    <Layout titel={`Coördinatie ${organisatie.naam}`} principal={principal} csrfToken={csrfToken} fout={props.teamErrors.length > 0}>
      <h1 class="utrecht-heading-1">Coördinatie: {organisatie.naam}</h1>
      <PageNavigation selection={props.entries.length > 0} />
      {importReport && <ImportRapport report={importReport} organisatie={organisatie.code} klaar={props.importKlaar} />}
      {props.melding && <Message {...props} melding={props.melding} />}
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
        <h2 class="utrecht-heading-2" id="team-kop" tabindex={-1}>
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

/** Links to the page's parts, so the keyboard need not pass every row of the table to reach the forms below it. */
function PageNavigation({ selection }: { selection: boolean }) {
  const parts = [
    ['#vermeldingen-kop', 'Vermeldingen'],
    ...(selection ? [['#selectie-acties', 'Selectie-acties']] : []),
    ['#import-kop', 'Importeren'],
    ['#team-kop', 'Vermelding toevoegen'],
  ];
  return (
    <nav class="mr-paginanav" aria-label="Onderdelen van deze pagina">
      <span class="mr-paginanav__kop">Naar:</span>
      <ul>
        {parts.map(([href, label]) => (
          <li>
            <a class="utrecht-link" href={href}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The message after an action; after a deactivation with a button that activates the entry again, back to this list. */
function Message(props: CoordinatieProps & { melding: Melding }) {
  const undo = props.melding.ongedaanMaken;
  return (
    <div class="mr-melding">
      {/* Only the sentence is the status; the undo button beside it is not part of what is announced. */}
      <p role="status">{props.melding.tekst}</p>
      {undo && (
        <form class="mr-ongedaan" method="post" action={`/coordinatie/status/${undo.id}?${listReturn(props)}`}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="versie" value={String(undo.versie)} />
          <input type="hidden" name="status" value="actief" />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Ongedaan maken<span class="mr-visueel-verborgen">: {undo.naam} weer activeren</span>
          </button>
        </form>
      )}
    </div>
  );
}
