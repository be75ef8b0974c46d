import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { displayDate } from '../format.js';
import { Layout } from '../layout.js';
import { EntryFields, ErrorSummary, type FormValues, type ExpertisegebiedNode, type WerkgebiedKeuze } from './vermelding-formulier.js';

const datum = displayDate;

export interface MijnVermeldingProps {
  principal: Principal;
  csrfToken: string;
  entry: ProfessionalView | null;
  claimable: ProfessionalView[];
  taxonomy: ExpertisegebiedNode[];
  werkgebieden?: WerkgebiedKeuze[];
  values: FormValues;
  errors: InvalidParam[];
  melding?: string | undefined;
}

export function valuesOf(entry: ProfessionalView): FormValues {
  return {
    naam: entry.naam,
    functie: entry.functie,
    afdeling: entry.afdeling ?? '',
    rolniveau: entry.rolniveau,
    expertisegebieden: entry.expertisegebieden.map((e) => e.code),
    trefwoorden: entry.trefwoorden,
    werkgebied: entry.werkgebied,
    email: entry.email,
    telefoon: entry.telefoon ?? '',
    bereikbaarheid: entry.bereikbaarheid ?? '',
    overMij: entry.overMij ?? '',
    zichtbaarheid: entry.zichtbaarheid,
    afwezigTot: entry.afwezigTot ?? '',
  };
}

/** A professional's own entry: create or edit it, confirm it is current, export everything, delete it. */
export function MijnVermeldingPagina({ principal, csrfToken, entry, claimable, taxonomy, werkgebieden, values, errors, melding }: MijnVermeldingProps) {
  return (
    <Layout titel="Mijn vermelding" principal={principal} csrfToken={csrfToken}>
      <h1 class="utrecht-heading-1">Mijn vermelding</h1>
      {melding && (
        <div class="mr-melding" role="status">
          <p>{melding}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {entry && (
        <section aria-labelledby="status-kop">
          <h2 class="utrecht-heading-2" id="status-kop">
            Status
          </h2>
          <ul>
            <li>{entry.vindbaar ? 'Je bent vindbaar voor collega’s.' : 'Je bent op dit moment niet vindbaar.'}</li>
            <li>
              Laatst bevestigd op {datum(entry.bevestiging.bevestigdOp)}; {entry.bevestiging.status === 'actueel' ? `bevestig vóór ${datum(entry.bevestiging.verlooptOp)}.` : 'verlopen: bevestig om weer vindbaar te zijn.'}
            </li>
            <li>{entry.verificatie.status === 'geldig' ? `Geverifieerd door je organisatie tot ${datum(entry.verificatie.verlooptOp!)}.` : 'Nog niet (of niet meer) geverifieerd door je coördinator.'}</li>
          </ul>
          <form method="post" action="/mijn-vermelding/bevestiging">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Mijn gegevens kloppen nog
            </button>
          </form>
        </section>
      )}
      {!entry && claimable.length > 0 && (
        <section aria-labelledby="claim-kop">
          <h2 class="utrecht-heading-2" id="claim-kop">
            Je coördinator heeft je al opgenomen
          </h2>
          {claimable.map((c) => (
            <form method="post" action={`/mijn-vermelding/claim/${c.id}`}>
              <input type="hidden" name="_csrf" value={csrfToken} />
              <p>
                {c.naam}, {c.functie} ({c.email})
              </p>
              <button class="utrecht-button utrecht-button--primary-action" type="submit">
                Dit ben ik: zelf bijhouden
              </button>
            </form>
          ))}
        </section>
      )}
      <section aria-labelledby="formulier-kop">
        <h2 class="utrecht-heading-2" id="formulier-kop">
          {entry ? 'Gegevens wijzigen' : 'Vermelding maken'}
        </h2>
        <form class="mr-formulier" method="post" action="/mijn-vermelding" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          {entry && <input type="hidden" name="versie" value={String(entry.versie)} />}
          <EntryFields values={values} errors={errors} taxonomy={taxonomy} werkgebieden={werkgebieden} />
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Opslaan
          </button>
        </form>
      </section>
      {entry && (
        <section aria-labelledby="rechten-kop">
          <h2 class="utrecht-heading-2" id="rechten-kop">
            Je gegevens
          </h2>
          <p>
            <a class="utrecht-link" href="/mijn-vermelding/gegevens" download>
              Download alles wat het register over je bewaart (JSON)
            </a>
          </p>
          <form method="post" action="/mijn-vermelding/verwijderen">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <p>
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id="bevestig-verwijderen" name="zeker" value="ja" required />
              <label for="bevestig-verwijderen">Ja, verwijder mijn vermelding definitief</label>
            </p>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Vermelding verwijderen
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}
