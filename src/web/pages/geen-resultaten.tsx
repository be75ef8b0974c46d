import type { Alternative } from '../../zoeken/alternatives.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { searchHref } from '../zoek-links.js';
import type { ActiveFilter } from './zoek-filters.js';
import { TeamList } from './team-list.js';

/**
 * A search that finds no one is not a dead end: what a smaller search would find (with its count), the team
 * entries of the organisations the search is about, and the route to the PMM desk for a case that is stuck.
 */
export interface GeenResultatenProps {
  alternatives: Alternative[];
  teams: { organisatie: { code: string; naam: string }; teams: ProfessionalView[] }[];
  active: ActiveFilter[];
  pmmDeskEmail: string | undefined;
  mayRoute: boolean;
}

const count = (n: number) => (n === 1 ? '1 collega' : `${n.toLocaleString('nl-NL')} collega's`);

function hrefOf(alternative: Alternative) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(alternative.query)) {
    if (value === undefined || key === 'pagina' || key === 'paginaGrootte') continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) params.append(key, v);
  }
  return searchHref(params);
}

export function GeenResultaten({ alternatives, teams, active, pmmDeskEmail, mayRoute }: GeenResultatenProps) {
  const filterName = (key: string, waarde: string) => active.find((f) => f.key === key && f.waarde === waarde);
  return (
    <div class="mr-geen-resultaten" data-geen-resultaten>
      {alternatives.length > 0 ? (
        <>
          <p>Niemand gevonden met alles wat je zocht. Met minder wel:</p>
          <ul data-suggesties>
            {alternatives.map((a) => {
              const f = a.zonder.soort === 'filter' ? filterName(a.zonder.filter, a.zonder.waarde) : undefined;
              return (
                <li>
                  <a class="utrecht-link" href={hrefOf(a)} data-filterlink>
                    {a.zonder.soort === 'woord' ? `Zonder het woord “${a.zonder.woord}”` : `Zonder het filter ${f ? `${f.titel.toLowerCase()}: ${f.naam}` : a.zonder.waarde}`}
                  </a>{' '}
                  — {count(a.aantal)}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <>
          <p>Niemand gevonden. Probeer:</p>
          <ul>
            <li>minder of andere woorden, bijvoorbeeld de naam van een wet (Participatiewet, Wmo) of een afkorting (UWV, CAK);</li>
            <li>een breder expertisegebied, zoals "schulden" in plaats van een specifieke regeling.</li>
          </ul>
        </>
      )}
      {teams.map(({ organisatie, teams: entries }) => (
        <section aria-labelledby={`teams-${organisatie.code}`}>
          <h3 class="utrecht-heading-3" id={`teams-${organisatie.code}`}>
            Contactpunten van {organisatie.naam}
          </h3>
          <p>Een maatwerkplaats of escalatiecontact van de organisatie kan je verder helpen.</p>
          <TeamList teams={entries} />
        </section>
      ))}
      <section aria-labelledby="pmm-route-kop">
        <h3 class="utrecht-heading-3" id="pmm-route-kop">
          Loopt een casus vast tussen organisaties?
        </h3>
        <p>
          De PMM-desk (Professionals voor Maatwerk Multiproblematiek) zoekt per betrokken organisatie het juiste contact.{' '}
          {mayRoute ? (
            <a class="utrecht-link" href="/casusroutering">
              Naar casusroutering
            </a>
          ) : pmmDeskEmail ? (
            <>
              Mail de PMM-desk:{' '}
              <a class="utrecht-link" href={`mailto:${pmmDeskEmail}`}>
                {pmmDeskEmail}
              </a>
              .
            </>
          ) : (
            'Vraag je coördinator om de casus aan de PMM-desk voor te leggen.'
          )}
        </p>
      </section>
    </div>
  );
}
