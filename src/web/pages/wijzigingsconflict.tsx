import type { EntryChangedError, FieldDifference, FieldValue } from '../../professionals/edit-conflict.js';
import { rolniveauLabels } from '../../zoeken/labels.js';
import { displayDate, displayPhone } from '../format.js';
import { fieldLabel, type ExpertisegebiedNode, type WerkgebiedKeuze } from './vermelding-formulier.js';

/** An edit that came too late, as a form shows it: what is stored now beside what the person typed. */
export interface Wijzigingsconflict {
  verschillen: FieldDifference[];
  /** When the entry was last changed (ISO), so the person can tell how recent the other change is. */
  gewijzigdOp: string;
  /** Where the entry as it is now is loaded, dropping what was typed. */
  herladen: string;
}

const zichtbaarheidLabels: Record<string, string> = {
  'alle-professionals': 'Alle professionals in het register',
  'eigen-organisatie': 'Alleen de eigen organisatie',
  pmm: 'Alleen de PMM-desk (en de eigen organisatie)',
};
const soortLabels: Record<string, string> = { persoon: 'Persoon', team: 'Team of functioneel contactpunt' };
const statusLabels: Record<string, string> = { actief: 'Actief', inactief: 'Inactief' };

const moment = (iso: string) =>
  `${displayDate(iso)} om ${new Date(iso).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' })}`;

/** A value as the person reads it on the form: names, not codes; "(leeg)" for nothing. */
function shown(veld: string, value: FieldValue, taxonomy: ExpertisegebiedNode[], werkgebieden: WerkgebiedKeuze[]): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '(leeg)';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nee';
  if (Array.isArray(value)) {
    const names = veld === 'expertisegebieden' ? new Map(taxonomy.map((n) => [n.code, n.naam])) : veld === 'werkgebied' ? new Map(werkgebieden.map((w) => [w.waarde, w.label])) : new Map<string, string>();
    return value.map((v) => names.get(v) ?? v).join(', ');
  }
  const labels: Record<string, Record<string, string>> = { rolniveau: rolniveauLabels, zichtbaarheid: zichtbaarheidLabels, soort: soortLabels, status: statusLabels };
  if (labels[veld]) return labels[veld][value] ?? value;
  if (veld === 'telefoon') return displayPhone(value);
  if (veld === 'afwezigTot') return displayDate(value);
  return value;
}

/**
 * The message that replaces the raw "intussen gewijzigd": it takes the focus (like the error summary) and lists,
 * per field that differs, what is stored now and what the person typed. The form below keeps what they typed and
 * carries the new version, so saving again is a deliberate choice made after seeing this; the link loads the
 * entry as it is now instead. `wie` says who may have changed it (a colleague, or the person in another window).
 */
export function WijzigingsconflictMelding({ conflict, wie, taxonomy, werkgebieden }: { conflict: Wijzigingsconflict; wie: string; taxonomy: ExpertisegebiedNode[]; werkgebieden: WerkgebiedKeuze[] }) {
  const { verschillen } = conflict;
  return (
    <div class="mr-melding mr-melding--fout mr-conflict" role="alert" aria-labelledby="conflict-kop" tabindex={-1} autofocus id="wijzigingsconflict">
      <h2 class="utrecht-heading-2" id="conflict-kop">
        Je wijzigingen zijn nog niet opgeslagen
      </h2>
      <p>
        {wie} heeft deze vermelding gewijzigd nadat jij haar opende (laatst gewijzigd op {moment(conflict.gewijzigdOp)}). Je wijzigingen zijn nog niet opgeslagen.
      </p>
      {verschillen.length > 0 ? (
        <>
          <p>{verschillen.length === 1 ? 'Dit veld verschilt' : 'Deze velden verschillen'} van wat nu is opgeslagen:</p>
          <dl class="mr-verschillen">
            {verschillen.map((v) => (
              <div class="mr-verschil">
                <dt>{fieldLabel(v.veld)}</dt>
                <dd>
                  <span class="mr-verschil__soort">Nu opgeslagen:</span> {shown(v.veld, v.opgeslagen, taxonomy, werkgebieden)}
                </dd>
                <dd>
                  <span class="mr-verschil__soort">Jouw invoer:</span> {shown(v.veld, v.ingevuld, taxonomy, werkgebieden)}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p>Wat jij invulde, is gelijk aan wat nu is opgeslagen: opslaan overschrijft niets.</p>
      )}
      <p>Wat wil je doen?</p>
      <ul>
        <li>
          <a class="utrecht-link" href="#opslaan">
            Mijn invoer toch opslaan
          </a>
          : je invoer staat nog in het formulier hieronder; {verschillen.length > 0 ? 'de opgeslagen waarden hierboven worden dan vervangen' : 'sla het opnieuw op'}.
        </li>
        <li>
          <a class="utrecht-link" href={conflict.herladen}>
            De huidige vermelding laden
          </a>
          : je ziet dan wat nu is opgeslagen; je invoer vervalt.
        </li>
      </ul>
    </div>
  );
}

/** The conflict a form shows, from the service's refusal. */
export const conflictOf = (error: EntryChangedError, herladen: string): Wijzigingsconflict => ({ verschillen: error.verschillen, gewijzigdOp: error.huidige.gewijzigdOp, herladen });
