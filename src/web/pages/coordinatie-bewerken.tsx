import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { Layout } from '../layout.js';
import { EntryFields, ErrorSummary, type ExpertisegebiedNode, type FormValues, type WerkgebiedKeuze } from './vermelding-formulier.js';
import { WijzigingsconflictMelding, type Wijzigingsconflict } from './wijzigingsconflict.js';

export interface BewerkenProps {
  principal: Principal;
  csrfToken: string;
  entry: ProfessionalView;
  values: FormValues;
  errors: InvalidParam[];
  taxonomy: ExpertisegebiedNode[];
  werkgebieden: WerkgebiedKeuze[];
  /** The list query to return to (organisation, filter, search, sort, page). */
  terug: string;
  /** The save came too late: someone changed the entry meanwhile (`entry` is the entry as it is now). */
  conflict?: Wijzigingsconflict | undefined;
}

/** A coordinator edits an entry of their organisation with the same fields and rules as the owner (and the API). */
export function CoordinatieBewerkenPagina({ principal, csrfToken, entry, values, errors, taxonomy, werkgebieden, terug, conflict }: BewerkenProps) {
  return (
    <Layout titel={`${entry.naam} bewerken`} principal={principal} csrfToken={csrfToken} fout={errors.length > 0 || conflict !== undefined}>
      <p>
        <a class="utrecht-link" href={`/coordinatie?${terug}`}>
          Terug naar de vermeldingen
        </a>
      </p>
      <h1 class="utrecht-heading-1">{entry.naam} bewerken</h1>
      {entry.geclaimd && <p>Deze vermelding is van de medewerker zelf; die ziet je wijzigingen in Mijn vermelding.</p>}
      <ErrorSummary errors={errors} />
      {conflict && <WijzigingsconflictMelding conflict={conflict} wie="Iemand anders" taxonomy={taxonomy} werkgebieden={werkgebieden} />}
      <form class="mr-formulier" method="post" action={`/coordinatie/vermelding/${entry.id}?${terug}`} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <input type="hidden" name="versie" value={String(entry.versie)} />
        <EntryFields values={values} errors={errors} taxonomy={taxonomy} werkgebieden={werkgebieden} allowTeam />
        <button class="utrecht-button utrecht-button--primary-action" type="submit" id="opslaan">
          {conflict ? 'Mijn invoer toch opslaan' : 'Opslaan'}
        </button>
      </form>
    </Layout>
  );
}
