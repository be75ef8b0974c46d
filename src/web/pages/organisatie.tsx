import type { Principal } from '../../auth/principal.js';
import type { OrganisatieView } from '../../organisaties/schemas.js';
import type { searchProfessionals } from '../../zoeken/service.js';
import { organisatieTypeLabels, rolniveauLabels } from '../../zoeken/labels.js';
import { Layout } from '../layout.js';
import { TeamList } from './team-list.js';

type Answer = Awaited<ReturnType<typeof searchProfessionals>>;

/** An organisation: its team entries first (the way in), then the professionals one may find there. */
export function OrganisatiePagina({ principal, csrfToken, organisatie, teams, mensen }: { principal: Principal; csrfToken: string; organisatie: OrganisatieView; teams: Answer; mensen: Answer }) {
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
        {mensen.resultaten.length === 0 ? (
          <p>Er zijn hier geen vindbare professionals.</p>
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
            <a class="utrecht-link" href={`/?organisatie=${organisatie.code}`}>
              Alle {mensen.totaal} doorzoeken
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}
