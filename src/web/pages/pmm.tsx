import type { Principal } from '../../auth/principal.js';
import type { routeCase } from '../../casusroutering/service.js';
import type { InvalidParam } from '../../http/problem.js';
import type { CoverageRow } from '../../inzichten/coverage.js';
import type { unmetSearches } from '../../inzichten/unmet-searches.js';
import { rolniveauLabels } from '../../zoeken/labels.js';
import { displayPhone } from '../format.js';
import { Layout } from '../layout.js';
import { HERKOMST, searchParams } from '../zoek-links.js';
import { OrganisatieKiezer, type KiezerOrganisatie, type OrganisatieKiezerProps } from './organisatie-kiezer.js';
import { ExpertisegebiedKiezer, type KiezerExpertisegebied } from './expertisegebied-kiezer.js';
import { ErrorSummary, fieldOf } from './vermelding-formulier.js';

type Routing = Awaited<ReturnType<typeof routeCase>>;

export interface RoutingPageProps {
  principal: Principal;
  csrfToken: string;
  organisaties: KiezerOrganisatie[];
  kiezer: Omit<OrganisatieKiezerProps, 'fouten'>;
  taxonomy: KiezerExpertisegebied[];
  gekozen: { organisaties: string[]; expertisegebieden: string[]; gewenstRolniveau?: string; gemeente?: string };
  /** The gemeente as typed (shown again as typed when it was not recognised). */
  gemeenteTekst: string;
  resultaat?: Routing;
  errors: InvalidParam[];
}

/** The fallback order's steps, as the page names them (the API's `gevondenVia`). */
const gevondenViaLabels: Record<string, string> = {
  domein: 'Stap 1 van 4: een persoon met het gevraagde domein.',
  escalatiecontact: 'Stap 2 van 4: het escalatiecontact van de organisatie.',
  team: 'Stap 3 van 4: de teamvermelding van de organisatie.',
  dichtstbij: 'Stap 4 van 4: de beschikbare persoon die het dichtst bij het gevraagde niveau zit.',
  geen: 'Geen contact gevonden in de vier stappen.',
};

/** The error summary names the fields as this page's legends do. */
const veldnamen = { organisaties: 'Betrokken organisaties', expertisegebieden: 'Domeinen van de casus', gewenstRolniveau: 'Gewenst niveau', gemeente: 'Gemeente van de inwoner' };

/** What was asked, in words, above the results: the chosen domains are otherwise only in the (long) form. */
function gevraagd(resultaat: Routing, taxonomy: KiezerExpertisegebied[], gekozen: RoutingPageProps['gekozen'], organisaties: KiezerOrganisatie[]): string {
  const domein = new Map(taxonomy.map((e) => [e.code, e.naam]));
  const gemeente = organisaties.find((o) => o.code === gekozen.gemeente)?.naam;
  return [
    `Voor: ${resultaat.blokken.map((b) => b.organisatie.naam).join(', ')}`,
    `Domeinen: ${gekozen.expertisegebieden.map((c) => domein.get(c) ?? c).join(', ')}`,
    `Niveau: ${gekozen.gewenstRolniveau ? (rolniveauLabels[gekozen.gewenstRolniveau] ?? gekozen.gewenstRolniveau) : 'geen voorkeur'}`,
    gemeente ? `Gemeente: ${gemeente}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Case routing for the PMM desk: organisations and domains in, the right contact per organisation out. */
export function CasusrouteringPagina({ principal, csrfToken, organisaties, kiezer, taxonomy, gekozen, gemeenteTekst, resultaat, errors }: RoutingPageProps) {
  const reasons = (field: string) => errors.filter((e) => fieldOf(e.name) === field).map((e) => e.reason);
  const gemeenten = organisaties.filter((o) => o.type === 'gemeente');
  return (
    <Layout titel="Casusroutering" principal={principal} csrfToken={csrfToken} scripts={['/static/kiezer.js']} fout={errors.length > 0}>
      <h1 class="utrecht-heading-1">Casusroutering</h1>
      <p class="mr-niet-printen">
        Kies de organisaties en domeinen van de casus. Je krijgt per organisatie het juiste contact. Vul geen gegevens van de inwoner in: dat kan en hoeft
        niet.
      </p>
      <ErrorSummary errors={errors} labels={veldnamen} />
      <form class="mr-formulier mr-niet-printen" method="get" action="/casusroutering">
        <OrganisatieKiezer {...kiezer} fouten={reasons('organisaties')} />
        <ExpertisegebiedKiezer taxonomy={taxonomy} gekozen={gekozen.expertisegebieden} fouten={reasons('expertisegebieden')} />
        <div class="mr-veld" id="veld-gewenstRolniveau">
          <label for="gewenstRolniveau">Gewenst niveau</label>
          <select class="utrecht-select utrecht-select--html-select" id="gewenstRolniveau" name="gewenstRolniveau">
            <option value="">Geen voorkeur</option>
            {Object.entries(rolniveauLabels).map(([value, label]) => (
              <option value={value} selected={gekozen.gewenstRolniveau === value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class={reasons('gemeente').length ? 'mr-veld mr-veld--fout' : 'mr-veld'} id="veld-gemeente">
          <label for="gemeente">Gemeente van de inwoner (optioneel)</label>
          <p class="mr-hint" id="hint-gemeente">
            Alleen de gemeente, voor contacten met dat werkgebied. Niets anders over de inwoner. Typ de naam en kies uit de lijst.
          </p>
          {reasons('gemeente').length > 0 && (
            <p class="mr-foutmelding" id="fout-gemeente">
              {reasons('gemeente').join(' ')}
            </p>
          )}
          {/* A text field with the gemeenten as suggestions (native, so also without JavaScript), not a drop-down of 342. */}
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="text"
            id="gemeente"
            name="gemeente"
            list="gemeenten"
            autocomplete="off"
            maxLength={100}
            value={gemeenten.find((g) => g.code === gekozen.gemeente)?.naam ?? gemeenteTekst}
            aria-describedby={reasons('gemeente').length ? 'hint-gemeente fout-gemeente' : 'hint-gemeente'}
            aria-invalid={reasons('gemeente').length ? 'true' : undefined}
          />
          <datalist id="gemeenten">
            {gemeenten.map((g) => (
              <option value={g.naam} />
            ))}
          </datalist>
        </div>
        {/* `zoek` marks a sent form, so sending it with nothing chosen says what is missing instead of showing it again. */}
        <button class="utrecht-button utrecht-button--primary-action" type="submit" name="zoek" value="1">
          Contacten zoeken
        </button>
      </form>
      {resultaat && (
        <section aria-labelledby="resultaat-kop">
          {/* The results come after a long form: focus (also without JavaScript) lands here, not at the top of the page. */}
          <h2 class="utrecht-heading-2" id="resultaat-kop" tabindex={-1} autofocus>
            Contacten per organisatie
          </h2>
          <p class="mr-hint" id="gevraagd">
            {gevraagd(resultaat, taxonomy, gekozen, organisaties)}
          </p>
          {resultaat.blokken.map((blok) => (
            <article class="mr-resultaat">
              <h3 class="utrecht-heading-3">{blok.organisatie.naam}</h3>
              <p class="mr-hint">{gevondenViaLabels[blok.gevondenVia]}</p>
              {blok.melding && <p class={blok.contacten.length === 0 ? 'mr-melding mr-melding--fout' : 'mr-melding'}>{blok.melding}</p>}
              {blok.contacten.length > 0 && (
                <ol>
                  {blok.contacten.map((c) => (
                    <li>
                      <p>
                        <strong>
                          <a class="utrecht-link" href={`/professionals/${c.id}`}>
                            {c.naam}
                          </a>
                        </strong>{' '}
                        · {c.functie} · {rolniveauLabels[c.rolniveau] ?? c.rolniveau}
                      </p>
                      <p class="mr-contact">
                        <a class="utrecht-link" href={`mailto:${c.email}`}>
                          {c.email}
                        </a>
                        {c.telefoon && (
                          <a class="utrecht-link" href={`tel:${c.telefoon.replace(/\s/g, '')}`}>
                            {displayPhone(c.telefoon)}
                          </a>
                        )}
                        {c.bereikbaarheid && <span>Bereikbaar: {c.bereikbaarheid}</span>}
                      </p>
                      <p>
                        Waarom:{' '}
                        {[
                          c.reden.expertisegebieden.length ? `dekt ${c.reden.expertisegebieden.map((e) => e.naam).join(', ')}` : null,
                          c.reden.rolniveau.gewenst ? (c.reden.rolniveau.afstand === 0 ? 'het gevraagde niveau' : 'het dichtstbijzijnde niveau') : null,
                          c.reden.escalatiecontact ? 'escalatiecontact van de organisatie' : null,
                          c.reden.werkgebiedPast ? 'werkgebied omvat de gemeente' : null,
                          c.reden.geverifieerd ? 'geverifieerd' : null,
                        ]
                          .filter(Boolean)
                          .join('; ') || 'het beste beschikbare contact'}
                        .
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </article>
          ))}
          <p class="mr-niet-printen">Tip: print deze pagina of sla haar op als pdf; formulier en menu worden dan weggelaten.</p>
        </section>
      )}
    </Layout>
  );
}

export type InzichtenSortering = 'naam' | 'provincie';

export interface InzichtenProps {
  principal: Principal;
  csrfToken: string;
  dekking: CoverageRow[];
  perType: { type: string; naam: string; organisaties: number; zonderContact: number }[];
  onbeantwoord: Awaited<ReturnType<typeof unmetSearches>>['resultaten'];
  filterType: string;
  sorteer: InzichtenSortering;
  /** The group whose sort header was followed: it stays open after the page reloads sorted. */
  openType?: string;
}

/** Links keep the type filter and set the sort; the headers say which order is in force (aria-sort). */
function SortHeader({ kolom, label, sorteer, filterType, groep }: { kolom: InzichtenSortering; label: string; sorteer: InzichtenSortering; filterType: string; groep: string }) {
  const params = new URLSearchParams({ ...(filterType ? { type: filterType } : {}), sorteer: kolom, open: groep });
  return (
    <th scope="col" aria-sort={sorteer === kolom ? 'ascending' : undefined}>
      <a class="utrecht-link" href={`/inzichten?${params}#groep-${groep}`}>
        {label}
        {sorteer === kolom ? <span aria-hidden="true"> ▲</span> : null}
        <span class="mr-visueel-verborgen">{sorteer === kolom ? ' (gesorteerd)' : ' (sorteer hierop)'}</span>
      </a>
    </th>
  );
}

/**
 * A search for what was asked and not found, with its filters, so the desk can try it (and see what the register has
 * near it). The placeholders for names and numbers are left out: they were never the search.
 */
function unmetSearchHref(row: { zoekterm: string; filters: Record<string, unknown> }): string {
  const params = new URLSearchParams();
  const zoekterm = row.zoekterm.replace(/\[(naam|nummer)\]/g, ' ').replace(/\s+/g, ' ').trim();
  if (zoekterm) params.set('zoekterm', zoekterm);
  for (const [key, value] of Object.entries(row.filters)) for (const v of [value].flat()) if (typeof v === 'string') params.append(key, v);
  const query = searchParams(params);
  // Marked, so following it is not logged as one more unmet search (zoeken/service.ts).
  query.set(HERKOMST, 'inzichten');
  return `/?${query}`;
}

/**
 * Where the register falls short. The summary per type comes first and is short: it is the overview, and its links
 * narrow the page to one type. Then what people searched for and did not find, then the organisations without any
 * current contact, one closed group per type (about 350 at once made a 15,000 px page). The chart has the table
 * beside it as text alternative.
 */
export function InzichtenPagina({ principal, csrfToken, dekking, perType, onbeantwoord, filterType, sorteer, openType }: InzichtenProps) {
  const max = Math.max(1, ...perType.map((t) => t.organisaties));
  const barHeight = 28;
  const zonder = dekking.filter((o) => o.actueel === 0);
  const compare = (a: CoverageRow, b: CoverageRow) =>
    sorteer === 'provincie' ? (a.provincie ?? '~').localeCompare(b.provincie ?? '~', 'nl') || a.naam.localeCompare(b.naam, 'nl') : a.naam.localeCompare(b.naam, 'nl');
  const groups = perType
    .map((t) => ({ ...t, rows: zonder.filter((o) => o.type === t.type).sort(compare) }))
    .filter((g) => g.rows.length > 0);
  const filterNaam = perType.find((t) => t.type === filterType)?.naam;
  return (
    <Layout titel="Inzichten" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Inzichten</h1>
      <p>Waar het register tekortschiet: per soort organisatie, wat mensen zochten en niet vonden, en welke organisaties nog geen actueel contact hebben.</p>
      <section aria-labelledby="dekking-kop">
        <h2 class="utrecht-heading-2" id="dekking-kop">
          Dekking per soort organisatie
        </h2>
        <div class="mr-tabel" tabindex={0} role="region" aria-labelledby="dekking-kop">
          <table class="utrecht-table" id="dekking-per-soort">
            <caption class="utrecht-table__caption">Organisaties en organisaties zonder actueel contact, per soort. Kies een soort om alleen die te zien.</caption>
            <thead>
              <tr>
                <th scope="col">Soort</th>
                <th scope="col">Organisaties</th>
                <th scope="col">Zonder actueel contact</th>
              </tr>
            </thead>
            <tbody>
              {perType.map((t) => (
                <tr>
                  <th scope="row">
                    <a class="utrecht-link" href={`/inzichten?${new URLSearchParams({ type: t.type, sorteer })}#zonder-kop`} aria-current={filterType === t.type ? 'true' : undefined}>
                      {t.naam}
                    </a>
                  </th>
                  <td>{t.organisaties}</td>
                  <td>{t.zonderContact}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {filterType && (
          <p>
            <a class="utrecht-link" href={`/inzichten?${new URLSearchParams({ sorteer })}`}>
              Alle soorten tonen
            </a>
          </p>
        )}
        <details>
          <summary>Als staafdiagram</summary>
          <figure>
            <svg role="img" aria-labelledby="grafiek-titel grafiek-uitleg" viewBox={`0 0 640 ${perType.length * barHeight + 10}`} width="100%" class="mr-grafiek">
              <title id="grafiek-titel">Organisaties zonder actueel contact, per soort</title>
              <desc id="grafiek-uitleg">Staafdiagram; dezelfde cijfers staan in de tabel erboven.</desc>
              {perType.map((t, i) => (
                <g transform={`translate(0 ${i * barHeight})`}>
                  <text x="0" y="18" class="mr-grafiek__label">
                    {t.naam}
                  </text>
                  <rect x="230" y="4" width={(t.organisaties / max) * 380} height="18" class="mr-grafiek__totaal" />
                  <rect x="230" y="4" width={(t.zonderContact / max) * 380} height="18" class="mr-grafiek__zonder" />
                </g>
              ))}
            </svg>
            <figcaption>Lichte balk: alle organisaties; donkere balk: zonder actueel contact.</figcaption>
          </figure>
        </details>
        <p>
          <a class="utrecht-link" href={`/inzichten/dekking.csv${filterType ? `?type=${filterType}` : ''}`}>
            Download de dekking per organisatie en expertisegebied (CSV)
          </a>
        </p>
      </section>
      <section aria-labelledby="onbeantwoord-kop">
        <h2 class="utrecht-heading-2" id="onbeantwoord-kop">
          Zoekvragen zonder resultaat (laatste 30 dagen)
        </h2>
        <p class="mr-hint">
          Namen van personen staan er als [naam], lange nummers als [nummer]: wie iemand zocht, blijft onzichtbaar. De zoekwoorden zijn een link naar
          dezelfde zoekvraag.
        </p>
        {onbeantwoord.length === 0 ? (
          <p>Geen: alles wat is gezocht, leverde iemand op.</p>
        ) : (
          <div class="mr-tabel" tabindex={0} role="region" aria-labelledby="onbeantwoord-kop">
            <table class="utrecht-table">
              <caption class="utrecht-table__caption">Vaakst gesteld eerst</caption>
              <thead>
                <tr>
                  <th scope="col">Zoekwoorden</th>
                  <th scope="col">Filters</th>
                  <th scope="col">Keer</th>
                  <th scope="col">Laatst</th>
                </tr>
              </thead>
              <tbody>
                {onbeantwoord.map((row) => (
                  <tr>
                    <th scope="row">
                      <a class="utrecht-link" href={unmetSearchHref(row)}>
                        {row.zoekterm || '(zonder zoekwoorden)'}
                      </a>
                    </th>
                    <td>{Object.entries(row.filters).map(([k, v]) => `${k}: ${[v].flat().join(', ')}`).join('; ') || '–'}</td>
                    <td>{row.keren}</td>
                    <td>{new Date(row.laatstGezocht).toLocaleDateString('nl-NL')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="zonder-kop">
        <h2 class="utrecht-heading-2" id="zonder-kop">
          Organisaties zonder actueel contact{filterNaam ? ` (${filterNaam.toLowerCase()})` : ''}
        </h2>
        <form method="get" action="/inzichten#zonder-kop" class="mr-zoekbalk">
          <div>
            <label for="type">Soort organisatie</label>
            <select class="utrecht-select utrecht-select--html-select" id="type" name="type">
              <option value="">Alle</option>
              {perType.map((t) => (
                <option value={t.type} selected={filterType === t.type}>
                  {t.naam}
                </option>
              ))}
            </select>
          </div>
          <input type="hidden" name="sorteer" value={sorteer} />
          <button class="utrecht-button utrecht-button--secondary-action" type="submit">
            Tonen
          </button>
        </form>
        <p>{zonder.length === 0 ? 'Elke organisatie heeft ten minste één actueel contact.' : `${zonder.length} organisaties zonder actueel contact, per soort:`}</p>
        {groups.map((group) => (
          // Closed unless it is the one type asked for or the group just sorted: the list is long, the counts say enough.
          <details class="mr-groep" id={`groep-${group.type}`} open={filterType === group.type || openType === group.type}>
            <summary>
              {group.naam}: {group.rows.length} van {group.organisaties} zonder actueel contact
            </summary>
            <div class="mr-tabel" tabindex={0} role="region" aria-label={`${group.naam} zonder actueel contact`}>
              <table class="utrecht-table" id={`zonder-${group.type}`}>
                <caption class="mr-visueel-verborgen">
                  {group.naam}: {group.rows.length} van {group.organisaties} zonder actueel contact
                </caption>
                <thead>
                  <tr>
                    <SortHeader kolom="naam" label="Organisatie" sorteer={sorteer} filterType={filterType} groep={group.type} />
                    <SortHeader kolom="provincie" label="Provincie" sorteer={sorteer} filterType={filterType} groep={group.type} />
                  </tr>
                </thead>
                <tbody>
                  {group.rows.slice(0, 400).map((o) => (
                    <tr>
                      <th scope="row">
                        <a class="utrecht-link" href={`/organisaties/${o.code}`}>
                          {o.naam}
                        </a>
                      </th>
                      <td>{o.provincie ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
    </Layout>
  );
}
