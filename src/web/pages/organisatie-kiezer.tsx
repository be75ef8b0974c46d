import { organisatieTypeLabels } from '../../zoeken/labels.js';
import { Kiezer } from './kiezer.js';

/**
 * The routing page's organisation picker (#14 point 12). Without JavaScript it is a list of checkboxes: the chosen
 * organisations, the ones the desk routes to most, and — after "Zoek organisatie" — those matching a typed name;
 * a chosen one is removed by unticking it. With JavaScript it is the combobox of kiezer.tsx (static/kiezer.js):
 * type to filter on name, abbreviation or official name, the most routed first. Both send `organisaties=<code>`.
 */

export interface KiezerOrganisatie {
  code: string;
  naam: string;
  afkorting: string | null;
  officieleNaam?: string;
  type: string;
}

export interface OrganisatieKiezerProps {
  organisaties: KiezerOrganisatie[];
  gekozen: string[];
  veelgebruikt: string[];
  /** Without JavaScript: the typed search and what it found. */
  zoekterm: string;
  gevonden: KiezerOrganisatie[];
  /** This field's validation errors. */
  fouten: string[];
}

const label = (o: KiezerOrganisatie) => (o.afkorting && !o.naam.includes(o.afkorting) ? `${o.naam} (${o.afkorting})` : o.naam);

function Keuze({ organisatie, checked, prefix }: { organisatie: KiezerOrganisatie; checked: boolean; prefix: string }) {
  const id = `${prefix}-${organisatie.code}`;
  return (
    <li>
      <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={id} name="organisaties" value={organisatie.code} checked={checked} />
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
        {label(organisatie)} <span class="mr-hint-inline">· {organisatieTypeLabels[organisatie.type] ?? organisatie.type}</span>
      </label>
    </li>
  );
}

export function OrganisatieKiezer({ organisaties, gekozen, veelgebruikt, zoekterm, gevonden, fouten }: OrganisatieKiezerProps) {
  const byCode = new Map(organisaties.map((o) => [o.code, o]));
  const chosen = gekozen.map((code) => byCode.get(code)).filter((o) => o !== undefined);
  const chosenCodes = new Set(chosen.map((o) => o.code));
  const frequent = veelgebruikt.map((code) => byCode.get(code)).filter((o) => o !== undefined);
  const shownAbove = new Set(frequent.map((o) => o.code));
  // Found ones already listed above (chosen or frequent) are not repeated.
  const found = gevonden.filter((o) => !chosenCodes.has(o.code) && !shownAbove.has(o.code));
  // The official name ("Gemeente Tilburg") finds an organisation too, when it differs from the name.
  const opties = organisaties.map((o) => ({
    code: o.code,
    naam: o.naam,
    kort: o.afkorting ?? '',
    extra: organisatieTypeLabels[o.type] ?? o.type,
    zoekwoorden: o.officieleNaam && o.officieleNaam !== o.naam ? [o.officieleNaam] : [],
  }));
  return (
    <Kiezer
      veld="organisaties"
      id="organisatie"
      optieId="optie-"
      legenda="Betrokken organisaties (1 tot 20)"
      hint="Typ een deel van de naam of de afkorting, bijvoorbeeld SVB of Tilburg, en kies de organisatie. De organisaties waar de desk het vaakst naar zoekt, staan bovenaan."
      fouten={fouten}
      max={20}
      opties={opties}
      veelgebruikt={frequent.map((o) => o.code)}
      woorden={{ enkelvoud: 'organisatie', meervoud: 'organisaties', zoeklabel: 'Organisatie zoeken en kiezen' }}
    >
      {chosen.length > 0 && (
        <>
          <p class="mr-kiezer__kop">Gekozen (vink uit om te verwijderen):</p>
          <ul class="mr-keuzelijst">
            {chosen.map((o) => (
              <Keuze organisatie={o} checked prefix="gekozen" />
            ))}
          </ul>
        </>
      )}
      {frequent.some((o) => !chosenCodes.has(o.code)) && (
        <>
          <p class="mr-kiezer__kop">Vaak gevraagd:</p>
          <ul class="mr-keuzelijst">
            {frequent
              .filter((o) => !chosenCodes.has(o.code))
              .map((o) => (
                <Keuze organisatie={o} checked={false} prefix="vaak" />
              ))}
          </ul>
        </>
      )}
      <label class="utrecht-form-label" for="organisatieZoekterm">
        Andere organisatie zoeken
      </label>
      <div class="mr-kiezer__zoek">
        <input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="organisatieZoekterm" name="organisatieZoekterm" value={zoekterm} autocomplete="off" />
        <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="organisatieZoeken" value="1">
          Zoek organisatie
        </button>
      </div>
      {zoekterm && (
        <div role="status">
          {gevonden.length === 0 ? (
            <p>Geen organisatie gevonden voor ‘{zoekterm}’.</p>
          ) : (
            <>
              <p class="mr-kiezer__kop">
                {gevonden.length === 1 ? '1 organisatie' : `${gevonden.length} organisaties`} voor ‘{zoekterm}’
                {found.length < gevonden.length ? ` (${gevonden.length - found.length} al hierboven)` : ''}
                {found.length > 0 ? ' — vink aan wat je wilt toevoegen:' : '.'}
              </p>
              {found.length > 0 && (
                <ul class="mr-keuzelijst">
                  {found.map((o) => (
                    <Keuze organisatie={o} checked={false} prefix="gevonden" />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </Kiezer>
  );
}
