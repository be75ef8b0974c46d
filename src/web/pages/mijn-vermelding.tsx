import type { Principal } from '../../auth/principal.js';
import type { InvalidParam } from '../../http/problem.js';
import { isBeforeToday } from '../../professionals/afwezigheid.js';
import type { ProfessionalView } from '../../professionals/schemas.js';
import { displayDate, displayPhone } from '../format.js';
import { Layout } from '../layout.js';
import { EntryFields, ErrorSummary, type FormValues, type ExpertisegebiedNode, type WerkgebiedKeuze } from './vermelding-formulier.js';
import { WijzigingsconflictMelding, type Wijzigingsconflict } from './wijzigingsconflict.js';

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
  /** The save came too late: the entry changed meanwhile (`entry` is the entry as it is now). */
  conflict?: Wijzigingsconflict | undefined;
}

/**
 * An entry as the form shows it: the phone number as people write it (020 123 4567, saved again as +31201234567), and
 * no absence that is over (it would only stand in the way of saving: a date before today is refused).
 */
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
    telefoon: entry.telefoon ? displayPhone(entry.telefoon) : '',
    bereikbaarheid: entry.bereikbaarheid ?? '',
    overMij: entry.overMij ?? '',
    zichtbaarheid: entry.zichtbaarheid,
    afwezigTot: entry.afwezigTot && !isBeforeToday(entry.afwezigTot) ? entry.afwezigTot : '',
  };
}

/** A professional's own entry: create or edit it, confirm it is current, export everything, delete it. */
export function MijnVermeldingPagina({ principal, csrfToken, entry, claimable, taxonomy, werkgebieden, values, errors: allErrors, melding, conflict }: MijnVermeldingProps) {
  // An entry the coordinator made with this person's e-mail is theirs to take over: a new one could never be saved
  // (the e-mail is taken), so the form to make one is not offered, nor errors about it.
  const offerClaim = !entry && claimable.length > 0;
  const errors = offerClaim ? [] : allErrors;
  const afwezig = entry?.afwezigTot && !isBeforeToday(entry.afwezigTot) ? entry.afwezigTot : null;
  const deleteErrors = errors.filter((e) => e.name === 'verwijderen');
  return (
    <Layout titel="Mijn vermelding" principal={principal} csrfToken={csrfToken} fout={errors.length > 0 || conflict !== undefined}>
      <h1 class="utrecht-heading-1">Mijn vermelding</h1>
      {melding && (
        <div class="mr-melding" role="status">
          <p>{melding}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {conflict && entry && (
        // The owner's coordinator may have changed it, or the owner in another window.
        <WijzigingsconflictMelding conflict={conflict} wie="Iemand anders (of jijzelf in een ander venster)" taxonomy={taxonomy} werkgebieden={werkgebieden ?? []} />
      )}
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
            {afwezig && <li>Je bent afwezig tot en met {datum(afwezig)}; collega’s zien dat bij je vermelding.</li>}
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
          <p>Er staat al een vermelding met jouw e-mailadres; neem die over. Daarna houd je haar zelf bij en kun je alles wijzigen.</p>
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
      {!offerClaim && (
        <section aria-labelledby="formulier-kop">
          <h2 class="utrecht-heading-2" id="formulier-kop">
            {entry ? 'Gegevens wijzigen' : 'Vermelding maken'}
          </h2>
          <form class="mr-formulier" method="post" action="/mijn-vermelding" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            {entry && <input type="hidden" name="versie" value={String(entry.versie)} />}
            <EntryFields values={values} errors={errors} taxonomy={taxonomy} werkgebieden={werkgebieden} />
            <button class="utrecht-button utrecht-button--primary-action" type="submit" id="opslaan">
              {conflict ? 'Mijn invoer toch opslaan' : 'Opslaan'}
            </button>
          </form>
        </section>
      )}
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
          {/* novalidate: the server says in Dutch what is missing, not the browser in its own language. */}
          <form method="post" action="/mijn-vermelding/verwijderen" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            {deleteErrors.length > 0 && (
              <p class="mr-foutmelding" id="fout-verwijderen">
                {deleteErrors.map((e) => e.reason).join(' ')}
              </p>
            )}
            <p class={deleteErrors.length ? 'mr-veld--fout' : undefined}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id="veld-verwijderen"
                name="zeker"
                value="ja"
                required
                aria-invalid={deleteErrors.length ? 'true' : undefined}
                aria-describedby={deleteErrors.length ? 'fout-verwijderen' : undefined}
              />
              <label for="veld-verwijderen">Ja, verwijder mijn vermelding definitief</label>
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
