import type { InvalidParam } from '../../http/problem.js';
import { expertiseCategorieTitels } from '../../zoeken/labels.js';
import { assetUrl } from '../assets.js';

/** One value per field as the form shows it (arrays as comma-separated text), and the chosen expertise codes. */
export interface FormValues {
  [field: string]: string | string[] | undefined;
}

/** A werkgebied to choose, by name (the stored value is a province's name or a gemeente's code). */
export interface WerkgebiedKeuze {
  waarde: string;
  label: string;
  /** Other names of a gemeente ("’s-Hertogenbosch"), shown beside the label and understood when typed. */
  andereNamen?: string[] | undefined;
}

export interface ExpertisegebiedNode {
  code: string;
  naam: string;
  categorie: string;
}


const labels: Record<string, string> = {
  naam: 'Naam',
  functie: 'Functie',
  afdeling: 'Afdeling',
  rolniveau: 'Rolniveau',
  expertisegebieden: 'Expertisegebieden',
  email: 'Werk-e-mailadres',
  telefoon: 'Telefoonnummer',
  bereikbaarheid: 'Bereikbaarheid',
  trefwoorden: 'Trefwoorden',
  werkgebied: 'Werkgebied',
  overMij: 'Waarmee kun je collega’s helpen?',
  zichtbaarheid: 'Wie mag je vinden?',
  afwezigTot: 'Afwezig tot en met',
  soort: 'Soort vermelding',
  organisatie: 'Organisatie',
  verwijderen: 'Verwijderen',
};

/** A field's name as the form labels it. */
export const fieldLabel = (name: string) => labels[name] ?? name;

/** The field an API error belongs to (`expertisegebieden.2` → `expertisegebieden`). */
export const fieldOf = (name: string) => name.split('.')[0]!;

/**
 * The errors of a form, each linking to its field. It takes the focus when the page loads (`autofocus`, so also
 * without JavaScript), which scrolls it into view, however far down the form is, and has it read out first.
 * `labels` names the fields as the page does, where it differs from the entry form's names.
 */
export function ErrorSummary({ errors, labels: own = {} }: { errors: InvalidParam[]; labels?: Record<string, string> }) {
  if (errors.length === 0) return null;
  return (
    <div class="mr-melding mr-melding--fout" role="alert" aria-labelledby="fouten-kop" tabindex={-1} autofocus id="foutenoverzicht">
      <h2 class="utrecht-heading-2" id="fouten-kop">
        Controleer de volgende velden
      </h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a class="utrecht-link" href={`#veld-${fieldOf(error.name)}`}>
              {/* A form-wide message (a stale version, a conflict) needs no field name before it. */}
              {error.name === 'formulier' ? error.reason : `${own[fieldOf(error.name)] ?? labels[fieldOf(error.name)] ?? error.name}: ${error.reason}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field({ name, errors, hint, children }: { name: string; errors: InvalidParam[]; hint?: string; children: (describedBy: string | undefined) => preact.ComponentChildren }) {
  const own = errors.filter((e) => fieldOf(e.name) === name);
  const ids = [hint ? `hint-${name}` : null, own.length ? `fout-${name}` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={own.length ? 'mr-veld mr-veld--fout' : 'mr-veld'}>
      <label for={`veld-${name}`}>{labels[name] ?? name}</label>
      {hint && (
        <p class="mr-hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
      {own.length > 0 && (
        <p class="mr-foutmelding" id={`fout-${name}`}>
          {own.map((e) => e.reason).join(' ')}
        </p>
      )}
      {children(ids)}
    </div>
  );
}

const text = (values: FormValues, name: string) => {
  const value = values[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
};

export interface EntryFormProps {
  values: FormValues;
  errors: InvalidParam[];
  taxonomy: ExpertisegebiedNode[];
  /** Team entries are made by coordinators. */
  allowTeam?: boolean;
  /** Every werkgebied by name, offered while typing; without it only the chosen ones and a text field are shown. */
  werkgebieden?: WerkgebiedKeuze[];
}

/**
 * Werkgebied by name: the chosen ones as ticked checkboxes (untick to remove), and a field to add one, offering the
 * names of every gemeente and province as one types (a native datalist, so it works without JavaScript). The service
 * reads names, codes and "Groningen (gemeente)" alike, and asks which one is meant when a name is both. With
 * JavaScript, Enter in the field adds the typed place as a ticked box instead of sending the form (werkgebied.js).
 */
function WerkgebiedField({ values, errors, werkgebieden = [] }: { values: FormValues; errors: InvalidParam[]; werkgebieden?: WerkgebiedKeuze[] }) {
  const chosen = [values.werkgebied ?? []].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const labelOf = new Map(werkgebieden.map((w) => [w.waarde, w.label]));
  const own = errors.filter((e) => fieldOf(e.name) === 'werkgebied');
  return (
    <fieldset class={own.length ? 'mr-veld mr-veld--fout' : 'mr-veld'} id="veld-werkgebied" tabindex={-1} aria-describedby={own.length ? 'fout-werkgebied' : undefined} data-werkgebied>
      <legend>Werkgebied</legend>
      <p class="mr-hint" id="hint-werkgebied">
        Gemeenten of provincies waarvoor je werkt. Leeg: de hele organisatie.
      </p>
      {own.length > 0 && (
        <p class="mr-foutmelding" id="fout-werkgebied">
          {own.map((e) => e.reason).join(' ')}
        </p>
      )}
      {chosen.length > 0 && (
        <ul class="mr-keuzelijst">
          {chosen.map((value, index) => (
            <li>
              <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`werkgebied-${index}`} name="werkgebied" value={value} checked />
              <label for={`werkgebied-${index}`}>{labelOf.get(value) ?? value}</label>
            </li>
          ))}
        </ul>
      )}
      <label for="veld-werkgebied-nieuw">{chosen.length ? 'Nog een gemeente of provincie toevoegen' : 'Gemeente of provincie'}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="text"
        id="veld-werkgebied-nieuw"
        name="werkgebied"
        list="werkgebied-opties"
        autocomplete="off"
        aria-describedby="hint-werkgebied-nieuw"
      />
      <p class="mr-hint" id="hint-werkgebied-nieuw">
        Typ een deel van de naam, bijvoorbeeld Tilburg of Utrecht, en kies uit de lijst.
      </p>
      <datalist id="werkgebied-opties">
        {werkgebieden.map((w) => (
          <option value={w.label}>{w.andereNamen?.join(', ')}</option>
        ))}
      </datalist>
      <script src={assetUrl('werkgebied.js')} defer />
    </fieldset>
  );
}

/** Who may find the entry, as radio buttons: their labels wrap on a narrow screen, where a select's were cut off. */
function ZichtbaarheidField({ values, errors }: { values: FormValues; errors: InvalidParam[] }) {
  const own = errors.filter((e) => fieldOf(e.name) === 'zichtbaarheid');
  const chosen = values.zichtbaarheid ?? 'alle-professionals';
  return (
    <fieldset class={own.length ? 'mr-veld mr-veld--fout' : 'mr-veld'} id="veld-zichtbaarheid" tabindex={-1} aria-describedby={own.length ? 'fout-zichtbaarheid' : undefined}>
      <legend>{labels.zichtbaarheid}</legend>
      {own.length > 0 && (
        <p class="mr-foutmelding" id="fout-zichtbaarheid">
          {own.map((e) => e.reason).join(' ')}
        </p>
      )}
      <ul class="mr-keuzelijst mr-keuzelijst--enkel">
        {[
          ['alle-professionals', 'Alle professionals in het register'],
          ['eigen-organisatie', 'Alleen mijn eigen organisatie'],
          ['pmm', 'Alleen de PMM-desk (en mijn organisatie)'],
        ].map(([value, label]) => (
          <li>
            <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`zichtbaarheid-${value}`} name="zichtbaarheid" value={value} checked={chosen === value} />
            <label for={`zichtbaarheid-${value}`}>{label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The fields of an entry, with Dutch labels, hints, and each error next to its field (and in the summary). */
export function EntryFields({ values, errors, taxonomy, allowTeam = false, werkgebieden }: EntryFormProps) {
  const chosen = new Set([values.expertisegebieden ?? []].flat());
  const expertiseErrors = errors.filter((e) => fieldOf(e.name) === 'expertisegebieden');
  return (
    <>
      {allowTeam && (
        <Field name="soort" errors={errors}>
          {(describedBy) => (
            <select class="utrecht-select utrecht-select--html-select" id="veld-soort" name="soort" aria-describedby={describedBy}>
              <option value="persoon" selected={values.soort !== 'team'}>
                Persoon
              </option>
              <option value="team" selected={values.soort === 'team'}>
                Team of functioneel contactpunt (maatwerkplaats, escalatieloket)
              </option>
            </select>
          )}
        </Field>
      )}
      {(['naam', 'functie', 'afdeling'] as const).map((name) => (
        <Field name={name} errors={errors}>
          {(describedBy) => (
            <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id={`veld-${name}`} name={name} value={text(values, name)} required={name !== 'afdeling'} aria-invalid={errors.some((e) => fieldOf(e.name) === name) ? 'true' : undefined} aria-describedby={describedBy} />
          )}
        </Field>
      ))}
      <Field name="rolniveau" errors={errors} hint="Uitvoering < specialist (met mandaat in de casus) < coördinatie < management (mandaat om af te wijken) < bestuur.">
        {(describedBy) => (
          <select class="utrecht-select utrecht-select--html-select" id="veld-rolniveau" name="rolniveau" aria-describedby={describedBy}>
            {[
              ['uitvoering', 'Uitvoering'],
              ['specialist', 'Specialist'],
              ['coordinatie', 'Coördinatie'],
              ['management', 'Management'],
              ['bestuur', 'Bestuur'],
            ].map(([value, label]) => (
              <option value={value} selected={values.rolniveau === value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class={expertiseErrors.length ? 'mr-veld mr-veld--fout' : 'mr-veld'} id="veld-expertisegebieden" tabindex={-1} aria-describedby={expertiseErrors.length ? 'fout-expertisegebieden' : undefined}>
        <legend>Expertisegebieden (kies er minstens één)</legend>
        {expertiseErrors.length > 0 && (
          <p class="mr-foutmelding" id="fout-expertisegebieden">
            {expertiseErrors.map((e) => e.reason).join(' ')}
          </p>
        )}
        {Object.entries(expertiseCategorieTitels).map(([categorie, titel]) => (
          <details open={taxonomy.some((n) => n.categorie === categorie && chosen.has(n.code))}>
            <summary>{titel}</summary>
            <ul class="mr-keuzelijst">
              {taxonomy
                .filter((n) => n.categorie === categorie)
                .map((node) => (
                  <li>
                    <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={`expertise-${node.code}`} name="expertisegebieden" value={node.code} checked={chosen.has(node.code)} />
                    <label for={`expertise-${node.code}`}>{node.naam}</label>
                  </li>
                ))}
            </ul>
          </details>
        ))}
      </fieldset>
      <Field name="email" errors={errors} hint="Je werkadres; geen privéadres.">
        {(describedBy) => <input class="utrecht-textbox utrecht-textbox--html-input" type="email" id="veld-email" name="email" value={text(values, 'email')} required autocomplete="email" aria-describedby={describedBy} />}
      </Field>
      <Field name="telefoon" errors={errors} hint="Bijvoorbeeld 020 123 4567 of 06 12345678.">
        {(describedBy) => <input class="utrecht-textbox utrecht-textbox--html-input" type="tel" id="veld-telefoon" name="telefoon" value={text(values, 'telefoon')} autocomplete="tel" aria-describedby={describedBy} />}
      </Field>
      <Field name="bereikbaarheid" errors={errors} hint="Bijvoorbeeld: ma–do 9–17 uur.">
        {(describedBy) => <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="veld-bereikbaarheid" name="bereikbaarheid" value={text(values, 'bereikbaarheid')} aria-describedby={describedBy} />}
      </Field>
      <Field name="trefwoorden" errors={errors} hint="Gescheiden door komma's.">
        {(describedBy) => <input class="utrecht-textbox utrecht-textbox--html-input" type="text" id="veld-trefwoorden" name="trefwoorden" value={text(values, 'trefwoorden')} aria-describedby={describedBy} />}
      </Field>
      <WerkgebiedField values={values} errors={errors} werkgebieden={werkgebieden} />
      <Field name="overMij" errors={errors} hint="Alleen werkinformatie. Zet hier nooit gegevens van inwoners of cliënten.">
        {(describedBy) => (
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" id="veld-overMij" name="overMij" rows={4} aria-describedby={describedBy}>
            {text(values, 'overMij')}
          </textarea>
        )}
      </Field>
      <ZichtbaarheidField values={values} errors={errors} />
      <Field name="afwezigTot" errors={errors} hint="Leeg als je er gewoon bent.">
        {(describedBy) => <input class="utrecht-textbox utrecht-textbox--html-input" type="date" id="veld-afwezigTot" name="afwezigTot" value={text(values, 'afwezigTot')} aria-describedby={describedBy} />}
      </Field>
    </>
  );
}

/** Form fields (urlencoded) to the API's input shape; empty optional fields left out (create) or cleared (update). */
export function formToInput(body: Record<string, string | string[] | undefined>, mode: 'create' | 'update'): Record<string, unknown> {
  const list = (value: string | string[] | undefined) => [value ?? []].flat().flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const optional = (value: string | string[] | undefined) => {
    const v = [value ?? ''].flat()[0]!.trim();
    return v === '' ? (mode === 'update' ? null : undefined) : v;
  };
  const input: Record<string, unknown> = {
    naam: [body.naam ?? ''].flat()[0],
    functie: [body.functie ?? ''].flat()[0],
    afdeling: optional(body.afdeling),
    rolniveau: [body.rolniveau ?? ''].flat()[0],
    expertisegebieden: [body.expertisegebieden ?? []].flat(),
    trefwoorden: list(body.trefwoorden),
    werkgebied: list(body.werkgebied),
    email: [body.email ?? ''].flat()[0],
    telefoon: optional(body.telefoon),
    bereikbaarheid: optional(body.bereikbaarheid),
    overMij: optional(body.overMij),
    zichtbaarheid: [body.zichtbaarheid ?? 'alle-professionals'].flat()[0],
    afwezigTot: optional(body.afwezigTot),
  };
  if (body.soort) input.soort = [body.soort].flat()[0];
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
