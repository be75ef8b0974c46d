import type { Principal } from '../../auth/principal.js';
import type { OrganisatieView } from '../../organisaties/schemas.js';
import type { searchProfessionals } from '../../zoeken/service.js';
import { organisatieTypeLabels, rolniveauLabels } from '../../zoeken/labels.js';
import { Layout } from '../layout.js';
import { TeamList } from './team-list.js';

type Answer = Awaited<ReturnType<typeof searchProfessionals>>;

/** An organisation: its team entries first (the way in), then the professionals one may find there. */
export function OrganisatiePagina({ principal, csrfToken, organisatie, teams, mensen, params }: { principal: Principal; csrfToken: string; organisatie: OrganisatieView; teams: Answer; mensen: Answer; params: URLSearchParams }) {
  const filtered = ['zoekterm', 'rolniveau', 'expertisegebied'].some((key) => params.get(key));
  const allHref = (() => {
    const all = new URLSearchParams({ organisatie: organisatie.code });
    for (const key of ['zoekterm', 'rolniveau', 'expertisegebied']) if (params.get(key)) all.set(key, params.get(key)!);
    return `/?${all}`;
  })();
  return (
    <Layout titel={organisatie.naam} principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">{organisatie.officieleNaam}</h1>
      <dl class="mr-gegevens">
        <dt>Soort</dt>
        <dd>{organisatieTypeLabels[organisatie.type] ?? organisatie.type}</dd>
        {organisatie.provincie && (
          <>
            <dt>Provincie</dt>
            <dd>{organisatie.provincie}</dd>
          </>
        )}
        {organisatie.ministerie && (
          <>
            <dt>Ministerie</dt>
            <dd>{organisatie.ministerie.naam}</dd>
          </>
        )}
        {!organisatie.actief && (
          <>
            <dt>Status</dt>
            <dd>Opgeheven of samengevoegd</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="teams-kop">
        <h2 class="utrecht-heading-2" id="teams-kop">
          Teams en functionele contactpunten
        </h2>
        {teams.resultaten.length === 0 ? (
          <p>Deze organisatie heeft (nog) geen teamvermelding.</p>
        ) : (
          <TeamList teams={teams.resultaten} />
        )}
      </section>
      <section aria-labelledby="mensen-kop">
        <h2 class="utrecht-heading-2" id="mensen-kop">
          Professionals ({mensen.totaal})
        </h2>
        <form method="get" action={`/organisaties/${organisatie.code}`} class="mr-organisatiefilters" aria-label={`Professionals van ${organisatie.naam} filteren`}>
          <div class="mr-zoekbalk">
            <div class="mr-zoekbalk__veld">
              <label class="utrecht-form-label" for="zoekterm">
                Naam, functie of expertise
              </label>
              <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoekterm" name="zoekterm" value={params.get('zoekterm') ?? ''} autocomplete="off" />
            </div>
            <div class="mr-zoekbalk__niveau">
              <label class="utrecht-form-label" for="rolniveau">
                Rolniveau
              </label>
              <select class="utrecht-select utrecht-select--html-select" id="rolniveau" name="rolniveau">
                <option value="">Alle niveaus</option>
                {Object.entries(rolniveauLabels).map(([waarde, label]) => (
                  <option value={waarde} selected={params.get('rolniveau') === waarde}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="mr-zoekbalk__niveau">
              <label class="utrecht-form-label" for="expertisegebied">
                Expertisegebied
              </label>
              <select class="utrecht-select utrecht-select--html-select" id="expertisegebied" name="expertisegebied">
                <option value="">Alle gebieden</option>
                {mensen.facetten.expertisegebied.map((e) => (
                  <option value={e.waarde} selected={params.get('expertisegebied') === e.waarde}>
                    {e.naam} ({e.aantal})
                  </option>
                ))}
              </select>
            </div>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Filteren
            </button>
          </div>
          {filtered && (
            <p>
              <a class="utrecht-link" href={`/organisaties/${organisatie.code}`}>
                Filters weghalen
              </a>
            </p>
          )}
        </form>
        {mensen.resultaten.length === 0 ? (
          <p>{filtered ? 'Niemand van deze organisatie past bij deze filters.' : 'Er zijn hier geen vindbare professionals.'}</p>
        ) : (
          <ul>
            {mensen.resultaten.map((p) => (
              <li>
                <a class="utrecht-link" href={`/professionals/${p.id}`}>
                  {p.naam}
                </a>{' '}
                · {p.functie} · {rolniveauLabels[p.rolniveau] ?? p.rolniveau}
              </li>
            ))}
          </ul>
        )}
        {mensen.totaal > mensen.resultaten.length && (
          <p>
            <a class="utrecht-link" href={allHref}>
              Alle {mensen.totaal} doorzoeken
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}
