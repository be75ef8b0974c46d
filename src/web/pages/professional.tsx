import type { Principal } from '../../auth/principal.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { rolniveauLabels } from '../../zoeken/labels.js';
import { displayDate, displayPhone } from '../format.js';
import { Layout } from '../layout.js';
import { TeamList } from './team-list.js';

const datum = displayDate;

export function ProfessionalPagina({ principal, csrfToken, entry, teams, terug = '/' }: { principal: Principal; csrfToken: string; entry: ProfessionalView; teams: ProfessionalView[]; terug?: string }) {
  return (
    <Layout titel={entry.naam} principal={principal} csrfToken={csrfToken}>
      <p>
        <a class="utrecht-link" href={terug} data-terug>
          Terug naar zoeken
        </a>
      </p>
      <h1 class="utrecht-heading-1">{entry.naam}</h1>
      <p>
        {entry.functie} ·{' '}
        <a class="utrecht-link" href={`/organisaties/${entry.organisatie.code}`}>
          {entry.organisatie.naam}
        </a>
      </p>
      <dl class="mr-gegevens">
        <dt>Rolniveau</dt>
        <dd>{rolniveauLabels[entry.rolniveau] ?? entry.rolniveau}</dd>
        {entry.afdeling && (
          <>
            <dt>Afdeling</dt>
            <dd>{entry.afdeling}</dd>
          </>
        )}
        <dt>Expertise</dt>
        <dd>{entry.expertisegebieden.map((e) => e.naam).join(', ')}</dd>
        {entry.trefwoorden.length > 0 && (
          <>
            <dt>Trefwoorden</dt>
            <dd>{entry.trefwoorden.join(', ')}</dd>
          </>
        )}
        {entry.werkgebied.length > 0 && (
          <>
            <dt>Werkgebied</dt>
            <dd>{entry.werkgebied.join(', ')}</dd>
          </>
        )}
        <dt>E-mail</dt>
        <dd>
          <a class="utrecht-link" href={`mailto:${entry.email}`}>
            {entry.email}
          </a>
        </dd>
        {entry.telefoon && (
          <>
            <dt>Telefoon</dt>
            <dd>
              <a class="utrecht-link" href={`tel:${entry.telefoon.replace(/\s/g, '')}`}>
                {displayPhone(entry.telefoon)}
              </a>
            </dd>
          </>
        )}
        {entry.bereikbaarheid && (
          <>
            <dt>Bereikbaarheid</dt>
            <dd>{entry.bereikbaarheid}</dd>
          </>
        )}
        {entry.afwezigTot && (
          <>
            <dt>Afwezig tot en met</dt>
            <dd>{datum(entry.afwezigTot)}</dd>
          </>
        )}
        {entry.overMij && (
          <>
            <dt>Waarmee ik kan helpen</dt>
            <dd>{entry.overMij}</dd>
          </>
        )}
        <dt>Verificatie</dt>
        <dd>
          {entry.verificatie.status === 'geldig' && entry.verificatie.geverifieerdOp
            ? `Geverifieerd door de organisatie op ${datum(entry.verificatie.geverifieerdOp)}`
            : entry.verificatie.status === 'verlopen'
              ? 'Verificatie verlopen'
              : 'Nog niet geverifieerd'}
        </dd>
        <dt>Laatst bevestigd</dt>
        <dd>{datum(entry.bevestiging.bevestigdOp)}</dd>
      </dl>
      {teams.length > 0 && (
        <section aria-labelledby="teams-kop">
          <h2 class="utrecht-heading-2" id="teams-kop">
            Teams van {entry.organisatie.naam}
          </h2>
          <p>Niet bereikbaar? Deze functionele contactpunten van de organisatie kunnen ook helpen.</p>
          <TeamList teams={teams} />
        </section>
      )}
    </Layout>
  );
}
